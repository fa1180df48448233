package io.agentcalls.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a valid JSON body into one that no endpoint may accept, by a seeded {@link Random}: first
 * some harmless-looking noise (wrong types, odd but valid text and numbers, removed fields), then one
 * poison that makes the whole body invalid whatever the noise did. Poisons that JSON cannot spell
 * through a tree (overflowing numbers, NUL, lone surrogates, raw bytes) are written as markers and
 * replaced in the serialized text.
 */
public final class MalformedJson {

    /** What makes a body invalid as a whole, for every JSON endpoint. */
    public enum Poison {
        TRUNCATED,
        TRAILING_GARBAGE,
        UNKNOWN_FIELD,
        OVERFLOWING_NUMBER,
        NUL_IN_TEXT,
        LONE_SURROGATE,
        BAD_FIELD_NAME,
        WRONG_TOP_LEVEL,
        DEEP_NESTING,
        TOO_LONG_NUMBER,
        RAW_CONTROL_CHARACTER,
        INVALID_UTF8
    }

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String VALUE_MARK = "\u0002v\u0002";
    private static final String KEY_MARK = "\u0002k\u0002";
    private static final String SERIALIZED_VALUE_MARK = JSON.writeValueAsString(VALUE_MARK);
    private static final String SERIALIZED_KEY_MARK = JSON.writeValueAsString(KEY_MARK);
    /** A stand-in for raw bytes that are not UTF-8, swapped in after the text is encoded. */
    private static final String RAW_BYTES_MARK = "\u0003raw\u0003";

    private static final String[] OVERFLOWING = {
        "1e400", "-1e400", "1e999999999", "-1E999999999", "123.456e400", "1" + "0".repeat(400), "-9" + "9".repeat(330)
    };
    private static final String[] NUL_TEXT = {
        "\"\\u0000\"", "\"ab\\u0000cd\"", "\"mumbai\\u0000\"", "\"\\u0000\\u0000\""
    };
    private static final String[] SURROGATE_TEXT = {
        "\"\\ud800\"", "\"x\\udfffy\"", "\"\\ud83d\"", "\"\\ude00\\ud83d\"", "\"ok\\udbff\""
    };
    private static final String[] TOP_LEVEL = {"[]", "\"text\"", "42", "true", "null", "\"\"", "[[]]", "-1e400"};
    private static final String[] TRAILING = {"}", "]", ",", "x", "{}", "\"a\"", "1", "null", ",{}"};
    private static final String[] ODD_BUT_VALID_TEXT = {
        "",
        " ",
        "नमस्ते",
        "\ud83d\ude00",
        "\u200f\u202e",
        "a\tb\nc",
        "'; DROP TABLE customers; --",
        "{{name}}",
        "%00",
        "\\u0000",
        "Ω≈ç√",
        "null",
        "<script>",
        "9812345678",
        "+919812345678",
        "2025-02-30",
        "24:00"
    };
    private static final double[] ODD_BUT_VALID_NUMBERS = {1e308, -1e308, 4.9e-324, 0, -0.0, 1e-7, 0.5, -1};

    private final Random random;

    public MalformedJson(Random random) {
        this.random = random;
    }

    public Poison anyPoison() {
        Poison[] all = Poison.values();
        return all[random.nextInt(all.length)];
    }

    /** The valid body with noise and the poison, as UTF-8 bytes. */
    public byte[] poisoned(ObjectNode valid, Poison poison) {
        ObjectNode body = valid.deepCopy();
        int noise = random.nextInt(3);
        for (int i = 0; i < noise; i++) {
            addNoise(body);
        }
        return switch (poison) {
            case TRUNCATED -> truncated(text(body));
            case TRAILING_GARBAGE -> bytes(text(body) + pick(TRAILING));
            case UNKNOWN_FIELD -> {
                body.set("zz_unknown_" + random.nextInt(1000), noiseValue());
                yield bytes(text(body));
            }
            case OVERFLOWING_NUMBER -> withValue(body, pick(OVERFLOWING));
            case NUL_IN_TEXT -> withValue(body, pick(NUL_TEXT));
            case LONE_SURROGATE -> withValue(body, pick(SURROGATE_TEXT));
            case BAD_FIELD_NAME -> {
                objects(body).get(random.nextInt(objects(body).size())).put(KEY_MARK, 1);
                String key = random.nextBoolean() ? pick(NUL_TEXT) : pick(SURROGATE_TEXT);
                yield bytes(text(body).replace(SERIALIZED_KEY_MARK, key));
            }
            case WRONG_TOP_LEVEL -> bytes(random.nextBoolean() ? pick(TOP_LEVEL) : "[" + text(body) + "]");
            case DEEP_NESTING -> {
                int depth = 501 + random.nextInt(2000); // past Jackson's 500
                String open = random.nextBoolean() ? "[" : "{\"a\":";
                String close = open.equals("[") ? "]" : "}";
                yield withValue(body, open.repeat(depth) + "1" + close.repeat(depth));
            }
            case TOO_LONG_NUMBER -> withValue(body, "1" + "2".repeat(1000 + random.nextInt(100))); // past 1,000 digits
            case RAW_CONTROL_CHARACTER -> withValue(body, "\"a" + (char) random.nextInt(0x20) + "b\"");
            case INVALID_UTF8 -> withValue(body, "\"" + RAW_BYTES_MARK + "\"");
        };
    }

    /** Noise only: for bodies that are already refused for another reason (another organization's id). */
    public byte[] noisy(ObjectNode valid) {
        ObjectNode body = valid.deepCopy();
        addNoise(body);
        return bytes(text(body));
    }

    /** A body of random bytes and fragments, for endpoints that take none. */
    public byte[] junk() {
        return switch (random.nextInt(4)) {
            case 0 -> new byte[0];
            case 1 -> bytes(pick(TOP_LEVEL));
            case 2 -> {
                byte[] bytes = new byte[random.nextInt(200)];
                random.nextBytes(bytes);
                yield bytes;
            }
            default -> bytes("{\"reason\":" + pick(NUL_TEXT) + ",\"n\":" + pick(OVERFLOWING) + "}");
        };
    }

    public <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private byte[] withValue(ObjectNode body, String literal) {
        Slot slot = slot(body);
        slot.set(NODES.stringNode(VALUE_MARK));
        return bytes(text(body).replace(SERIALIZED_VALUE_MARK, literal));
    }

    private byte[] truncated(String text) {
        byte[] whole = bytes(text);
        int cut = random.nextInt(whole.length); // a proper prefix of an object is never valid JSON
        return java.util.Arrays.copyOf(whole, cut);
    }

    private void addNoise(ObjectNode body) {
        Slot slot = slot(body);
        switch (random.nextInt(5)) {
            case 0 -> slot.set(noiseValue());
            case 1 -> slot.set(NODES.stringNode(pick(ODD_BUT_VALID_TEXT)));
            case 2 -> slot.set(NODES.numberNode(ODD_BUT_VALID_NUMBERS[random.nextInt(ODD_BUT_VALID_NUMBERS.length)]));
            case 3 -> slot.remove();
            default ->
                slot.set(NODES.stringNode("x".repeat(1 + random.nextInt(random.nextInt(20) == 0 ? 300_000 : 300))));
        }
    }

    private JsonNode noiseValue() {
        return switch (random.nextInt(7)) {
            case 0 -> NODES.numberNode(random.nextInt());
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.nullNode();
            case 3 -> NODES.stringNode(pick(ODD_BUT_VALID_TEXT));
            case 4 -> NODES.objectNode().put("a", 1);
            case 5 -> NODES.arrayNode().add(1).add("b");
            default -> NODES.numberNode(random.nextDouble() * 1e6);
        };
    }

    /** A random place for a value: a field of an object, an element of an array, or a new field. */
    private Slot slot(ObjectNode body) {
        List<Slot> slots = new ArrayList<>();
        collect(body, slots);
        return slots.get(random.nextInt(slots.size()));
    }

    private void collect(JsonNode node, List<Slot> slots) {
        if (slots.size() > 500) {
            return;
        }
        if (node instanceof ObjectNode object) {
            slots.add(new Slot(object, "zz_new_" + slots.size(), -1));
            for (String name : List.copyOf(object.propertyNames())) {
                slots.add(new Slot(object, name, -1));
                collect(object.get(name), slots);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                slots.add(new Slot(array, null, i));
                collect(array.get(i), slots);
            }
        }
    }

    private static List<ObjectNode> objects(JsonNode node) {
        List<ObjectNode> objects = new ArrayList<>();
        if (node instanceof ObjectNode object) {
            objects.add(object);
        }
        for (JsonNode child : node.values()) {
            objects.addAll(objects(child));
        }
        return objects;
    }

    private static String text(JsonNode body) {
        return JSON.writeValueAsString(body);
    }

    private static byte[] bytes(String text) {
        int mark = text.indexOf(RAW_BYTES_MARK);
        if (mark < 0) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(text.substring(0, mark).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(
                new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF}); // a broken sequence and a byte UTF-8 never has
        out.writeBytes(text.substring(mark + RAW_BYTES_MARK.length()).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private record Slot(JsonNode parent, String field, int index) {
        void set(JsonNode value) {
            if (parent instanceof ObjectNode object) {
                object.set(field, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }

        void remove() {
            if (parent instanceof ObjectNode object) {
                object.remove(field);
            } else {
                ((ArrayNode) parent).remove(index);
            }
        }
    }
}
