package io.agentcalls.customer;

import java.util.Map;

/**
 * PostgreSQL {@code COPY ... FROM STDIN} text format, and the JSON text of custom fields: written by
 * hand because this runs for every row of a million-row import.
 */
final class CopyText {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private CopyText() {}

    /** Appends one column: {@code \N} for null, otherwise the value with COPY's escapes. */
    static void appendColumn(StringBuilder line, String value) {
        if (value == null) {
            line.append("\\N");
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> line.append("\\\\");
                case '\t' -> line.append("\\t");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                default -> line.append(c);
            }
        }
    }

    /** A flat JSON object of string, number and boolean values; null (a removal in a patch) is JSON null. */
    static String json(Map<String, Object> custom) {
        if (custom.isEmpty()) {
            return "{}";
        }
        StringBuilder json = new StringBuilder(32 * custom.size());
        json.append('{');
        for (Map.Entry<String, Object> field : custom.entrySet()) {
            if (json.length() > 1) {
                json.append(',');
            }
            appendJsonString(json, field.getKey());
            json.append(':');
            Object value = field.getValue();
            if (value instanceof String text) {
                appendJsonString(json, text);
            } else if (value == null) {
                json.append("null");
            } else {
                json.append(value); // Boolean or BigDecimal: their toString is JSON
            }
        }
        return json.append('}').toString();
    }

    private static void appendJsonString(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            } else {
                json.append(c);
            }
        }
        json.append('"');
    }
}
