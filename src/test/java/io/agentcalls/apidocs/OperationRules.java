package io.agentcalls.apidocs;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What every operation of the document must have, each missing part named with the operation. */
final class OperationRules {

    private OperationRules() {}

    static List<String> check(String name, String path, Operation operation, Set<String> tags, Set<String> ids) {
        List<String> problems = new ArrayList<>();
        if (blank(operation.getSummary())) {
            problems.add(name + ": no summary (@Operation(summary = ...))");
        }
        if (blank(operation.getDescription())) {
            problems.add(name + ": no description (@Operation(description = ...))");
        }
        String id = operation.getOperationId();
        if (blank(id) || id.matches(".*_\\d+$")) {
            problems.add(name + ": no meaningful operationId (@Operation(operationId = ...)), has " + id);
        } else if (!ids.add(id)) {
            problems.add(name + ": operationId " + id + " is used twice");
        }
        if (operation.getTags() == null || operation.getTags().isEmpty()) {
            problems.add(name + ": no tag (@Tag on the controller)");
        } else {
            operation.getTags().stream()
                    .filter(tag -> !tags.contains(tag))
                    .forEach(tag -> problems.add(name + ": tag '" + tag + "' is not in OpenApiConfiguration.TAGS"));
        }
        Map<String, ApiResponse> responses = operation.getResponses();
        if (responses == null
                || responses.entrySet().stream()
                        .noneMatch(e -> e.getKey().startsWith("2") && OpenApiDocumentTest.typed(e.getValue()))) {
            problems.add(name + ": no 2xx answer with a schema");
        }
        if (responses == null || responses.keySet().stream().noneMatch(code -> code.startsWith("4"))) {
            problems.add(name + ": no 4xx answer");
        }
        if (responses != null) {
            responses.forEach((code, response) -> {
                if (response.getContent() != null && response.getContent().containsKey("*/*")) {
                    problems.add(name + ": answer " + code + " has media type */*");
                }
            });
        }
        if (operation.getSecurity() == null) {
            problems.add(name + ": no security declared");
        } else if (path.startsWith("/api/v1/")
                && !path.startsWith("/api/v1/runner/")
                && !path.startsWith("/api/v1/providers/")
                && operation.getSecurity().stream().noneMatch(r -> r.containsKey("ApiKey"))) {
            problems.add(name + ": not secured by the API key");
        }
        if (operation.getParameters() != null) {
            operation.getParameters().stream()
                    .filter(p -> p.getSchema() == null && p.getContent() == null)
                    .forEach(p -> problems.add(name + ": parameter " + p.getName() + " has no schema"));
        }
        return problems;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
