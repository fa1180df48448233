package io.agentcalls.media;

import java.io.IOException;
import java.io.InputStream;

/**
 * A recording ready to stream: its media type ({@code audio/mpeg} or {@code audio/wav}), its length
 * when known (-1 otherwise) and its bytes; close it when done, read to the end or not.
 */
public record Recording(String contentType, long length, InputStream body, AutoCloseable source)
        implements AutoCloseable {

    @Override
    public void close() {
        try {
            source.close();
        } catch (Exception ignored) {
            // the source is gone either way
        }
    }

    static Recording of(String contentType, byte[] bytes) {
        InputStream in = new java.io.ByteArrayInputStream(bytes);
        return new Recording(contentType, bytes.length, in, in);
    }

    public InputStream stream() throws IOException {
        return body;
    }
}
