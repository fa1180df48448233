package io.agentcalls.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;

/**
 * One embedded PostgreSQL per JVM, counted by the application contexts that use it: the service has
 * one context, a test JVM may hold a second (the HTTP-runner tests), and both must share the server
 * that owns the data folder. The last context to close stops it.
 */
final class SharedEmbeddedPostgres {

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
        return database;
    }

    static synchronized void release() throws IOException {
        if (instance == null || --users > 0) {
            return;
        }
        try {
            instance.close();
        } finally {
            instance = null;
            database = null;
            directory = null;
        }
    }
}
