package io.agentcalls.secrets;

import io.agentcalls.common.PrivateFile;
import io.agentcalls.common.StartupRefusal;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The current key and the previous ones, from the configuration or, with no key configured, from the
 * key file generated into the data folder at first start. A malformed key stops the start with a
 * message that names the variable and never shows the value.
 */
record EncryptionKeys(EncryptionKey current, List<EncryptionKey> previous, String source) {

    static final String KEY_FILE = "encryption-key";
    private static final String HOW = "the base64 of 32 random bytes (openssl rand -base64 32)";

    static EncryptionKeys load(EncryptionProperties properties, Path dataDirectory) throws IOException {
        EncryptionKey current;
        String source;
        if (properties.key().isBlank()) {
            Path file = dataDirectory.resolve(KEY_FILE);
            PrivateFile stored = PrivateFile.readOrCreate(file, EncryptionKeys::newKey);
            current = EncryptionKey.parse(stored.content())
                    .orElseThrow(() -> StartupRefusal.because(
                            file.toAbsolutePath() + " must hold " + HOW + "; restore it from a backup"));
            source = file.toAbsolutePath().toString();
        } else {
            current = EncryptionKey.parse(properties.key())
                    .orElseThrow(() -> StartupRefusal.because("AGENTCALLS_ENCRYPTION_KEY must be " + HOW));
            source = "AGENTCALLS_ENCRYPTION_KEY";
        }
        List<EncryptionKey> previous = new ArrayList<>();
        List<String> given = properties.previousKeys();
        for (int i = 0; i < given.size(); i++) {
            int position = i + 1;
            previous.add(EncryptionKey.parse(given.get(i))
                    .orElseThrow(() -> StartupRefusal.because("AGENTCALLS_ENCRYPTION_PREVIOUS_KEYS: key " + position
                            + " of " + given.size() + " is not " + HOW)));
        }
        return new EncryptionKeys(current, List.copyOf(previous), source);
    }

    SecretCipher cipher() {
        return new SecretCipher(current, previous);
    }

    /** The key with this id among the current and previous ones. */
    Optional<EncryptionKey> find(String keyId) {
        if (current.id().equals(keyId)) {
            return Optional.of(current);
        }
        return previous.stream().filter(k -> k.id().equals(keyId)).findFirst();
    }

    private static String newKey() {
        byte[] key = new byte[EncryptionKey.BYTES];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
