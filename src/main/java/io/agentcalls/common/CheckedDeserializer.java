package io.agentcalls.common;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.std.DelegatingDeserializer;

/**
 * Reads a value with Jackson's own deserializer, then refuses it when {@link BodyValues} finds a
 * problem in it: text, numbers, JSON trees and untyped maps and lists, each walked whole.
 */
class CheckedDeserializer extends DelegatingDeserializer {

    CheckedDeserializer(ValueDeserializer<?> delegate) {
        super(delegate);
    }

    @Override
    protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
        return new CheckedDeserializer(delegate);
    }

    @Override
    public Object deserialize(JsonParser parser, DeserializationContext context) {
        return checked(parser, super.deserialize(parser, context));
    }

    @Override
    public Object deserialize(JsonParser parser, DeserializationContext context, Object intoValue) {
        return checked(parser, super.deserialize(parser, context, intoValue));
    }

    private static Object checked(JsonParser parser, Object value) {
        BodyValues.Problem problem = value == null ? null : BodyValues.firstProblem(value);
        if (problem != null) {
            throw new UnsafeValueException(parser, problem);
        }
        return value;
    }
}
