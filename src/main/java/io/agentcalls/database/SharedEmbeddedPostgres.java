package io.agentcalls.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One embedded PostgreSQL per JVM, counted by the application contexts that use it: the service has
 * one context, a test JVM may hold a second (the HTTP-runner tests), and both must share the server
 * that owns the data folder. The last context to close stops it.
 *
 * <p>On SIGTERM the server must outlive the context's graceful shutdown (requests in flight, leases
 * handed back), so it is stopped by the context's close, not by a JVM hook of its own; a hook of ours
 * stops it only if no context has done so within {@link #CONTEXTS_GRACE} of the exit. If the JVM is
 * killed all the same, the next start stops the orphan ({@link OrphanedPostmaster}).
 */
final class SharedEmbeddedPostgres {

    /**
     * Long enough for a context's graceful shutdown (measured at under 5 s), short enough that the JVM
     * stops its PostgreSQL before whoever asked it to exit gives up and kills it: Maven Surefire
     * kills a test JVM 30 s after asking, and a killed JVM leaves its PostgreSQL running.
     */
    static final Duration CONTEXTS_GRACE = Duration.ofSeconds(20);

    private static EmbeddedPostgres instance;
    private static EmbeddedDatabase database;
    private static Path directory;
    private static int users;

    private SharedEmbeddedPostgres() {}

    static synchronized EmbeddedDatabase obtain(Path serviceDataDirectory, EmbeddedPostgresProperties properties)
            throws IOException {
        if (instance != null) {
            if (!directory.equals(serviceDataDirectory)) {
                throw new IllegalStateException("An embedded PostgreSQL already runs on " + directory);
            }
            users++;
            return database;
        }
        PrivateEmbeddedPostgres.Running running = PrivateEmbeddedPostgres.start(serviceDataDirectory, properties);
        instance = running.server();
        database = running.database();
        directory = serviceDataDirectory;
        users = 1;
        Runtime.getRuntime().addShutdownHook(new Thread(SharedEmbeddedPostgres::stopAtExit, "embedded-postgres-exit"));
        return database;
    }

    static synchronized void release() throws IOException {
        if (instance == null || --users > 0) {
            return;
        }
        close();
    }

    /** At JVM exit: waits for the contexts to release the server, and stops it if they do not. */
    private static synchronized void stopAtExit() {
        long deadline = System.nanoTime() + CONTEXTS_GRACE.toNanos();
        try {
            while (instance != null && System.nanoTime() < deadline) {
                SharedEmbeddedPostgres.class.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            }
            if (instance != null) {
                close();
            }
        } catch (InterruptedException | IOException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void close() throws IOException {
        try {
            instance.close();
        } finally {
            instance = null;
            database = null;
            directory = null;
            SharedEmbeddedPostgres.class.notifyAll();
        }
    }
}
