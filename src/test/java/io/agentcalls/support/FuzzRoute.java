package io.agentcalls.support;

import java.util.List;
import java.util.Map;

/**
 * One write endpoint as the fuzz test sends to it. For JSON ones: a valid body, values of the wrong
 * type per field (JSON pointer) that the endpoint must refuse, and an array over its cap when it has
 * one. Path variables are named as in the controllers, so {@link #key()} matches the handler mapping.
 */
public record FuzzRoute(
        String method,
        String pattern,
        Kind kind,
        String validBody,
        Map<String, List<String>> wrongTypes,
        String cappedArray,
        int overCap) {

    /** How a route is called and what its bodies are. */
    public enum Kind {
        JSON,
        ADMIN_JSON,
        RUNNER_JSON,
        ID_ONLY,
        CSV,
        MULTIPART,
        /** A documented path not served yet: JSON bodies; 501 in the envelope is a right answer too. */
        NOT_SERVED
    }

    static FuzzRoute json(String method, String pattern, String body, Map<String, List<String>> wrongTypes) {
        return new FuzzRoute(method, pattern, Kind.JSON, body, wrongTypes, null, 0);
    }

    static FuzzRoute idOnly(String method, String pattern) {
        return new FuzzRoute(method, pattern, Kind.ID_ONLY, null, Map.of(), null, 0);
    }

    static FuzzRoute upload(String pattern, Kind kind) {
        return new FuzzRoute("POST", pattern, kind, null, Map.of(), null, 0);
    }

    FuzzRoute kind(Kind kind) {
        return new FuzzRoute(method, pattern, kind, validBody, wrongTypes, cappedArray, overCap);
    }

    FuzzRoute capped(String arrayPointer, int count) {
        return new FuzzRoute(method, pattern, kind, validBody, wrongTypes, arrayPointer, count);
    }

    /** {@code METHOD /pattern}, as the handler mappings name the endpoint. */
    public String key() {
        return method + " " + pattern;
    }
}
