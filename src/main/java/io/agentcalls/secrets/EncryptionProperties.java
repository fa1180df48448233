package io.agentcalls.secrets;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code agentcalls.encryption.*}: the key that encrypts stored secrets. Checked when the keys are
 * loaded ({@link EncryptionKeys}), not here, so a malformed key never appears in a binding error.
 *
 * @param key AGENTCALLS_ENCRYPTION_KEY: base64 of 32 random bytes ({@code openssl rand -base64 32});
 *     unset, a key generated into {@code AGENTCALLS_DATA_DIR/encryption-key} at first start is used
 * @param previousKeys AGENTCALLS_ENCRYPTION_PREVIOUS_KEYS: comma-separated earlier keys, during a
 *     rotation: stored values under them are re-encrypted under {@code key} at start
 */
@ConfigurationProperties("agentcalls.encryption")
record EncryptionProperties(
        @DefaultValue("") String key, @DefaultValue List<String> previousKeys) {

    EncryptionProperties {
        key = key == null ? "" : key;
        previousKeys = previousKeys == null
                ? List.of()
                : previousKeys.stream().filter(k -> !k.isBlank()).toList();
    }

    @Override
    public String toString() {
        return "EncryptionProperties[key=" + (key.isBlank() ? "unset" : "set") + ", previousKeys=" + previousKeys.size()
                + "]";
    }
}
