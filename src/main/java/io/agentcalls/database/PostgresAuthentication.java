package io.agentcalls.database;

import io.agentcalls.common.StartupRefusal;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a data folder on password authentication before PostgreSQL starts on it. zonky's initdb
 * trusts every local connection, and so did the data folders of earlier versions of this service:
 * anyone on the machine could connect as the superuser. Here the superuser gets the generated
 * password and {@code pg_hba.conf} allows only SCRAM password logins over loopback TCP.
 *
 * <p>The password is set in single-user mode (the {@code postgres} binary reading SQL from its
 * standard input, no server, no network), so no connection is ever accepted without it, not even
 * for a moment at first start or while an old folder is upgraded.
 */
final class PostgresAuthentication {

    private static final Logger log = LoggerFactory.getLogger(PostgresAuthentication.class);
    private static final String MARKER = "# agentcalls: password (SCRAM) logins over loopback TCP only";
    private static final String HBA = MARKER + """

            # This file is written on every start; changes to it are lost. There is no Unix socket
            # (unix_socket_directories is empty) and the server listens on 127.0.0.1 only.
            host    all    all    127.0.0.1/32    scram-sha-256
            """;
    // Set as a SQL literal in single-user mode, so only characters that need no quoting.
    private static final Pattern PASSWORD = Pattern.compile("[A-Za-z0-9_-]{16,}");

    private PostgresAuthentication() {}

    /**
     * Makes {@code password} the superuser's and requires it. {@code passwordIsNew} says whether the
     * password file was just written; otherwise the role already has it, unless the folder has not
     * been through this method before (a fresh initdb, a folder of an earlier version).
     */
    static void require(Path dataDirectory, Path postgres, String password, boolean passwordIsNew, Path passwordFile)
            throws IOException {
        if (!PASSWORD.matcher(password).matches()) {
            throw StartupRefusal.because(passwordFile
                    + " must hold 16 or more letters, digits, '-' or '_'; delete it and a new password is made");
        }
        Path hba = dataDirectory.resolve("pg_hba.conf");
        boolean secured = Files.exists(hba) && Files.readString(hba).startsWith(MARKER);
        if (passwordIsNew || !secured) {
            log.info("Setting the embedded PostgreSQL's password ({}) and requiring it", passwordFile);
            setSuperuserPassword(dataDirectory, postgres, password);
        }
        Files.writeString(hba, HBA, StandardCharsets.UTF_8);
    }

    private static void setSuperuserPassword(Path dataDirectory, Path postgres, String password) throws IOException {
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            // as zonky does: PostgreSQL refuses to run as root, a user namespace makes it another user
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(
                postgres.toString(),
                "--single",
                "-D",
                dataDirectory.toString(),
                // a failed statement is never echoed with its text, which holds the password
                "-c",
                "log_min_error_statement=panic",
                "-c",
                "password_encryption=scram-sha-256",
                "postgres"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(("ALTER ROLE postgres PASSWORD '" + password + "';\n").getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            // single-user mode runs crash recovery first when the last server died hard
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("PostgreSQL in single-user mode did not finish in 10 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("interrupted while setting the embedded PostgreSQL's password", e);
        }
        if (process.exitValue() != 0 || output.contains("ERROR:") || output.contains("FATAL:")) {
            throw new IllegalStateException("could not set the embedded PostgreSQL's password (exit code "
                    + process.exitValue() + "):\n" + output);
        }
    }
}
