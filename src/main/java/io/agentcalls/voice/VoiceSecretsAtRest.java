package io.agentcalls.voice;

import io.agentcalls.secrets.SecretCipher;
import io.agentcalls.secrets.SecretStore;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Voice connections' API keys and webhook secrets as a {@link SecretStore}: re-encrypted under the current key at start. */
@Component
class VoiceSecretsAtRest implements SecretStore {

    private static final int BATCH = 100;

    private final VoiceSecretRepository connections;
    private final TransactionTemplate transaction;

    VoiceSecretsAtRest(VoiceSecretRepository connections, TransactionTemplate transaction) {
        this.connections = connections;
        this.transaction = transaction;
    }

    @Override
    public int reencrypt(SecretCipher cipher) {
        int total = 0;
        int rewritten;
        do {
            rewritten = transaction.execute(status -> reencryptBatch(cipher));
            total += rewritten;
        } while (rewritten == BATCH);
        return total;
    }

    private int reencryptBatch(SecretCipher cipher) {
        List<VoiceSecretRepository.StoredSecrets> batch = connections.secretsNotUnder(cipher.currentKeyPrefix(), BATCH);
        for (VoiceSecretRepository.StoredSecrets stored : batch) {
            connections.replaceSecrets(new VoiceSecretRepository.StoredSecrets(
                    stored.organizationId(),
                    stored.id(),
                    stored.apiKey() == null ? null : cipher.underCurrentKey(stored.apiKey()),
                    stored.webhookSecret() == null ? null : cipher.underCurrentKey(stored.webhookSecret())));
        }
        return batch.size();
    }
}
