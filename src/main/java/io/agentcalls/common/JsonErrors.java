package io.agentcalls.common;

import java.util.stream.Collectors;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Turns a body that could not be read into one sentence naming the field, without internals. */
final class JsonErrors {

    private JsonErrors() {}

    static String describe(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        while (cause != null) {
            if (cause instanceof BodyTooLargeException tooLarge) {
                return tooLarge.getMessage();
            }
            if (cause instanceof JacksonException jackson) {
                return describe(jackson);
            }
            cause = cause.getCause();
        }
        return e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")
                ? "body is required"
                : "body is not valid JSON";
    }

    private static String describe(JacksonException e) {
        if (e instanceof UnsafeValueException unsafe) {
            return unsafe.problem().describe(""); // its path is complete already
        }
        String field = path(e);
        if (e instanceof StreamConstraintsException) {
            return "body is nested too deeply or holds a value that is too long";
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "unknown field '" + (field.isEmpty() ? BodyValues.printable(unknown.getPropertyName()) : field)
                    + "'";
        }
        if (e instanceof MismatchedInputException mismatch && isIntegerTooLarge(mismatch)) {
            return field.isEmpty() ? "a number in the body is out of range" : field + " is out of range";
        }
        if (e instanceof InvalidFormatException || e instanceof MismatchedInputException) {
            return field.isEmpty() ? "body has the wrong shape" : field + " has the wrong type or format";
        }
        if (e instanceof InputCoercionException) {
            return field.isEmpty() ? "a number in the body is out of range" : field + " is out of range";
        }
        if (e instanceof StreamReadException) {
            return "body is not valid JSON";
        }
        return field.isEmpty() ? "body is not valid JSON" : field + " is invalid";
    }

    /** An integer refused where a number belongs can only be too large for it (10^400 for an Integer). */
    private static boolean isIntegerTooLarge(MismatchedInputException e) {
        Class<?> target = e.getTargetType();
        return e.getCurrentToken() == JsonToken.VALUE_NUMBER_INT
                && target != null
                && (Number.class.isAssignableFrom(target) || (target.isPrimitive() && target != boolean.class));
    }

    private static String path(JacksonException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
        return BodyValues.printable(path);
    }
}
