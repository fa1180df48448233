package io.agentcalls.common;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The values no request may carry, wherever they sit: text with NUL (PostgreSQL text and JSONB cannot
 * hold it) or an unpaired UTF-16 surrogate (no valid UTF-8 exists for it, so the driver would store
 * '?'), and numbers beyond the range of a double ({@code 1e400}, {@code -1e999999999}: read as infinity
 * or as a decimal too large for any column). Shared by the Jackson deserializers of every body, the
 * hand-written readers of JSON trees, query parameters and the CSV reader, so the rule is one.
 */
public final class BodyValues {

    /** A value that may not be accepted: where it is, relative to the value checked, and why. */
    public record Problem(String path, String reason) {

        /** The sentence of an error: the field, then the reason; the field is {@code body} at the top. */
        public String describe(String outerPath) {
            String field = join(outerPath, path);
            return (field.isEmpty() ? "body" : printable(field)) + " " + reason;
        }
    }

    static final String NUL = "must not contain NUL characters";
    static final String SURROGATE = "must not contain unpaired surrogate characters";
    static final String OUT_OF_RANGE = "is out of range";
    private static final BigDecimal MAX_MAGNITUDE = new BigDecimal(Double.MAX_VALUE);
    private static final int MAX_BITS = 1024; // every integer below 2^1024 is within a double's range

    private BodyValues() {}

    /** Why this text may not be accepted, or null when it is fine. */
    public static String textProblem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return NUL;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++; // a proper pair: one character outside the basic plane
            } else if (Character.isSurrogate(c)) {
                return SURROGATE;
            }
        }
        return null;
    }

    /** Whether a number lies beyond the range of a double, infinities included. */
    public static boolean overflows(Number number) {
        if (number instanceof Double d) {
            return !Double.isFinite(d);
        }
        if (number instanceof Float f) {
            return !Float.isFinite(f);
        }
        if (number instanceof BigDecimal decimal) {
            return decimal.abs().compareTo(MAX_MAGNITUDE) > 0; // compares exponents first: cheap for 1e999999999
        }
        if (number instanceof BigInteger integer) {
            return integer.bitLength() > MAX_BITS;
        }
        return false;
    }

    /**
     * For readers of JSON trees written by hand: a 400 naming the first refused value. Bodies are
     * checked as they are read already; this keeps a tree from another source to the same rule.
     */
    public static void requireAccepted(JsonNode tree, String path) {
        Problem problem = tree == null ? null : inNode(tree, "");
        if (problem != null) {
            throw ApiException.validation(problem.describe(path));
        }
    }

    /** The first problem in a JSON tree, in document order; null when there is none. */
    public static Problem firstProblem(JsonNode node) {
        return inNode(node, "");
    }

    /** The first problem in a value read without a type (maps, lists, text, numbers); null when none. */
    static Problem firstProblem(Object value) {
        return value instanceof JsonNode node ? inNode(node, "") : inObject(value, "");
    }

    private static Problem inNode(JsonNode node, String path) {
        if (node.isString()) {
            return problemOfText(node.stringValue(), path);
        }
        if (node.isNumber()) {
            return overflows(node.numberValue()) ? new Problem(path, OUT_OF_RANGE) : null;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                Problem problem = inField(field.getKey(), field.getValue(), path);
                if (problem != null) {
                    return problem;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Problem problem = inNode(node.get(i), path + "[" + i + "]");
                if (problem != null) {
                    return problem;
                }
            }
        }
        return null;
    }

    private static Problem inField(String name, Object value, String path) {
        String fieldPath = join(path, name);
        Problem problem = problemOfText(name, fieldPath);
        if (problem != null) {
            return new Problem(fieldPath, "is a field name that " + problem.reason());
        }
        return value instanceof JsonNode node ? inNode(node, fieldPath) : inObject(value, fieldPath);
    }

    private static Problem inObject(Object value, String path) {
        if (value instanceof String text) {
            return problemOfText(text, path);
        }
        if (value instanceof Number number) {
            return overflows(number) ? new Problem(path, OUT_OF_RANGE) : null;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> field : map.entrySet()) {
                Problem problem = inField(String.valueOf(field.getKey()), field.getValue(), path);
                if (problem != null) {
                    return problem;
                }
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                Problem problem = inObject(list.get(i), path + "[" + i + "]");
                if (problem != null) {
                    return problem;
                }
            }
        } else if (value instanceof JsonNode node) {
            return inNode(node, path);
        }
        return null;
    }

    private static Problem problemOfText(String text, String path) {
        String reason = textProblem(text);
        return reason == null ? null : new Problem(path, reason);
    }

    static String join(String outer, String inner) {
        if (outer.isEmpty()) {
            return inner;
        }
        return inner.isEmpty() || inner.startsWith("[") ? outer + inner : outer + "." + inner;
    }

    /**
     * A field path fit for an error message: NUL and lone surrogates in a client's field names are
     * shown as {@code \u0000} escapes, so the message itself can be logged, stored and encoded.
     */
    public static String printable(String path) {
        if (textProblem(path) == null) {
            return path;
        }
        StringBuilder out = new StringBuilder(path.length() + 8);
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            boolean pair = Character.isHighSurrogate(c)
                    && i + 1 < path.length()
                    && Character.isLowSurrogate(path.charAt(i + 1));
            if (pair) {
                out.append(c).append(path.charAt(++i));
            } else if (c == '\0' || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
