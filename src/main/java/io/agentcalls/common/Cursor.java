package io.agentcalls.common;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque list cursors: the sort key of the last row seen, base64url-encoded. */
public final class Cursor {

    private Cursor() {}

    public static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a cursor; null stays null, anything malformed is a validation error. */
    public static String decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        String key;
        try {
            key = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            key = null;
        }
        if (key == null || BodyValues.textProblem(key) != null) { // a forged cursor must not reach SQL
            throw ApiException.validation("cursor is not a valid cursor");
        }
        return key;
    }
}
