package io.agentcalls.customer;

import io.agentcalls.common.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Copies an uploaded CSV to a temporary file, holding it to {@link CsvImportProperties}, before the
 * import takes a database connection: a slow or endless upload holds a request thread and a bounded
 * file, never a pooled connection or more than one buffer of heap.
 */
@Component
class CsvSpooler {

    private static final Logger log = LoggerFactory.getLogger(CsvSpooler.class);
    private static final int BUFFER = 64 * 1024;
    private static final int RETRY_AFTER_SECONDS = 10;

    private final CsvImportProperties limits;
    private final Clock clock;
    private final Semaphore slots;

    @Autowired
    CsvSpooler(CsvImportProperties limits) {
        this(limits, Clock.systemUTC());
    }

    CsvSpooler(CsvImportProperties limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
        this.slots = new Semaphore(limits.maxConcurrent());
        if (limits.spoolDirectory() != null) {
            try {
                Files.createDirectories(limits.spoolDirectory());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create agentcalls.imports.spool-directory", e);
            }
        }
    }

    /** Refuses a body whose declared length is over the cap, before a byte of it is read. */
    void refuseDeclaredLength(long contentLength) {
        if (contentLength > limits.maxBytes().toBytes()) {
            throw tooLarge();
        }
    }

    /** Imports spooling or running on this node now. */
    int inProgress() {
        return limits.maxConcurrent() - slots.availablePermits();
    }

    /**
     * The whole upload in a temporary file, or a 400 naming the cap it broke (the file then deleted);
     * 503 when this node already runs {@code max-concurrent} imports. Close the result to delete it.
     */
    SpooledCsv spool(InputStream body) {
        if (!slots.tryAcquire()) {
            throw new ApiException(
                            HttpStatus.SERVICE_UNAVAILABLE,
                            "Too many CSV imports in progress on this server (agentcalls.imports.max-concurrent is "
                                    + limits.maxConcurrent() + "); retry later")
                    .retryAfter(Duration.ofSeconds(RETRY_AFTER_SECONDS));
        }
        Path file = null;
        try {
            file = createFile();
            copy(body, file);
            return new SpooledCsv(file, slots::release);
        } catch (RuntimeException e) {
            delete(file);
            slots.release();
            throw e;
        }
    }

    private void copy(InputStream body, Path file) {
        CsvShape shape = new CsvShape(limits);
        long maxBytes = limits.maxBytes().toBytes();
        long deadline = clock.millis() + limits.maxDuration().toMillis();
        byte[] buffer = new byte[BUFFER];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int n = read(body, buffer); n >= 0; n = read(body, buffer)) {
                total += n;
                if (total > maxBytes) {
                    throw tooLarge();
                }
                if (clock.millis() > deadline) {
                    throw ApiException.validation("CSV upload must not take longer than "
                            + limits.maxDuration().toMinutes() + " minutes (agentcalls.imports.max-duration)");
                }
                shape.accept(buffer, n);
                out.write(buffer, 0, n);
            }
            shape.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the spool file", e);
        }
    }

    /** A read that fails is the client's doing (it went away, or sent a broken chunk): a 400, not a 500. */
    private static int read(InputStream body, byte[] buffer) {
        try {
            return body.read(buffer);
        } catch (IOException e) {
            log.info("A CSV upload ended before its end: {}", e.toString());
            throw ApiException.validation("the CSV upload was interrupted before its end");
        }
    }

    private Path createFile() {
        try {
            // createTempFile makes the file readable by its owner only: it holds borrowers' data
            return limits.spoolDirectory() == null
                    ? Files.createTempFile("agentcalls-import-", ".csv")
                    : Files.createTempFile(limits.spoolDirectory(), "agentcalls-import-", ".csv");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a spool file", e);
        }
    }

    ApiException tooLarge() {
        return ApiException.validation("CSV must not be larger than "
                + Sizes.describe(limits.maxBytes().toBytes()) + " (agentcalls.imports.max-bytes)");
    }

    static void delete(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the spool file {}: {}", file, e.toString());
        }
    }
}
