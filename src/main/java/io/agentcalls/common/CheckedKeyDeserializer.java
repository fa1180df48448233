package io.agentcalls.common;

import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.KeyDeserializer;

/** Refuses map keys that {@link BodyValues} refuses as text, before the key is converted at all. */
class CheckedKeyDeserializer extends KeyDeserializer {

    private final KeyDeserializer delegate;

    CheckedKeyDeserializer(KeyDeserializer delegate) {
        this.delegate = delegate;
    }

    @Override
    public void resolve(DeserializationContext context) {
        delegate.resolve(context);
    }

    @Override
    public Object deserializeKey(String key, DeserializationContext context) {
        String reason = BodyValues.textProblem(key);
        if (reason != null) {
            throw new UnsafeValueException( // the parser is on the key itself
                    context.getParser(), new BodyValues.Problem("", "is a field name that " + reason));
        }
        return delegate.deserializeKey(key, context);
    }
}
