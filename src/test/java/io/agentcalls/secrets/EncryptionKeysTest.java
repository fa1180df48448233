package io.agentcalls.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentcalls.common.StartupRefusal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncryptionKeysTest {

    @TempDir
    Path dataDir;

    @Test
    void withNoKeyConfiguredOneIsGeneratedIntoAPrivateFileAndKept() throws Exception {
        EncryptionKeys first = EncryptionKeys.load(new EncryptionProperties("", List.of()), dataDir);
        Path file = dataDir.resolve("encryption-key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);

        EncryptionKeys second = EncryptionKeys.load(new EncryptionProperties("", List.of()), dataDir);
        assertThat(second.current().id()).isEqualTo(first.current().id());
    }

    @Test
    void aConfiguredKeyWins() throws Exception {
        String key = Base64.getEncoder().encodeToString(new byte[32]);
        EncryptionKeys keys = EncryptionKeys.load(new EncryptionProperties(key, List.of()), dataDir);
        assertThat(keys.source()).isEqualTo("AGENTCALLS_ENCRYPTION_KEY");
        assertThat(dataDir.resolve("encryption-key")).doesNotExist();
    }

    @Test
    void aMalformedKeyIsRefusedByNameWithoutShowingIt() {
        String notBase64 = "this is not base64 at all!";
        String tooShort = Base64.getEncoder().encodeToString(new byte[16]);
        for (String bad : List.of(notBase64, tooShort)) {
            assertThatThrownBy(() -> EncryptionKeys.load(new EncryptionProperties(bad, List.of()), dataDir))
                    .isInstanceOf(StartupRefusal.class)
                    .hasMessageContaining("AGENTCALLS_ENCRYPTION_KEY must be the base64 of 32 random bytes")
                    .message()
                    .doesNotContain(bad);
        }
        String good = Base64.getEncoder().encodeToString(new byte[32]);
        assertThatThrownBy(() -> EncryptionKeys.load(new EncryptionProperties(good, List.of(good, tooShort)), dataDir))
                .isInstanceOf(StartupRefusal.class)
                .hasMessageContaining("AGENTCALLS_ENCRYPTION_PREVIOUS_KEYS: key 2 of 2");
    }
}
