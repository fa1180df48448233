package io.agentcalls.secrets;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * A 256-bit AES key with the two values derived from it that may be stored: its id (written in
 * every value it encrypts, so a value names the key that opens it) and its check value (kept in the
 * database, so a node can tell at start whether its key is the one the stored values need). Both are
 * HMACs of a fixed label under the key: they reveal nothing about it.
 */
final class EncryptionKey {

    static final int BYTES = 32;

    private final SecretKey key;
    private final String id;
    private final String checkValue;

    private EncryptionKey(byte[] material) {
        this.key = new SecretKeySpec(material, "AES");
        this.id = HexFormat.of().formatHex(hmac(material, "agentcalls encryption key id"), 0, 4);
        this.checkValue = Base64.getEncoder().encodeToString(hmac(material, "agentcalls encryption key check"));
    }

    /** The key in base64 (standard or URL-safe), or empty when that is not 32 bytes of base64. */
    static Optional<EncryptionKey> parse(String base64) {
        String text = base64.strip();
        byte[] material;
        try {
            material = text.contains("-") || text.contains("_")
                    ? Base64.getUrlDecoder().decode(text)
                    : Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        return material.length == BYTES ? Optional.of(new EncryptionKey(material)) : Optional.empty();
    }

    static EncryptionKey of(byte[] material) {
        if (material.length != BYTES) {
            throw new IllegalArgumentException("an encryption key has " + BYTES + " bytes");
        }
        return new EncryptionKey(material.clone());
    }

    SecretKey key() {
        return key;
    }

    String id() {
        return id;
    }

    String checkValue() {
        return checkValue;
    }

    boolean matches(String storedCheckValue) {
        return MessageDigest.isEqual(
                checkValue.getBytes(StandardCharsets.US_ASCII), storedCheckValue.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] hmac(byte[] key, String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(label.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "EncryptionKey[" + id + "]";
    }
}
