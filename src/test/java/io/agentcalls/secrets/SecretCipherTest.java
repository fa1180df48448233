package io.agentcalls.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

    static EncryptionKey newKey() {
        byte[] material = new byte[32];
        new SecureRandom().nextBytes(material);
        return EncryptionKey.of(material);
    }

    private final EncryptionKey key = newKey();
    private final SecretCipher cipher = new SecretCipher(key, List.of());

    @Test
    void decryptsWhatItEncryptedAndNeverWritesThePlaintext() {
        String secret = "whsec_c2VjcmV0LXNpZ25pbmcta2V5LWJ5dGVzLTAxMjM0NTY3ODk=";
        String stored = cipher.encrypt(secret);
        assertThat(stored).startsWith("enc:v1:" + key.id() + ":").doesNotContain(secret);
        assertThat(cipher.decrypt(stored)).isEqualTo(secret);
        assertThat(cipher.decrypt(cipher.encrypt("ünïcødé ✓"))).isEqualTo("ünïcødé ✓");
    }

    @Test
    void everyValueGetsItsOwnNonce() {
        assertThat(cipher.encrypt("same")).isNotEqualTo(cipher.encrypt("same"));
    }

    @Test
    void aChangedCiphertextIsRejected() {
        String stored = cipher.encrypt("whsec_secret");
        int payloadStart = stored.lastIndexOf(':') + 1;
        byte[] payload = Base64.getUrlDecoder().decode(stored.substring(payloadStart));
        payload[payload.length - 20] ^= 1;
        String tampered = stored.substring(0, payloadStart)
                + Base64.getUrlEncoder().withoutPadding().encodeToString(payload);

        assertThatThrownBy(() -> cipher.decrypt(tampered))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("failed authentication");
        assertThatThrownBy(() -> cipher.decrypt(stored.substring(0, stored.length() - 2)))
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void aValueMovedUnderAnotherKeyIdIsRejected() {
        EncryptionKey other = newKey();
        SecretCipher both = new SecretCipher(key, List.of(other));
        String stored = both.encrypt("whsec_secret");
        // the key id is authenticated with the ciphertext: naming the other key does not open it
        String relabelled = stored.replace(key.id(), other.id());
        assertThatThrownBy(() -> both.decrypt(relabelled)).hasMessageContaining("failed authentication");
    }

    @Test
    void aValueUnderAnUnknownKeyOrNotEncryptedIsRejected() {
        String foreign = new SecretCipher(newKey(), List.of()).encrypt("whsec_secret");
        assertThatThrownBy(() -> cipher.decrypt(foreign)).hasMessageContaining("does not have");
        assertThatThrownBy(() -> cipher.decrypt("whsec_plaintext")).hasMessageContaining("not an encrypted secret");
    }

    @Test
    void rotationReadsThePreviousKeyAndRewritesUnderTheNewOne() {
        String underOld = cipher.encrypt("whsec_secret");
        EncryptionKey next = newKey();
        SecretCipher rotated = new SecretCipher(next, List.of(key));

        assertThat(rotated.decrypt(underOld)).isEqualTo("whsec_secret");
        assertThat(rotated.isCurrent(underOld)).isFalse();
        String underNew = rotated.underCurrentKey(underOld);
        assertThat(underNew).startsWith(rotated.currentKeyPrefix());
        assertThat(rotated.underCurrentKey(underNew)).isSameAs(underNew);
        assertThat(new SecretCipher(next, List.of()).decrypt(underNew)).isEqualTo("whsec_secret");
    }

    @Test
    void aPlaintextSecretOfAnEarlierVersionIsEncrypted() {
        String stored = cipher.underCurrentKey("whsec_fromBeforeEncryption");
        assertThat(stored).startsWith(cipher.currentKeyPrefix());
        assertThat(cipher.decrypt(stored)).isEqualTo("whsec_fromBeforeEncryption");
    }
}
