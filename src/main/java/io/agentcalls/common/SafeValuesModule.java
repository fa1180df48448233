package io.agentcalls.common;

import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.jackson.JsonNodeDeserializer;
import tools.jackson.databind.module.SimpleDeserializers;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Puts {@link BodyValues} in front of every value Jackson reads into a request: text, numbers,
 * untyped values ({@code Map<String, Object>}), JSON trees and map keys. One module for the whole
 * mapper, so a new request record or {@code JsonNode} body is covered without code of its own.
 */
class SafeValuesModule extends SimpleModule {

    SafeValuesModule() {
        super("agentcalls-safe-values");
        setDeserializerModifier(new Modifier());
        // Trees are built by their own deserializers, which Jackson does not pass through a modifier.
        SimpleDeserializers trees = new SimpleDeserializers();
        addTree(trees, JsonNode.class);
        addTree(trees, ObjectNode.class);
        addTree(trees, ArrayNode.class);
        setDeserializers(trees);
    }

    private static <T extends JsonNode> void addTree(SimpleDeserializers trees, Class<T> type) {
        @SuppressWarnings({"unchecked", "rawtypes"})
        ValueDeserializer<T> checked =
                (ValueDeserializer) new CheckedDeserializer(JsonNodeDeserializer.getDeserializer(type));
        trees.addDeserializer(type, checked);
    }

    private static final class Modifier extends ValueDeserializerModifier {

        @Override
        public ValueDeserializer<?> modifyDeserializer(
                DeserializationConfig config, BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
            return checks(description.getType().getRawClass()) ? new CheckedDeserializer(deserializer) : deserializer;
        }

        @Override
        public KeyDeserializer modifyKeyDeserializer(
                DeserializationConfig config, JavaType type, KeyDeserializer deserializer) {
            return new CheckedKeyDeserializer(deserializer);
        }

        private static boolean checks(Class<?> type) {
            return type == String.class
                    || type == Object.class
                    || Number.class.isAssignableFrom(type)
                    || type == double.class
                    || type == float.class;
        }
    }
}
