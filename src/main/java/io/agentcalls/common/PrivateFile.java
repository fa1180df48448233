package io.agentcalls.common;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A secret kept in a file only its owner can read or write (mode 0600): the embedded database's
 * password, the generated encryption key. Created once with its first content; never rewritten.
 *
 * @param content the file's text without surrounding whitespace
 * @param created whether this call wrote the file
 */
public record PrivateFile(String content, boolean created) {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    /** Reads the file, first writing {@code initial}'s value into it when it does not exist. */
    public static PrivateFile readOrCreate(Path file, Supplier<String> initial) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        boolean created = create(file, initial);
        restrictToOwner(file);
        String content = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (content.isEmpty()) {
            throw StartupRefusal.because(file.toAbsolutePath() + " is empty; delete it or restore it from a backup");
        }
        return new PrivateFile(content, created);
    }

    private static boolean create(Path file, Supplier<String> initial) throws IOException {
        try {
            // CREATE_NEW with the mode given at creation: the secret is never readable by others, not
            // even between creating the file and changing its mode
            if (supportsPosix(file)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException existing) {
            return false;
        }
        Files.writeString(
                file, initial.get() + "\n", StandardCharsets.UTF_8, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        return true;
    }

    /** A file copied in with a looser mode (a restore, an editor) is made private again. */
    private static void restrictToOwner(Path file) throws IOException {
        if (supportsPosix(file) && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }

    private static boolean supportsPosix(Path file) {
        return file.toAbsolutePath()
                .getParent()
                .getFileSystem()
                .supportedFileAttributeViews()
                .contains("posix");
    }
}
