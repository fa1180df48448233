package io.agentcalls.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcalls.support.ApiTest;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document is the contract integrators generate clients from: the served one must be
 * the committed one (so every change to it is a diff in review), valid OpenAPI 3.1, and complete
 * for every operation, including those added after this test was written.
 */
class OpenApiDocumentTest extends ApiTest {

    private static final String INITIATE_CALLS = "/api/v1/initiate/{campaignId}/calls";

    private String served() {
        Response docs = get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        return OpenApiDocument.canonical(docs.raw());
    }

    @Test
    void theServedDocumentIsTheCommittedOne() {
        String served = served();
        if (Boolean.getBoolean("openapi.write")) {
            OpenApiDocument.write(served);
        }
        String committed = OpenApiDocument.committed();
        assertThat(OpenApiDocument.differences(committed, served, 15))
                .as(
                        "the served OpenAPI document differs from %s; if the change is meant, refresh it with `%s`"
                                + " and commit the file",
                        OpenApiDocument.COMMITTED, OpenApiDocument.REFRESH)
                .isEmpty();
    }

    @Test
    void theCommittedDocumentIsValidOpenApi31() {
        SwaggerParseResult parsed = OpenApiDocument.parse(OpenApiDocument.committed());
        assertThat(parsed.getMessages()).isEmpty();
        assertThat(parsed.getOpenAPI().getOpenapi()).startsWith("3.1");
        assertThat(parsed.getOpenAPI().getPaths()).isNotEmpty();
    }

    @Test
    void everyOperationIsComplete() {
        OpenAPI api = OpenApiDocument.model(served());
        Set<String> tags = new HashSet<>();
        api.getTags().forEach(tag -> tags.add(tag.getName()));
        List<String> problems = new ArrayList<>();
        Set<String> operationIds = new HashSet<>();
        api.getPaths()
                .forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                    String name = method + " " + path;
                    problems.addAll(OperationRules.check(name, path, operation, tags, operationIds));
                }));
        assertThat(problems)
                .as("operations missing parts of their documentation (see docs/decisions/0015-openapi-document.md)")
                .isEmpty();
        assertThat(api.getComponents().getSchemas())
                .as("no Jackson node internals leak into the schemas")
                .doesNotContainKeys("JsonNode", "ObjectNode");
    }

    @Test
    void initiateCallsDocumentsEveryAnswerWithTheContractsExamples() {
        OpenAPI api = OpenApiDocument.model(served());
        Operation initiate = api.getPaths().get(INITIATE_CALLS).getPost();
        assertThat(initiate.getOperationId()).isEqualTo("initiateCalls");
        assertThat(initiate.getResponses()).containsKeys("200", "207", "400", "403", "404", "500");
        for (String code : List.of("200", "207", "400", "403", "404", "500")) {
            MediaType json = initiate.getResponses().get(code).getContent().get("application/json");
            assertThat(json.getExamples()).as("examples of %s", code).isNotEmpty();
            assertThat(json.getSchema()).as("schema of %s", code).isNotNull();
        }
        assertThat(initiate.getResponses()
                        .get("400")
                        .getContent()
                        .get("application/json")
                        .getExamples())
                .containsKeys("validation", "noActiveNumbers", "missingVariables");
        assertThat(initiate.getRequestBody()
                        .getContent()
                        .get("application/json")
                        .getExamples())
                .containsKeys("byPaymentStatus", "dueThisMonth", "byIds", "customFields", "excludeIds");
        var filters = api.getComponents().getSchemas().get("CustomerFilters");
        assertThat(filters.getProperties()).containsKeys("ids", "exclude_ids", "payment_status", "language", "custom");
        assertThat(filters.getAdditionalProperties())
                .as("any field: a value, values, a date range or a number range")
                .isNotNull();
        assertThat(api.getComponents().getSchemas().get("InitiateCallsRefusal").getProperties())
                .containsKeys("totalMatched", "customersSelected");
    }

    @Test
    void noInternalArgumentIsAParameterAndEveryKindOfCallerHasItsScheme() {
        OpenAPI api = OpenApiDocument.model(served());
        api.getPaths()
                .forEach((path, item) -> item.readOperations().forEach(operation -> {
                    if (operation.getParameters() != null) {
                        assertThat(operation.getParameters())
                                .as(path)
                                .noneMatch(p -> p.getName().equalsIgnoreCase("caller"));
                    }
                }));
        assertThat(api.getComponents().getSecuritySchemes())
                .containsKeys("ApiKey", "AdminToken", "RunnerTimestamp", "RunnerSignature");
        assertThat(api.getPaths().get("/api/v1/calls").getGet().getSecurity().get(0))
                .containsKey("ApiKey");
        assertThat(api.getPaths()
                        .get("/admin/v1/organizations")
                        .getPost()
                        .getSecurity()
                        .get(0))
                .containsKey("AdminToken");
        assertThat(api.getPaths()
                        .get("/api/v1/runner/events")
                        .getPost()
                        .getSecurity()
                        .get(0))
                .containsKeys("RunnerTimestamp", "RunnerSignature")
                .doesNotContainKey("ApiKey");
    }

    @Test
    void swaggerUiReadsTheDocumentWithItsExamples() {
        Response config = get("/v3/api-docs/swagger-config", null);
        assertThat(config.status()).isEqualTo(200);
        assertThat(config.body().at("/url").asString()).isEqualTo("/v3/api-docs");
        Response ui = get("/swagger-ui/index.html", null);
        assertThat(ui.status()).isEqualTo(200);
        Content answer = OpenApiDocument.model(served())
                .getPaths()
                .get(INITIATE_CALLS)
                .getPost()
                .getResponses()
                .get("207")
                .getContent();
        assertThat(answer.get("application/json").getExamples().get("partial").getValue())
                .asString()
                .contains("Workflow runner timeout");
    }

    static boolean typed(ApiResponse response) {
        Content content = response.getContent();
        return content != null
                && !content.isEmpty()
                && content.values().stream().allMatch(media -> media.getSchema() != null)
                && !content.containsKey("*/*");
    }
}
