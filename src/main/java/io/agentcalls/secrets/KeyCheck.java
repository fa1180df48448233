package io.agentcalls.secrets;

import io.agentcalls.common.StartupRefusal;
import java.util.Map;
import java.util.Optional;

/**
 * Refuses a key set that cannot open what the database holds. Without this a node with a lost or
 * mistyped key would start, serve, and fail only when it first needed a secret (a webhook delivery),
 * far from the cause.
 */
final class KeyCheck {

    private KeyCheck() {}

    /** Every key the registry still lists must be among {@code keys}, with the same check value. */
    static void requireKeysFor(Map<String, String> inUse, EncryptionKeys keys) {
        for (Map.Entry<String, String> registered : inUse.entrySet()) {
            Optional<EncryptionKey> key = keys.find(registered.getKey());
            if (key.isEmpty() || !key.get().matches(registered.getValue())) {
                throw StartupRefusal.because("The database holds secrets encrypted under key "
                        + registered.getKey() + ", and the configured keys (current "
                        + keys.current().id()
                        + " from " + keys.source() + ", " + keys.previous().size() + " previous) cannot open them. "
                        + "Start with the key they were encrypted under, as AGENTCALLS_ENCRYPTION_KEY or, to rotate "
                        + "to a new key, in AGENTCALLS_ENCRYPTION_PREVIOUS_KEYS (a generated key is in "
                        + "AGENTCALLS_DATA_DIR/" + EncryptionKeys.KEY_FILE + ").");
            }
        }
    }
}
