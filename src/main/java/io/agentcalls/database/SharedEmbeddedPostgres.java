package io.agentcalls.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One embedded PostgreSQL per JVM, counted by the application contexts that use it: the service has
 * one context, a test JVM may hold a second (the HTTP-runner tests), and both must share the server
 * that owns the data folder. The last context to close stops it.
 */
final class SharedEmbeddedPostgres {

    private static EmbeddedPostgres instance;
    private static Path directory;
    private static int users;

    private SharedEmbeddedPostgres() {}

    static synchronized EmbeddedPostgres obtain(Path dataDirectory, boolean clean) throws IOException {
        if (instance != null) {
            if (!directory.equals(dataDirectory)) {
                throw new IllegalStateException("An embedded PostgreSQL already runs on " + directory);
            }
            users++;
            return instance;
        }
        Files.createDirectories(dataDirectory);
        OrphanedPostmaster.stopIfRunning(dataDirectory);
        instance = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(clean)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "200")
                .setServerConfig("max_wal_size", "4GB")
                .setServerConfig("shared_buffers", "256MB")
                .start();
        directory = dataDirectory;
        users = 1;
        return instance;
    }

    static synchronized void release() throws IOException {
        if (instance == null || --users > 0) {
            return;
        }
        try {
            instance.close();
        } finally {
            instance = null;
            directory = null;
        }
    }
}
