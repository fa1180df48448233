package io.agentcalls.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcalls.support.ApiTest;
import io.agentcalls.support.RawHttp;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Every spelling of a protected path is refused before a handler runs: the security chains match
 * the path Spring MVC routes, and the firewall rejects what could be read two ways. Each request
 * carries no credential and a body the handler would accept, so a handler that ran would leave a
 * row behind.
 */
class PathTrickTest extends ApiTest {

    /**
     * What each trick must get: a spelling Spring routes to the protected handler meets that route's
     * chain (401 without a credential); one it routes nowhere is 404; one that could be read two ways
     * is refused outright (400).
     */
    private static final Map<String, Integer> TRICKS = Map.ofEntries(
            Map.entry("encoded letter", 401),
            Map.entry("trailing slash", 401),
            Map.entry("upper case", 404),
            Map.entry("double encoding", 400),
            Map.entry("semicolon parameter", 400),
            Map.entry("double slash", 400),
            Map.entry("dot segment", 400),
            Map.entry("dot-dot segment", 400),
            Map.entry("encoded dot-dot", 400),
            Map.entry("encoded slash", 400),
            Map.entry("backslash", 400));

    static Stream<Arguments> matrix() {
        return Stream.of(
                        new Route("admin", "POST", "/admin/v1/organizations", "{\"name\":\"Trick Org\"}"),
                        new Route("runner", "POST", "/api/v1/runner/events", "{\"events\":[]}"),
                        new Route("api", "POST", "/api/v1/campaigns", "{\"name\":\"Trick Campaign\"}"))
                .flatMap(route -> TRICKS.keySet().stream().sorted().map(trick -> Arguments.of(route, trick)));
    }

    record Route(String name, String method, String path, String body) {
        @Override
        public String toString() {
            return name;
        }

        /** The path with the trick applied to its first letter ({@code /admin} → {@code /%61dmin}). */
        String trickedWith(String trick) {
            String first = path.substring(1, 2);
            String rest = path.substring(2);
            return switch (trick) {
                case "encoded letter" -> "/%" + Integer.toHexString(first.charAt(0)) + rest;
                case "double encoding" -> "/%25" + Integer.toHexString(first.charAt(0)) + rest;
                case "semicolon parameter" -> path.replaceFirst("/([^/]+)/", "/$1;x=1/");
                case "double slash" -> "/" + path;
                case "dot segment" -> "/." + path;
                case "dot-dot segment" -> "/zz/.." + path;
                case "encoded dot-dot" -> "/zz/%2e%2e" + path;
                case "trailing slash" -> path + "/";
                case "upper case" -> path.toUpperCase();
                case "encoded slash" -> path.replaceFirst("/([^/]+)/", "/$1%2F");
                case "backslash" -> path.replaceFirst("/([^/]+)/", "/$1\\\\");
                default -> throw new IllegalArgumentException(trick);
            };
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("matrix")
    void aTrickedPathIsRefusedInTheEnvelopeAndNothingChanges(Route route, String trick) {
        Supplier<Long> rows =
                () -> jdbc.sql("SELECT (SELECT count(*) FROM organizations) + (SELECT count(*) FROM campaigns)")
                        .query(Long.class)
                        .single();
        long before = rows.get();

        RawHttp.Answer answer = RawHttp.send(
                port,
                route.method(),
                route.trickedWith(trick),
                Map.of("Content-Type", "application/json"),
                route.body());

        assertThat(answer.status()).as(route.trickedWith(trick)).isEqualTo(TRICKS.get(trick));
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.at("/success").asBoolean(true)).isFalse();
        assertThat(body.at("/message").asString()).isNotBlank();
        assertThat(body.at("/error").asString())
                .isEqualTo(Map.of(400, "BadRequest", 401, "Unauthorized", 404, "NotFound")
                        .get(TRICKS.get(trick)));
        assertThat(rows.get()).isEqualTo(before);
    }
}
