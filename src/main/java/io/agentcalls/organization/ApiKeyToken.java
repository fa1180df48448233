package io.agentcalls.organization;

import io.agentcalls.common.Ids;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The plaintext API key: {@code ak_<organization hex>_<secret>}. Carrying the organization lets the
 * lookup lead with organization_id like every other query; only the SHA-256 of the key is stored.
 */
record ApiKeyToken(String organizationId, String plaintext) {

    private static final int ORG_HEX_LENGTH = 32;
    private static final int SECRET_BYTES = 32;
    private static final int VISIBLE_SECRET_CHARS = 6;

    static ApiKeyToken generate(String organizationId) {
        String orgHex = organizationId.substring("org_".length());
        return new ApiKeyToken(organizationId, "ak_" + orgHex + "_" + Ids.randomToken(SECRET_BYTES));
    }

    static Optional<ApiKeyToken> parse(String plaintext) {
        if (plaintext == null || plaintext.length() > 200 || !plaintext.startsWith("ak_")) {
            return Optional.empty();
        }
        int separator = 3 + ORG_HEX_LENGTH;
        if (plaintext.length() <= separator + 1 || plaintext.charAt(separator) != '_') {
            return Optional.empty();
        }
        String organizationId = "org_" + plaintext.substring(3, separator);
        return Ids.looksLike("org", organizationId)
                ? Optional.of(new ApiKeyToken(organizationId, plaintext))
                : Optional.empty();
    }

    /** What a listing shows so a person can tell keys apart. */
    String visiblePrefix() {
        return plaintext.substring(0, 3 + ORG_HEX_LENGTH + 1 + VISIBLE_SECRET_CHARS);
    }

    String hash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(plaintext.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
