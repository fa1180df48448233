package io.agentcalls.apidocs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.List;
import java.util.TreeMap;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Gives every operation what its path alone decides: the security scheme of its kind of caller and
 * the error answers every operation of that kind can give (a missing key is 401 everywhere, a
 * path with an id can be 404, any request can be malformed: 400). An operation's own annotations
 * win: a code it documents itself is left as it is. Keyed on path prefixes so that endpoints added
 * later get all of this for free.
 */
@Component
class SharedAnswers implements GlobalOpenApiCustomizer {

    /** The kinds of caller, by path prefix; the first that matches decides. */
    enum Kind {
        RUNNER(
                "/api/v1/runner/",
                List.of(OpenApiConfiguration.RUNNER_TIMESTAMP, OpenApiConfiguration.RUNNER_SIGNATURE)),
        /** Voice providers' webhooks: each provider's own signature, checked by its adapter; no key. */
        PROVIDER("/api/v1/providers/", List.of()),
        ORGANIZATION("/api/v1/", List.of(OpenApiConfiguration.API_KEY)),
        ADMIN("/admin/", List.of(OpenApiConfiguration.ADMIN_TOKEN)),
        OTHER("/", List.of());

        final String prefix;
        final List<String> schemes;

        Kind(String prefix, List<String> schemes) {
            this.prefix = prefix;
            this.schemes = schemes;
        }

        static Kind of(String path) {
            for (Kind kind : values()) {
                if (path.startsWith(kind.prefix)) {
                    return kind;
                }
            }
            return OTHER;
        }
    }

    @Override
    public void customise(OpenAPI openApi) {
        Components components = openApi.getComponents();
        ErrorAnswers.register(components);
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths()
                .forEach((path, item) ->
                        item.readOperationsMap().forEach((method, operation) -> customise(path, operation)));
        // stable key order, so the committed document changes only when the contract does
        components.setSchemas(new TreeMap<>(components.getSchemas()));
    }

    private static void customise(String path, Operation operation) {
        Kind kind = Kind.of(path);
        if (operation.getSecurity() == null) {
            SecurityRequirement requirement = new SecurityRequirement();
            kind.schemes.forEach(requirement::addList);
            operation.setSecurity(kind.schemes.isEmpty() ? List.of() : List.of(requirement));
        }
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        jsonOnly(responses);
        // any request can be malformed: a NUL in the query, a bad body, a value out of range
        add(responses, "400", ErrorAnswers.BAD_REQUEST);
        if (kind != Kind.OTHER) {
            add(responses, "401", ErrorAnswers.UNAUTHORIZED);
        }
        if (path.contains("{")) {
            add(responses, "404", ErrorAnswers.NOT_FOUND);
        }
        if (kind == Kind.ORGANIZATION) {
            add(responses, "429", ErrorAnswers.TOO_MANY_REQUESTS);
        }
    }

    private static void add(ApiResponses responses, String code, String reference) {
        if (!responses.containsKey(code)) {
            responses.addApiResponse(code, new ApiResponse().$ref("#/components/responses/" + reference));
        }
    }

    /** Every answer is JSON (a recording is audio): springdoc's wildcard would tell a client nothing. */
    private static void jsonOnly(ApiResponses responses) {
        for (ApiResponse response : responses.values()) {
            Content content = response.getContent();
            if (content != null && content.containsKey("*/*")) {
                MediaType any = content.remove("*/*");
                content.putIfAbsent(org.springframework.http.MediaType.APPLICATION_JSON_VALUE, any);
            }
        }
    }
}
