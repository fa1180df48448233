package io.agentcalls.common;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Opaque ids: a type prefix, then 12 hex digits of epoch milliseconds and 20 random hex digits. Time
 * order keeps inserts appending to indexes; the SQL function {@code new_id(prefix)} makes the same shape.
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private Ids() {}

    public static String newId(String prefix) {
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        String millis = String.format("%012x", System.currentTimeMillis());
        return prefix + "_" + millis + HEX.formatHex(random);
    }

    /** Whether {@code id} has the shape of an id of this type; cheap check before a lookup. */
    public static boolean looksLike(String prefix, String id) {
        return id != null
                && id.length() == prefix.length() + 33
                && id.startsWith(prefix + "_")
                && id.substring(prefix.length() + 1).chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }

    public static String randomToken(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
