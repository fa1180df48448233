package io.agentcalls.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts the secrets a feature stores (webhook signing secrets, provider credentials) with AES-GCM
 * under the service's current key, and decrypts them under the current or a previous key.
 *
 * <p>A stored value reads {@code enc:v1:<key id>:<base64url of nonce, ciphertext and tag>}: a random
 * 96-bit nonce per value, a 128-bit tag, and the text before the payload authenticated with it, so
 * neither the key id nor the version can be changed without the value failing to decrypt.
 * docs/decisions/0008-secrets-encrypted-at-rest.md has the reasons.
 */
public final class SecretCipher {

    private static final String VERSION = "enc:v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final EncryptionKey current;
    private final Map<String, EncryptionKey> keys = new LinkedHashMap<>();

    SecretCipher(EncryptionKey current, List<EncryptionKey> previous) {
        this.current = current;
        keys.put(current.id(), current);
        previous.forEach(key -> keys.putIfAbsent(key.id(), key));
    }

    /** The value to store for {@code plaintext}, under the current key. */
    public String encrypt(String plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        String header = header(current.id());
        byte[] sealed = run(Cipher.ENCRYPT_MODE, current, nonce, header, plaintext.getBytes(StandardCharsets.UTF_8));
        byte[] payload = ByteBuffer.allocate(nonce.length + sealed.length)
                .put(nonce)
                .put(sealed)
                .array();
        return header + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(payload);
    }

    /**
     * The plaintext of a stored value. Throws when the value is not one this class wrote, names a key
     * this node does not have, or was changed in any way since it was written.
     */
    public String decrypt(String stored) {
        int payloadStart = stored.lastIndexOf(':');
        if (!stored.startsWith(VERSION) || payloadStart <= VERSION.length()) {
            throw new IllegalArgumentException("not an encrypted secret (expected " + VERSION + "…)");
        }
        String keyId = stored.substring(VERSION.length(), payloadStart);
        EncryptionKey key = keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("secret encrypted under key " + keyId + ", which this node does not have");
        }
        byte[] payload;
        try {
            payload = Base64.getUrlDecoder().decode(stored.substring(payloadStart + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an encrypted secret (payload is not base64url)");
        }
        if (payload.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new IllegalArgumentException("not an encrypted secret (payload too short)");
        }
        byte[] nonce = Arrays.copyOfRange(payload, 0, NONCE_BYTES);
        byte[] sealed = Arrays.copyOfRange(payload, NONCE_BYTES, payload.length);
        return new String(run(Cipher.DECRYPT_MODE, key, nonce, header(keyId), sealed), StandardCharsets.UTF_8);
    }

    /** Whether a stored value is encrypted under the current key (else it is due for re-encryption). */
    public boolean isCurrent(String stored) {
        return stored.startsWith(currentKeyPrefix());
    }

    /**
     * What every value under the current key starts with, so a feature can find the others in SQL
     * ({@code NOT starts_with(secret, :prefix)}) without reading every row.
     */
    public String currentKeyPrefix() {
        return header(current.id()) + ":";
    }

    /**
     * {@code stored} as it should be stored now: unchanged when under the current key, re-encrypted
     * when under a previous one, and encrypted when it is a plaintext secret written before secrets
     * were encrypted (anything not starting {@code enc:}).
     */
    public String underCurrentKey(String stored) {
        if (isCurrent(stored)) {
            return stored;
        }
        return encrypt(stored.startsWith("enc:") ? decrypt(stored) : stored);
    }

    String currentKeyId() {
        return current.id();
    }

    private static String header(String keyId) {
        return VERSION + keyId;
    }

    private static byte[] run(int mode, EncryptionKey key, byte[] nonce, String header, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key.key(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(header.getBytes(StandardCharsets.US_ASCII));
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("encrypted secret failed authentication: changed since it was written");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }
}
