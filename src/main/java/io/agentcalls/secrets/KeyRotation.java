package io.agentcalls.secrets;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * At start, after every bean exists and before the server listens or background work runs: every
 * {@link SecretStore} re-encrypts under the current key, then the previous keys are retired. This is
 * also the one-time encryption of secrets stored in plaintext by earlier versions.
 */
@Component
class KeyRotation implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);

    private final SecretCipher cipher;
    private final EncryptionKeys keys;
    private final KeyRegistry registry;
    private final ObjectProvider<SecretStore> stores;

    KeyRotation(SecretCipher cipher, EncryptionKeys keys, KeyRegistry registry, ObjectProvider<SecretStore> stores) {
        this.cipher = cipher;
        this.keys = keys;
        this.registry = registry;
        this.stores = stores;
    }

    @Override
    public void afterSingletonsInstantiated() {
        reencryptAll(cipher, keys.current(), stores.orderedStream().toList());
    }

    void reencryptAll(SecretCipher cipher, EncryptionKey current, List<SecretStore> secretStores) {
        int rewritten = 0;
        for (SecretStore store : secretStores) {
            rewritten += store.reencrypt(cipher);
        }
        int retired = registry.retireAllBut(current);
        if (rewritten > 0 || retired > 0) {
            log.info(
                    "Stored secrets under encryption key {}: {} re-encrypted, {} earlier key(s) no longer needed",
                    current.id(),
                    rewritten,
                    retired);
        }
    }
}
