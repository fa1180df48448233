package io.agentcalls.runner;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The runner protocol's signature: hex HMAC-SHA256 over {@code timestamp + "." + body} with the
 * shared secret, in headers {@code X-Runner-Timestamp} and {@code X-Runner-Signature}. Used both for
 * what the platform sends the runner and to verify the runner's events.
 */
public final class RunnerSignature {

    public static final String TIMESTAMP_HEADER = "X-Runner-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Runner-Signature";

    /** Keyed once; each signature works on a clone (a provider lookup and key setup per call cost more). */
    private final Mac keyed;

    public RunnerSignature(String secret) {
        try {
            keyed = Mac.getInstance("HmacSHA256");
            keyed.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    public String sign(String timestamp, byte[] body) {
        try {
            Mac mac = (Mac) keyed.clone();
            mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) '.');
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's HmacSHA256 can be cloned", e);
        }
    }

    /** Constant-time comparison, so the time taken does not leak how much of a guess was right. */
    public boolean verify(String timestamp, byte[] body, String signature) {
        if (timestamp == null || signature == null) {
            return false;
        }
        byte[] expected = sign(timestamp, body).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, signature.trim().toLowerCase().getBytes(StandardCharsets.UTF_8));
    }
}
