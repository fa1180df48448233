package io.agentcalls.runner;

import io.agentcalls.common.ErrorResponse;
import io.agentcalls.common.ErrorResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.ObjectMapper;

/**
 * Authenticates the runner's calls to {@code /api/v1/runner/}: an HMAC-SHA256 of
 * {@code timestamp.body} with the shared secret, and a timestamp within five minutes so a captured
 * request can't be replayed later. Runs before the body is parsed; anything wrong is a 401 and
 * the request goes no further.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class RunnerSignatureFilter extends OncePerRequestFilter {

    static final Duration TOLERANCE = Duration.ofMinutes(5);
    static final String INVALID = "Invalid runner signature";

    private final RunnerSignature signature;
    private final ObjectMapper objectMapper;
    private final long maxBytes;
    private final Clock clock = Clock.systemUTC();

    RunnerSignatureFilter(
            RunnerSignature signature,
            ObjectMapper objectMapper,
            @Value("${agentcalls.max-json-body-bytes:10485760}") long maxBytes) {
        this.signature = signature;
        this.objectMapper = objectMapper;
        this.maxBytes = maxBytes;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI()
                .substring(request.getContextPath().length())
                .startsWith("/api/v1/runner/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body;
        try {
            body = readAtMost(request.getInputStream(), maxBytes);
        } catch (IOException tooLargeOrBroken) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            objectMapper.writeValue(
                    response.getOutputStream(),
                    ErrorResponse.of(
                            "Validation failed", List.of("body must not be larger than " + maxBytes + " bytes")));
            return;
        }
        String timestamp = request.getHeader(RunnerSignature.TIMESTAMP_HEADER);
        if (!fresh(timestamp)
                || !signature.verify(timestamp, body, request.getHeader(RunnerSignature.SIGNATURE_HEADER))) {
            ErrorResponses.write(response, objectMapper, HttpStatus.UNAUTHORIZED, INVALID);
            return;
        }
        chain.doFilter(new ReplayedBody(request, body), response);
    }

    /** Epoch seconds, no further than the tolerance from now in either direction. */
    private boolean fresh(String timestamp) {
        if (timestamp == null || timestamp.isEmpty() || timestamp.length() > 12) {
            return false;
        }
        try {
            long seconds = Long.parseLong(timestamp);
            return Math.abs(clock.instant().getEpochSecond() - seconds) <= TOLERANCE.toSeconds();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static byte[] readAtMost(InputStream in, long maxBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            total += n;
            if (total > maxBytes) {
                throw new IOException("body too large");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** The request with its body, already read for the signature, readable again by the controller. */
    private static final class ReplayedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        ReplayedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already in memory");
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
