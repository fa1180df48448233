package io.agentcalls.customer;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** An upload spooled whole to a temporary file; closing it deletes the file and frees its import slot. */
final class SpooledCsv implements AutoCloseable {

    private final Path file;
    private final Runnable release;
    private boolean closed;

    SpooledCsv(Path file, Runnable release) {
        this.file = file;
        this.release = release;
    }

    InputStream open() throws IOException {
        return new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
    }

    Path file() {
        return file;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            CsvSpooler.delete(file);
            release.run();
        }
    }
}
