package io.agentcalls.database;

import io.agentcalls.common.Ids;
import io.agentcalls.common.PrivateFile;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;

/**
 * Starts zonky's PostgreSQL the way a service's only database must run: password protected, on
 * loopback, durable unless told otherwise. Under the service's data folder: {@code postgres/}
 * (PostgreSQL's own), {@code postgres-password} (mode 0600) and {@code postgres-binaries/} (mode
 * 0700: zonky makes its working directory writable by everyone, so it sits inside one that only this
 * user can enter, and nobody else can swap the binaries the service runs).
 */
final class PrivateEmbeddedPostgres {

    /** A started server and how to reach it. */
    record Running(EmbeddedPostgres server, EmbeddedDatabase database) {}

    private PrivateEmbeddedPostgres() {}

    static Running start(Path serviceDataDirectory, EmbeddedPostgresProperties properties) throws IOException {
        Path dataDirectory = serviceDataDirectory.resolve("postgres");
        Files.createDirectories(dataDirectory);
        OrphanedPostmaster.stopIfRunning(dataDirectory);
        if (properties.clean()) {
            // a clean start must not trip over what a process killed before its own stop left behind:
            // initdb refuses a folder that is not empty
            emptyFolder(dataDirectory);
        }
        Path passwordFile = serviceDataDirectory.resolve("postgres-password");
        PrivateFile password = PrivateFile.readOrCreate(passwordFile, () -> Ids.randomToken(24));
        Path binaries = privateDirectory(serviceDataDirectory.resolve("postgres-binaries"));
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(properties.clean())
                .setPGStartupWait(Duration.ofSeconds(60))
                // zonky's own hook stops the server the moment the JVM is asked to exit, while the
                // context still shuts down gracefully on it; SharedEmbeddedPostgres stops it after
                .setRegisterShutdownHook(false)
                .setPgBinaryResolver(PostgresBinaries.INSTANCE)
                .setOverrideWorkingDirectory(PostgresBinaries.INSTANCE
                        .offer(binaries.resolve("unpacked"))
                        .toFile())
                // zonky checks that the server is up by logging in, with this password
                .setConnectConfig("password", password.content())
                // after initdb, before the server starts: the only moment the folder is ours alone
                .setDataDirectoryCustomizer(folder -> requirePassword(folder.toPath(), password, passwordFile));
        ServerSettings.of(properties.durable()).forEach(builder::setServerConfig);
        EmbeddedPostgres server = builder.start();
        return new Running(server, new EmbeddedDatabase(server.getPort(), password.content()));
    }

    private static void requirePassword(Path dataDirectory, PrivateFile password, Path passwordFile) {
        try {
            PostgresAuthentication.require(
                    dataDirectory,
                    PostgresBinaries.INSTANCE.postgres(),
                    password.content(),
                    password.created(),
                    passwordFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void emptyFolder(Path folder) throws IOException {
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                if (!path.equals(folder)) {
                    Files.delete(path);
                }
            }
        }
    }

    private static Path privateDirectory(Path directory) throws IOException {
        Files.createDirectories(directory);
        if (directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        }
        return directory;
    }
}
