package io.agentcalls.initiation;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcalls.runner.WorkflowRunner;
import io.agentcalls.support.ApiTest;
import io.agentcalls.support.CallingSetup;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The status codes and messages of the Initiate Call(s) contract ({@code shared/SEED-initiate-calls.md}),
 * asserted to the letter, through the real server.
 */
class InitiateCallsApiTest extends ApiTest {

    @Autowired
    WorkflowRunner runner;

    private CallingSetup setup;

    @BeforeEach
    void organizationReadyToCall() {
        setup = CallingSetup.create(this);
    }

    @Test
    void callsEveryCustomerAndAnswers200WithTheContractsShape() {
        setup.upsert(setup.customers("LOAN", 3));

        Response response = setup.initiate();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().at("/success").asBoolean()).isTrue();
        assertThat(response.body().at("/message").asString()).isEqualTo("Calls initiated for 3 customers");
        assertThat(response.body().at("/results/totalMatched").asInt()).isEqualTo(3);
        assertThat(response.body().at("/results/customersSelected").asInt()).isEqualTo(3);
        assertThat(response.body().at("/results/initiated").asInt()).isEqualTo(3);
        assertThat(response.body().at("/results/failed").asInt()).isZero();
        assertThat(response.body().at("/results/batchesProcessed").asInt()).isEqualTo(1);
        assertThat(response.body().at("/results/errors").isArray()).isTrue();
        assertThat(response.body().at("/results/errors").size()).isZero();
        assertThat(response.body().at("/results/initiationId").asString()).startsWith("ini_");
        assertThat(setup.calls().countByStatus()).containsOnlyKeys("initiated").containsEntry("initiated", 3L);
    }

    @Test
    void limitSelectsTheEarliestDueFirstThenById() {
        List<Map<String, Object>> customers = setup.customers("L", 4);
        customers.get(0).put("emi_due_date", "2025-09-01");
        customers.get(1).remove("emi_due_date");
        customers.get(2).put("emi_due_date", "2025-07-01");
        customers.get(3).put("emi_due_date", "2025-07-01");
        setup.upsert(customers);

        Response response = setup.initiate(Map.of("limit", 3));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().at("/results/totalMatched").asInt()).isEqualTo(4);
        assertThat(response.body().at("/results/customersSelected").asInt()).isEqualTo(3);
        assertThat(setup.calls().customers()).containsExactlyInAnyOrder("L-00003", "L-00004", "L-00001");
    }

    @Test
    void splitsIntoBatchesOf500() {
        setup.upsert(setup.customers("B", 1_200));

        Response response = setup.initiate();

        assertThat(response.body().at("/results/batchesProcessed").asInt()).isEqualTo(3);
        assertThat(response.body().at("/results/initiated").asInt()).isEqualTo(1_200);
        List<Long> perBatch = jdbc.sql(
                        "SELECT count(*) FROM calls WHERE initiation_id = :id GROUP BY batch ORDER BY batch")
                .param("id", response.body().at("/results/initiationId").asString())
                .query(Long.class)
                .list();
        assertThat(perBatch).containsExactly(500L, 500L, 200L);
    }

    @Test
    void unauthenticatedIs401() {
        Response response = post("/api/v1/initiate/" + setup.campaignId + "/calls", null, "{}");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.raw())
                .isEqualTo(
                        "{\"success\":false,\"error\":\"Unauthorized\",\"message\":\"Missing or invalid authorization header\"}");
    }

    @Test
    void validationErrorIsTheContractsBody() {
        Response response = post(
                "/api/v1/initiate/" + setup.campaignId + "/calls",
                setup.key,
                "{\"dispositionId\":\"" + setup.dispositionId + "\"}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.raw())
                .isEqualTo(
                        "{\"success\":false,\"error\":\"BadRequest\",\"message\":\"Validation failed\",\"errors\":[\"agentId is required and must be a string\"]}");
    }

    /** Bad bodies: as sent, or (when {@code wrapped}) the members after a valid agent and disposition. */
    static Stream<Arguments> badBodies() {
        return Stream.of(
                Arguments.of(false, "{\"agentId\":", "body is not valid JSON"),
                Arguments.of(false, "[]", "body must be a JSON object"),
                Arguments.of(true, "\"limit\":\"10\"", "limit must be a positive integer"),
                Arguments.of(
                        true,
                        "\"filters\":{\"payment_status\":\"late\"}",
                        "filters.payment_status has unknown value(s) [late]"),
                Arguments.of(
                        true,
                        "\"filters\":{\"colour\":\"red\"}",
                        "filters.colour is not a customer field of this campaign"),
                Arguments.of(
                        true,
                        "\"filters\":{\"emi_amount\":{\"min\":\"a\"}}",
                        "filters.emi_amount.min must be a number"),
                Arguments.of(true, "\"surprise\":true", "unknown field 'surprise'"),
                Arguments.of(
                        true,
                        "\"filters\":{\"ids\":[" + "\"x\",".repeat(10_000) + "\"y\"]}",
                        "filters.ids must have at most 10000 values"));
    }

    @ParameterizedTest
    @MethodSource("badBodies")
    void badBodiesAre400NamingTheProblemAndWriteNothing(boolean wrapped, String json, String problem) {
        setup.upsert(setup.customers("V", 2));
        String path = "/api/v1/initiate/" + setup.campaignId + "/calls";

        Response response = post(path, setup.key, wrapped ? body(json) : json);

        assertThat(response.status()).as(problem).isEqualTo(400);
        assertThat(response.body().at("/message").asString()).isEqualTo("Validation failed");
        assertThat(response.body().at("/errors/0").asString()).as(problem).startsWith(problem);
        assertThat(setup.calls().countByStatus()).isEmpty();
    }

    @Test
    void campaignOfAnotherOrganizationOrMalformedIdIs403() {
        CallingSetup other = CallingSetup.create(this);
        for (String campaignId : new String[] {other.campaignId, "not-a-campaign", "cmp_123"}) {
            Response response = post("/api/v1/initiate/" + campaignId + "/calls", setup.key, body(""));
            assertThat(response.status()).as(campaignId).isEqualTo(403);
            assertThat(response.raw())
                    .isEqualTo(
                            "{\"success\":false,\"error\":\"Forbidden\",\"message\":\"Campaign ID invalid or mismatch for your organization.\"}");
        }
    }

    @Test
    void unknownCampaignAgentAndDispositionAre404() {
        String unknownCampaign = "cmp_" + "0".repeat(32);
        assertThat(post("/api/v1/initiate/" + unknownCampaign + "/calls", setup.key, body(""))
                        .raw())
                .isEqualTo("{\"success\":false,\"error\":\"NotFound\",\"message\":\"Campaign not found\"}");
        Response agent = setup.initiate(Map.of("agentId", "agt_" + "0".repeat(32)));
        assertThat(agent.status()).isEqualTo(404);
        assertThat(agent.raw()).isEqualTo("{\"success\":false,\"error\":\"NotFound\",\"message\":\"Agent not found\"}");
        Response disposition = setup.initiate(Map.of("dispositionId", "dsp_missing"));
        assertThat(disposition.status()).isEqualTo(404);
        assertThat(disposition.raw())
                .isEqualTo("{\"success\":false,\"error\":\"NotFound\",\"message\":\"Disposition not found\"}");
    }

    @Test
    void anotherOrganizationsAgentIsNotFound() {
        CallingSetup other = CallingSetup.create(this);
        Response response = setup.initiate(Map.of("agentId", other.agentId));
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body().at("/message").asString()).isEqualTo("Agent not found");
    }

    @Test
    void noActiveNumberIs400() {
        setup.upsert(setup.customers("N", 1));
        assertThat(patch("/api/v1/phone-numbers/" + setup.numberId, setup.key, "{\"active\":false}")
                        .status())
                .isEqualTo(200);

        Response response = setup.initiate();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.raw())
                .isEqualTo(
                        "{\"success\":false,\"error\":\"BadRequest\",\"message\":\"No active numbers available for this organization\"}");
    }

    @Test
    void nothingMatchingIs404() {
        setup.upsert(setup.customers("M", 2));
        Response response = setup.initiate(Map.of("filters", Map.of("payment_status", "paid")));
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.raw())
                .isEqualTo(
                        "{\"success\":false,\"error\":\"NotFound\",\"message\":\"No customers found matching the given filters\"}");
        Response emptyCampaign = CallingSetup.create(this).initiate();
        assertThat(emptyCampaign.status()).isEqualTo(404);
    }

    @Test
    void missingAgentVariablesAre400WithCountsAndWriteNothing() {
        String agentId = setup.created(
                "/api/v1/agents",
                Map.of(
                        "name",
                        "Needs more",
                        "prompt",
                        "EMI {{emi_amount}} due {{emi_due_date}}",
                        "variables",
                        List.of("branch")));
        List<Map<String, Object>> customers = setup.customers("MV", 3);
        customers.get(0).remove("emi_due_date");
        setup.upsert(customers);

        Response response = setup.initiate(Map.of("agentId", agentId));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.raw())
                .isEqualTo(
                        "{\"success\":false,\"error\":\"BadRequest\",\"message\":\"Cannot initiate calls: Missing variables: emi_due_date, branch\","
                                + "\"totalMatched\":3,\"customersSelected\":3}");
        assertThat(setup.calls().countByStatus()).isEmpty();
    }

    @Test
    void variablesReachTheCallRowsOnlyWhenAllArePresent() {
        String agentId = setup.created(
                "/api/v1/agents", Map.of("name", "Custom", "prompt", "Branch {{branch}} loan {{loan_amount}}"));
        List<Map<String, Object>> customers = setup.customers("CV", 2);
        customers.forEach(c -> c.put("custom", Map.of("branch", "mumbai")));
        setup.upsert(customers);

        assertThat(setup.initiate(Map.of("agentId", agentId)).status()).isEqualTo(200);
    }

    @Test
    void runnerRejectionsGive207AndAllFailuresGive500() {
        setup.upsert(setup.customers("R", 40));
        SimulatedRunnerControl.with(runner, 0.5, 0, 0, () -> {
            Response partial = setup.initiate();
            assertThat(partial.status()).isEqualTo(207);
            long initiated = partial.body().at("/results/initiated").asLong();
            long failed = partial.body().at("/results/failed").asLong();
            assertThat(initiated).isPositive();
            assertThat(failed).isPositive();
            assertThat(initiated + failed).isEqualTo(40);
            assertThat(partial.body().at("/success").asBoolean()).isFalse();
            assertThat(partial.body().has("error"))
                    .as("a partial success is no error")
                    .isFalse();
            assertThat(partial.body().at("/message").asString())
                    .isEqualTo("Calls initiated for " + initiated + " of 40 customers");
            assertThat(partial.body().at("/results/errors/0/batch").asInt()).isEqualTo(1);
            assertThat(partial.body().at("/results/errors/0/error").asString()).isEqualTo("Call initiation failed");
            assertThat(partial.body().at("/results/errors/0/reason").asString()).isEqualTo("Simulated rejection");
            assertThat(partial.body().at("/results/errors/0/affectedCustomers").asLong())
                    .isEqualTo(failed);
            assertThat(setup.calls().countByStatus())
                    .containsEntry("initiated", initiated)
                    .containsEntry("failed_to_initiate", failed);
        });
        jdbc.sql(
                        "UPDATE calls SET status = 'completed' WHERE organization_id = (SELECT organization_id FROM campaigns WHERE id = :c)")
                .param("c", setup.campaignId)
                .update();
        SimulatedRunnerControl.with(runner, 0, 1, 0, () -> {
            Response none = setup.initiate();
            assertThat(none.status()).isEqualTo(500);
            assertThat(none.body().at("/success").asBoolean()).isFalse();
            assertThat(none.body().at("/error").asString()).isEqualTo("Internal Server Error");
            assertThat(none.body().at("/message").asString()).isEqualTo("Calls initiated for 0 of 40 customers");
            assertThat(none.body().at("/results/failed").asInt()).isEqualTo(40);
            assertThat(none.body().at("/results/errors/0/reason").asString()).isEqualTo("Simulated runner failure");
        });
    }

    @Test
    void aTimedOutBatchFailsWithTheContractsReason() {
        setup.upsert(setup.customers("T", 3));
        SimulatedRunnerControl.with(runner, 0, 0, 1, () -> {
            Response response = setup.initiate();
            assertThat(response.status()).isEqualTo(500);
            assertThat(response.body().at("/results/errors/0").toString())
                    .isEqualTo(
                            "{\"batch\":1,\"error\":\"Call initiation failed\",\"reason\":\"Workflow runner timeout\","
                                    + "\"affectedCustomers\":3}");
        });
        assertThat(jdbc.sql(
                                "SELECT DISTINCT failure_reason FROM calls WHERE customer_id LIKE 'T-%' AND campaign_id = :c")
                        .param("c", setup.campaignId)
                        .query(String.class)
                        .list())
                .containsExactly("Workflow runner timeout");
    }

    private String body(String extra) {
        return "{\"agentId\":\"" + setup.agentId + "\",\"dispositionId\":\"" + setup.dispositionId + "\""
                + (extra.isEmpty() ? "" : "," + extra) + "}";
    }
}
