package io.agentcalls.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentcalls.AgentcallsApplication;
import io.agentcalls.common.StartupRefusal;
import io.agentcalls.support.ApiTest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Webhook signing secrets are stored encrypted; the key rotates; a node with the wrong key does not start. */
class SecretsAtRestTest extends ApiTest {

    @Autowired
    SecretCipher cipher;

    @Autowired
    EncryptionKeys keys;

    @Autowired
    KeyRotation rotation;

    @Autowired
    List<SecretStore> stores;

    @Test
    void theStoredSecretIsCiphertextThatOpensToTheSecretShownOnce() {
        String key = newOrganization();
        Created webhook = createWebhook(key);

        String stored = storedSecret(webhook.id());
        assertThat(stored).startsWith("enc:v1:" + keys.current().id() + ":").doesNotContain(webhook.secret());
        assertThat(stored).doesNotContain(webhook.secret().substring("whsec_".length(), 20));
        assertThat(cipher.decrypt(stored)).isEqualTo(webhook.secret());

        String rotated = post("/api/v1/webhooks/" + webhook.id() + "/rotate-secret", key, null)
                .body()
                .at("/data/secret")
                .asString();
        assertThat(cipher.decrypt(storedSecret(webhook.id()))).isEqualTo(rotated);
        assertThat(cipher.decrypt(storedPreviousSecret(webhook.id()))).isEqualTo(webhook.secret());
    }

    @Test
    void aPlaintextSecretOfAnEarlierVersionIsEncryptedAtStart() {
        Created webhook = createWebhook(newOrganization());
        jdbc.sql("UPDATE webhook_endpoints SET secret = :plain WHERE id = :id")
                .param("plain", webhook.secret())
                .param("id", webhook.id())
                .update();

        rotation.reencryptAll(cipher, keys.current(), stores);
        rotation.reencryptAll(cipher, keys.current(), stores); // idempotent

        String stored = storedSecret(webhook.id());
        assertThat(stored).startsWith(cipher.currentKeyPrefix()).doesNotContain(webhook.secret());
        assertThat(cipher.decrypt(stored)).isEqualTo(webhook.secret());
    }

    @Test
    void rotationReencryptsUnderTheNewKeyAndRetiresTheOld() {
        Created webhook = createWebhook(newOrganization());
        EncryptionKey old = keys.current();
        EncryptionKey next = SecretCipherTest.newKey();
        SecretCipher rotated = new SecretCipher(next, List.of(old));
        KeyRegistry registry = new KeyRegistry(jdbc);
        try {
            KeyCheck.requireKeysFor(registry.inUse(), new EncryptionKeys(next, List.of(old), "test"));
            registry.register(next);
            rotation.reencryptAll(rotated, next, stores);

            String stored = storedSecret(webhook.id());
            assertThat(stored).startsWith("enc:v1:" + next.id() + ":");
            assertThat(new SecretCipher(next, List.of()).decrypt(stored)).isEqualTo(webhook.secret());
            assertThat(jdbc.sql("SELECT count(*) FROM webhook_endpoints WHERE NOT starts_with(secret, :p)")
                            .param("p", rotated.currentKeyPrefix())
                            .query(Long.class)
                            .single())
                    .isZero();
            assertThat(registry.inUse()).containsOnlyKeys(next.id());
            // the old key alone no longer fits the database
            assertThatThrownBy(
                            () -> KeyCheck.requireKeysFor(registry.inUse(), new EncryptionKeys(old, List.of(), "test")))
                    .isInstanceOf(StartupRefusal.class);
        } finally {
            // back to the key of this test context, whose other tests deliver webhooks
            registry.register(old);
            rotation.reencryptAll(new SecretCipher(old, List.of(next)), old, stores);
        }
        assertThat(cipher.decrypt(storedSecret(webhook.id()))).isEqualTo(webhook.secret());
    }

    @Test
    void aNodeWithAKeyThatCannotOpenTheDatabaseRefusesToStart() {
        createWebhook(newOrganization());
        byte[] material = new byte[32];
        new SecureRandom().nextBytes(material);
        String otherKey = Base64.getEncoder().encodeToString(material);

        // a second node on the same database (this JVM's embedded PostgreSQL), with another key
        assertThatThrownBy(() -> new SpringApplicationBuilder(AgentcallsApplication.class)
                        .profiles("test")
                        .run("--server.port=0", "--agentcalls.encryption.key=" + otherKey))
                .rootCause()
                .isInstanceOf(StartupRefusal.class)
                .hasMessageContaining("AGENTCALLS_ENCRYPTION_KEY")
                .hasMessageContaining(keys.current().id())
                .message()
                .doesNotContain(otherKey);
    }

    record Created(String id, String secret) {}

    private Created createWebhook(String apiKey) {
        Response created = post(
                "/api/v1/webhooks",
                apiKey,
                json("url", "https://localhost/secrets-at-rest", "events", List.of("call.completed")));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return new Created(
                created.body().at("/data/id").asString(),
                created.body().at("/data/secret").asString());
    }

    private String storedSecret(String webhookId) {
        return jdbc.sql("SELECT secret FROM webhook_endpoints WHERE id = :id")
                .param("id", webhookId)
                .query(String.class)
                .single();
    }

    private String storedPreviousSecret(String webhookId) {
        return jdbc.sql("SELECT previous_secret FROM webhook_endpoints WHERE id = :id")
                .param("id", webhookId)
                .query(String.class)
                .single();
    }
}
