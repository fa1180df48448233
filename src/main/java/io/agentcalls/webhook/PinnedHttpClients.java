package io.agentcalls.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.util.Timeout;

/**
 * The HTTP client of every outbound request under the egress rules (decision 0010): it never asks
 * DNS (each request goes to an address {@link WebhookUrlPolicy} approved, with the host name kept for
 * the Host header, SNI and certificate check), never follows redirects, retries nothing, keeps no
 * cookies or credentials, and takes no compressed bodies (a small body on the wire could be a large
 * one in memory). Webhook deliveries and recording downloads each build one.
 */
final class PinnedHttpClients {

    private PinnedHttpClients() {}

    static CloseableHttpClient build(Duration timeout, int maxConnections, SSLContext tls, String userAgent) {
        Timeout limit = Timeout.of(timeout);
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setTlsSocketStrategy(new DefaultClientTlsStrategy(tls))
                        .setDnsResolver(new NoLookups())
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(limit)
                                .setSocketTimeout(limit)
                                .build())
                        .setDefaultSocketConfig(
                                SocketConfig.custom().setSoTimeout(limit).build())
                        .setMaxConnTotal(maxConnections)
                        .setMaxConnPerRoute(maxConnections)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(limit)
                        .setResponseTimeout(limit)
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .setUserAgent(userAgent)
                .build();
    }

    /** Where to connect: the first approved address, under the URL's host name. */
    static HttpHost pinned(WebhookUrlPolicy.Allowed target) {
        InetAddress address = target.addresses().get(0);
        return new HttpHost(target.uri().getScheme(), address, target.hostName(), target.port());
    }

    static SSLContext defaultTls() {
        try {
            return SSLContext.getDefault(); // the JDK's trust store, or javax.net.ssl.trustStore when set
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("no TLS available", e);
        }
    }

    /**
     * Every target carries the address its check approved, so the client never needs DNS; a lookup
     * here would be a second, unchecked one, and fails instead.
     */
    private static final class NoLookups implements DnsResolver {
        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            throw new UnknownHostException("egress connections use the address the URL check approved");
        }

        @Override
        public String resolveCanonicalHostname(String host) throws UnknownHostException {
            throw new UnknownHostException("egress connections use the address the URL check approved");
        }
    }
}
