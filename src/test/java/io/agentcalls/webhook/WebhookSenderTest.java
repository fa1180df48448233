package io.agentcalls.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sender against real sockets on loopback: each failure it can meet lands in the delivery log
 * as its category, and the connection goes to the address the URL check approved.
 */
class WebhookSenderTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    private static final AllowedPorts ANY_PORT = AllowedPorts.of(List.of(new PortRange(1, 65535)), true);

    private final List<AutoCloseable> opened = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeEverything() throws Exception {
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
    }

    /** A sender as in tests and demos (http to loopback allowed) resolving names by a fixed table. */
    private WebhookSender sender(Map<String, String> dns) {
        return sender(new WebhookUrlPolicy(true, ANY_PORT, fixed(dns)), defaultTls());
    }

    private WebhookSender sender(WebhookUrlPolicy policy, SSLContext tls) {
        return sender(policy, tls, TIMEOUT);
    }

    private WebhookSender sender(WebhookUrlPolicy policy, SSLContext tls, Duration timeout) {
        WebhookSender sender = new WebhookSender(policy, timeout, 4, tls);
        opened.add(sender);
        return sender;
    }

    private static WebhookUrlPolicy.HostResolver fixed(Map<String, String> dns) {
        return host -> {
            String literal = dns.get(host);
            if (literal == null) {
                if (host.matches("[0-9.]+") || host.startsWith("[")) {
                    return new InetAddress[] {InetAddress.getByName(host)};
                }
                throw new UnknownHostException(host);
            }
            return new InetAddress[] {InetAddress.getByName(literal)};
        };
    }

    private static SendResult send(WebhookSender sender, String url) {
        return sender.send(url, "msg_test", 1_700_000_000L, "v1,signature", "{\"type\":\"call.completed\"}");
    }

    @Test
    void aClosedPortIsConnectionRefused() throws IOException {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        SendResult result = send(sender(Map.of()), "http://127.0.0.1:" + port + "/hook");
        assertThat(result.responseCode()).isNull();
        assertThat(result.error()).isEqualTo("connection refused");
    }

    @Test
    void aServerThatNeverAnswersIsATimeoutWithinTheTimeout() throws IOException {
        int port = rawServer(socket -> sleepQuietly(Duration.ofSeconds(10)));
        SendResult result = send(sender(Map.of()), "http://127.0.0.1:" + port + "/hook");
        assertThat(result.error()).isEqualTo("timeout");
        assertThat(result.durationMs()).isBetween(900, 3000);
    }

    @Test
    void aBodyTrickledForeverIsATimeoutWithinTheTimeout() throws IOException {
        int port = rawServer(socket -> {
            write(socket, "HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n");
            for (int i = 0; i < 100; i++) {
                write(socket, "x");
                sleepQuietly(Duration.ofMillis(100));
            }
        });
        SendResult result = send(sender(Map.of()), "http://127.0.0.1:" + port + "/hook");
        assertThat(result.error()).isEqualTo("timeout");
        assertThat(result.durationMs()).isBetween(900, 3000);
    }

    @Test
    void anEndlessBodyIsCutAt1KbAndTheResponseKept() throws IOException {
        int port = rawServer(socket -> {
            write(socket, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
            String chunk = Integer.toHexString(4096) + "\r\n" + "y".repeat(4096) + "\r\n";
            for (int i = 0; i < 100_000; i++) {
                write(socket, chunk);
            }
        });
        SendResult result = send(sender(Map.of()), "http://127.0.0.1:" + port + "/hook");
        assertThat(result.error()).isNull();
        assertThat(result.responseCode()).isEqualTo(200);
        assertThat(result.responseBody()).hasSize(1024);
        assertThat(result.durationMs()).isLessThan(900);
    }

    @Test
    void httpsToAPlainHttpServerIsATlsFailure() {
        WireMockServer plain =
                new WireMockServer(WireMockConfiguration.options().dynamicPort());
        plain.start();
        opened.add(plain::stop);
        SendResult result = send(sender(Map.of()), "https://127.0.0.1:" + plain.port() + "/hook");
        assertThat(result.error()).isEqualTo("TLS failure");
    }

    @Test
    void aResetConnectionIsConnectionReset() throws IOException {
        int port = rawServer(socket -> {
            readRequestHead(socket);
            try {
                socket.setSoLinger(true, 0); // close with RST instead of FIN
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        SendResult result = send(sender(Map.of()), "http://127.0.0.1:" + port + "/hook");
        assertThat(result.error()).isIn("connection reset", "connection closed without a response");
    }

    @Test
    void aConnectionClosedBeforeAnyResponseIsSaidSo() throws IOException {
        int port = rawServer(WebhookSenderTest::readRequestHead);
        SendResult result = send(sender(Map.of()), "http://127.0.0.1:" + port + "/hook");
        assertThat(result.error()).isEqualTo("connection closed without a response");
    }

    @Test
    void garbageInsteadOfHttpIsAnInvalidResponse() throws IOException {
        int port = rawServer(socket -> {
            readRequestHead(socket);
            write(socket, "HTTP/1.1 200 OK\r\nthis is no header\r\n\r\n");
        });
        SendResult result = send(sender(Map.of()), "http://127.0.0.1:" + port + "/hook");
        assertThat(result.error()).isEqualTo("invalid HTTP response");
    }

    @Test
    void aHostResolvingToAPrivateAddressIsRefusedBeforeAnyConnection() throws IOException {
        AtomicInteger hits = new AtomicInteger();
        httpServer(200, exchange -> hits.incrementAndGet());
        WebhookUrlPolicy production = new WebhookUrlPolicy(
                false, AllowedPorts.of(List.of(), false), fixed(Map.of("hooks.test", "127.0.0.1")));
        WebhookSender sender = sender(production, defaultTls());

        assertThat(send(sender, "https://hooks.test/hook").error()).isEqualTo("address not allowed");
        assertThat(send(sender, "https://10.0.0.7/hook").error()).isEqualTo("address not allowed");
        assertThat(send(sender, "https://[64:ff9b::7f00:1]/hook").error()).isEqualTo("address not allowed");
        assertThat(send(sender, "https://hooks.test:8443/hook").error()).isEqualTo("port not allowed");
        assertThat(send(sender, "http://hooks.test/hook").error()).isEqualTo("URL not allowed");
        assertThat(send(sender, "https://nowhere.test/hook").error()).isEqualTo("DNS failure");
        assertThat(hits).hasValue(0);
    }

    @Test
    void theConnectionGoesToTheAddressThatPassedWithoutASecondLookup() throws IOException {
        List<String> hosts = new CopyOnWriteArrayList<>();
        int port = httpServer(
                204, exchange -> hosts.add(exchange.getRequestHeaders().getFirst("Host")));
        // a rebinding DNS: the first answer passes the check, every later one points elsewhere
        AtomicInteger lookups = new AtomicInteger();
        WebhookUrlPolicy.HostResolver rebinding = host ->
                new InetAddress[] {InetAddress.getByName(lookups.getAndIncrement() == 0 ? "127.0.0.1" : "192.0.2.66")};
        WebhookSender sender = sender(new WebhookUrlPolicy(true, ANY_PORT, rebinding), defaultTls());

        SendResult result = send(sender, "http://rebind.test:" + port + "/hook");

        assertThat(result.error()).isNull();
        assertThat(result.responseCode()).isEqualTo(204);
        assertThat(lookups).hasValue(1); // the check's own; rebind.test is in no real DNS either
        assertThat(hosts).containsExactly("rebind.test:" + port);
    }

    @Test
    void tlsChecksTheCertificateAgainstTheHostNameWhileConnectingToThePinnedAddress(@TempDir Path dir)
            throws Exception {
        KeyStore keys = selfSigned(dir, "hooks.test");
        SSLContext server = SSLContext.getInstance("TLS");
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, "changeit".toCharArray());
        server.init(keyManagers.getKeyManagers(), null, null);
        HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(server));
        https.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        https.start();
        opened.add(() -> https.stop(0));
        int port = https.getAddress().getPort();

        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("hooks", keys.getCertificate("hooks"));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext client = SSLContext.getInstance("TLS");
        client.init(null, trust.getTrustManagers(), null);
        WebhookSender sender = sender(
                new WebhookUrlPolicy(
                        true, ANY_PORT, fixed(Map.of("hooks.test", "127.0.0.1", "other.test", "127.0.0.1"))),
                client,
                Duration.ofSeconds(10)); // a cold JVM's first handshakes on a busy machine can take seconds

        assertThat(send(sender, "https://hooks.test:" + port + "/hook").responseCode())
                .isEqualTo(200);
        // the same server and certificate, reached by a name the certificate does not carry
        assertThat(send(sender, "https://other.test:" + port + "/hook").error()).isEqualTo("TLS failure");
        // and a certificate nobody vouches for, with the JDK's trust store
        assertThat(send(sender(Map.of("hooks.test", "127.0.0.1")), "https://hooks.test:" + port + "/hook")
                        .error())
                .isEqualTo("TLS failure");
    }

    // --- servers that misbehave on purpose

    /** A plain HTTP server answering every request with the status; sees each exchange first. */
    private int httpServer(int status, Consumer<com.sun.net.httpserver.HttpExchange> seen) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            if (seen != null) {
                seen.accept(exchange);
            }
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        opened.add(() -> server.stop(0));
        return server.getAddress().getPort();
    }

    /** A socket server running the handler on each connection, then closing it. */
    private int rawServer(Consumer<Socket> handler) throws IOException {
        ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        opened.add(server);
        CountDownLatch started = new CountDownLatch(1);
        Thread thread = new Thread(() -> {
            started.countDown();
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    handler.accept(socket);
                } catch (IOException | RuntimeException e) {
                    // the client hung up, or the test ended
                }
            }
        });
        thread.setDaemon(true);
        thread.start();
        return server.getLocalPort();
    }

    private static void readRequestHead(Socket socket) {
        try {
            InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    return;
                }
                head.append((char) b);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(Socket socket, String text) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write(text.getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static SSLContext defaultTls() {
        try {
            return SSLContext.getDefault();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A key and self-signed certificate for the name, made by the JDK's keytool. */
    private static KeyStore selfSigned(Path dir, String name) throws Exception {
        Path file = dir.resolve("keys.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(
                        keytool.toString(),
                        "-genkeypair",
                        "-alias",
                        "hooks",
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-dname",
                        "CN=" + name,
                        "-ext",
                        "SAN=dns:" + name,
                        "-validity",
                        "2",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        file.toString(),
                        "-storepass",
                        "changeit")
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            keys.load(in, "changeit".toCharArray());
        }
        return keys;
    }
}
