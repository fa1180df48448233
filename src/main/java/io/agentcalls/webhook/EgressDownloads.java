package io.agentcalls.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;

/**
 * GETs under the webhook egress rules, for other features: call recordings kept by a runner or a
 * voice provider. The URL is checked like a webhook's (https, allowed ports, public addresses only,
 * unless the operator allows http for tests) and the connection goes to the address that check
 * approved; redirects are not followed. Each read waits at most the webhook timeout; the caller
 * bounds how much it reads.
 */
public class EgressDownloads implements AutoCloseable {

    /** What a GET came to. */
    public sealed interface Result permits Opened, Refused {}

    /** Not fetched: why, in the words of the delivery log ({@code address not allowed}, {@code timeout}…). */
    public record Refused(String reason) implements Result {}

    /** An answer, its body not read yet: close it (reading to the end is not needed). */
    public static final class Opened implements Result, AutoCloseable {
        private final HttpGet request;
        private final ClassicHttpResponse response;

        Opened(HttpGet request, ClassicHttpResponse response) {
            this.request = request;
            this.response = response;
        }

        public int status() {
            return response.getCode();
        }

        /** The Content-Type header's media type, lower case, without parameters; null when absent. */
        public String contentType() {
            Header header = response.getFirstHeader("Content-Type");
            if (header == null || header.getValue() == null) {
                return null;
            }
            String type = header.getValue();
            int semicolon = type.indexOf(';');
            return (semicolon < 0 ? type : type.substring(0, semicolon)).strip().toLowerCase(java.util.Locale.ROOT);
        }

        /** The announced length, or -1 when unknown. */
        public long contentLength() {
            HttpEntity entity = response.getEntity();
            return entity == null ? -1 : entity.getContentLength();
        }

        public InputStream body() throws IOException {
            HttpEntity entity = response.getEntity();
            return entity == null ? InputStream.nullInputStream() : entity.getContent();
        }

        /** Aborts the exchange: closing a body that was not read to its end would read (drain) all of it. */
        @Override
        public void close() {
            request.cancel();
            try {
                response.close();
            } catch (IOException | RuntimeException ignored) {
                // the connection is gone either way
            }
        }
    }

    private final WebhookUrlPolicy urlPolicy;
    private final CloseableHttpClient client;

    EgressDownloads(WebhookUrlPolicy urlPolicy, Duration timeout, int maxConnections) {
        this(urlPolicy, timeout, maxConnections, PinnedHttpClients.defaultTls());
    }

    EgressDownloads(WebhookUrlPolicy urlPolicy, Duration timeout, int maxConnections, SSLContext tls) {
        this.urlPolicy = urlPolicy;
        this.client = PinnedHttpClients.build(timeout, maxConnections, tls, "agentcalls-downloads/1");
    }

    public Result get(String url) {
        WebhookUrlPolicy.Decision decision = urlPolicy.check(url);
        if (decision instanceof WebhookUrlPolicy.Refused refused) {
            return new Refused(refused.category().label());
        }
        WebhookUrlPolicy.Allowed target = (WebhookUrlPolicy.Allowed) decision;
        HttpGet request = new HttpGet(target.uri());
        try {
            return new Opened(request, client.executeOpen(PinnedHttpClients.pinned(target), request, null));
        } catch (IOException | RuntimeException e) {
            return new Refused(FailureCategory.of(e).label());
        }
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
