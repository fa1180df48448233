package io.agentcalls.webhook;

import io.agentcalls.secrets.SecretCipher;
import io.agentcalls.secrets.SecretStore;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Webhook signing secrets as a {@link SecretStore}: at start, every endpoint's current and previous
 * secret not under the current key is rewritten under it, including the plaintext secrets of earlier
 * versions.
 */
@Component
class WebhookSecretsAtRest implements SecretStore {

    private static final int BATCH = 100;

    private final WebhookRepository endpoints;
    private final TransactionTemplate transaction;

    WebhookSecretsAtRest(WebhookRepository endpoints, TransactionTemplate transaction) {
        this.endpoints = endpoints;
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
        List<WebhookRepository.StoredSecrets> batch = endpoints.secretsNotUnder(cipher.currentKeyPrefix(), BATCH);
        for (WebhookRepository.StoredSecrets stored : batch) {
            endpoints.replaceSecrets(new WebhookRepository.StoredSecrets(
                    stored.organizationId(),
                    stored.id(),
                    cipher.underCurrentKey(stored.secret()),
                    stored.previousSecret() == null ? null : cipher.underCurrentKey(stored.previousSecret())));
        }
        return batch.size();
    }
}
