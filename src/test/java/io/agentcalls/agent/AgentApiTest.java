package io.agentcalls.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcalls.support.ApiTest;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AgentApiTest extends ApiTest {

    private static final String HINDI_AGENT = """
            {"name":"EMI reminder (Hindi)","language":"Hindi","voice":"female-1",
             "prompt":"Namaste {{name}}, your EMI of {{ emi_amount }} is due on {{emi_due_date}}. {{name}}",
             "variables":["loan_amount","name"]}""";

    @Test
    void createsAnAgentAndListsItsRequiredVariables() {
        String key = newOrganization();

        Response created = post("/api/v1/agents", key, HINDI_AGENT);

        assertThat(created.status()).isEqualTo(201);
        JsonNode data = created.body().get("data");
        assertThat(data.get("id").asString()).startsWith("agt_");
        assertThat(created.body()).isEqualTo(JSON.readTree("""
                {"success":true,"data":{"id":"%s","name":"EMI reminder (Hindi)","language":"hindi",
                 "voice":"female-1",
                 "prompt":"Namaste {{name}}, your EMI of {{ emi_amount }} is due on {{emi_due_date}}. {{name}}",
                 "variables":["loan_amount","name"],
                 "requiredVariables":["name","emi_amount","emi_due_date","loan_amount"],
                 "createdAt":"%s","updatedAt":"%s"}}""".formatted(
                        data.get("id").asString(),
                        data.get("createdAt").asString(),
                        data.get("updatedAt").asString())));

        Response fetched = get("/api/v1/agents/" + data.get("id").asString(), key);
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.body()).isEqualTo(created.body());
    }

    @Test
    void onlyNameAndPromptAreRequired() {
        String key = newOrganization();

        Response created = post("/api/v1/agents", key, "{\"name\":\"Plain\",\"prompt\":\"Hello there\"}");

        assertThat(created.status()).isEqualTo(201);
        JsonNode data = created.body().get("data");
        assertThat(data.get("language").isNull()).isTrue();
        assertThat(data.get("voice").isNull()).isTrue();
        assertThat(data.get("variables").size()).isZero();
        assertThat(data.get("requiredVariables").size()).isZero();
    }

    @Test
    void listsAgentsInStablePagesWithACursor() {
        String key = newOrganization();
        for (int i = 0; i < 3; i++) {
            post("/api/v1/agents", key, "{\"name\":\"a" + i + "\",\"prompt\":\"p\"}");
        }

        Response first = get("/api/v1/agents?limit=2", key);
        Response second = get(
                "/api/v1/agents?limit=2&cursor="
                        + first.body().at("/nextCursor").asString(),
                key);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().at("/data/0/name").asString()).isEqualTo("a0");
        assertThat(first.body().at("/data/1/name").asString()).isEqualTo("a1");
        assertThat(second.body().at("/data").size()).isEqualTo(1);
        assertThat(second.body().at("/data/0/name").asString()).isEqualTo("a2");
        assertThat(second.body().has("nextCursor")).isFalse();
        assertThat(get("/api/v1/agents?limit=501", key).status()).isEqualTo(400);
        assertThat(get("/api/v1/agents?cursor=!!!", key).status()).isEqualTo(400);
    }

    @Test
    void patchChangesOnlyTheGivenFieldsAndRecomputesRequiredVariables() {
        String key = newOrganization();
        JsonNode agent = post("/api/v1/agents", key, HINDI_AGENT).body().get("data");
        String path = "/api/v1/agents/" + agent.get("id").asString();

        Response patched = patch(path, key, "{\"prompt\":\"Hi {{first_name}}\",\"language\":\"MARATHI\"}");

        assertThat(patched.status()).isEqualTo(200);
        JsonNode data = patched.body().get("data");
        assertThat(data.get("name").asString()).isEqualTo("EMI reminder (Hindi)");
        assertThat(data.get("voice").asString()).isEqualTo("female-1");
        assertThat(data.get("language").asString()).isEqualTo("marathi");
        assertThat(data.get("prompt").asString()).isEqualTo("Hi {{first_name}}");
        assertThat(data.get("variables").toString()).isEqualTo("[\"loan_amount\",\"name\"]");
        assertThat(data.get("requiredVariables").toString()).isEqualTo("[\"first_name\",\"loan_amount\",\"name\"]");
        assertThat(data.get("createdAt")).isEqualTo(agent.get("createdAt"));

        Response cleared = patch(path, key, "{\"variables\":[]}");
        assertThat(cleared.body().at("/data/requiredVariables").toString()).isEqualTo("[\"first_name\"]");
        assertThat(get(path, key).body().get("data")).isEqualTo(cleared.body().get("data"));
    }

    @Test
    void deleteIsSoftAndTheAgentDisappears() {
        String key = newOrganization();
        String id =
                post("/api/v1/agents", key, HINDI_AGENT).body().at("/data/id").asString();
        String path = "/api/v1/agents/" + id;

        Response deleted = delete(path, key);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.raw()).isEqualTo("{\"success\":true}");
        Response gone = get(path, key);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.raw()).isEqualTo("{\"success\":false,\"error\":\"NotFound\",\"message\":\"Agent not found\"}");
        assertThat(patch(path, key, "{\"name\":\"x\"}").status()).isEqualTo(404);
        assertThat(delete(path, key).status()).isEqualTo(404);
        assertThat(get("/api/v1/agents", key).body().at("/data").size()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM agents WHERE id = :id AND deleted_at IS NOT NULL")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void unknownIdsAreNotFound() {
        String key = newOrganization();
        for (String id : new String[] {"nope", "agt_" + "0".repeat(32), "cmp_" + "0".repeat(32)}) {
            assertThat(get("/api/v1/agents/" + id, key).status()).isEqualTo(404);
            assertThat(patch("/api/v1/agents/" + id, key, "{\"name\":\"x\"}").status())
                    .isEqualTo(404);
            assertThat(delete("/api/v1/agents/" + id, key).status()).isEqualTo(404);
        }
    }

    @Test
    void invalidPromptVariablesAre400NamingTheProblem() {
        String key = newOrganization();

        assertErrors(
                post("/api/v1/agents", key, "{\"name\":\"a\",\"prompt\":\"Hi {{Bad-Name}} and {{}}\"}"),
                "prompt has an invalid variable '{{Bad-Name}}'",
                "prompt has an empty variable '{{}}'");
        assertErrors(
                post("/api/v1/agents", key, "{\"name\":\"a\",\"prompt\":\"Hi {{name}}, pay {{amount\"}"),
                "prompt has an unclosed '{{' at character 18");
        assertErrors(
                post(
                        "/api/v1/agents",
                        key,
                        "{\"name\":\"a\",\"prompt\":\"p\",\"variables\":[\"ok\",\"LoanAmount\",null]}"),
                "variables[1] 'LoanAmount' is not a valid variable name (lower snake case: a-z, 0-9, _)",
                "variables[2] must not be null");
    }

    @Test
    void badBodiesAre400NamingTheField() {
        String key = newOrganization();

        assertErrors(post("/api/v1/agents", key, "{\"name\":"), "body is not valid JSON");
        assertErrors(post("/api/v1/agents", key, "{}"), "name must not be blank", "prompt must not be blank");
        assertErrors(
                post("/api/v1/agents", key, "{\"name\":42,\"prompt\":\"p\"}"), "name has the wrong type or format");
        assertErrors(
                post("/api/v1/agents", key, "{\"name\":\"a\",\"prompt\":\"p\",\"variables\":\"name\"}"),
                "variables has the wrong type or format");
        assertErrors(
                post("/api/v1/agents", key, "{\"name\":\"a\",\"prompt\":\"p\",\"variables\":[1]}"),
                "variables[0] has the wrong type or format");
        assertErrors(
                post("/api/v1/agents", key, "{\"name\":\"a\",\"prompt\":\"p\",\"model\":\"x\"}"),
                "unknown field 'model'");
        assertErrors(
                post("/api/v1/agents", key, "{\"name\":\" \",\"prompt\":\"p\",\"language\":\"\"}"),
                "language must not be blank",
                "name must not be blank");
        String tooMany = JSON.writeValueAsString(Collections.nCopies(101, "v"));
        assertErrors(
                post("/api/v1/agents", key, "{\"name\":\"a\",\"prompt\":\"p\",\"variables\":" + tooMany + "}"),
                "variables size must be between 0 and 100");
        assertErrors(
                post("/api/v1/agents", key, json("name", "a", "prompt", "p".repeat(20_001))),
                "prompt size must be between 0 and 20000");
    }

    @Test
    void badPatchesAre400AndChangeNothing() {
        String key = newOrganization();
        JsonNode agent = post("/api/v1/agents", key, HINDI_AGENT).body().get("data");
        String path = "/api/v1/agents/" + agent.get("id").asString();

        assertErrors(patch(path, key, "{\"name\":null}"), "name has the wrong type or format");
        assertErrors(patch(path, key, "{\"prompt\":\"  \"}"), "prompt must not be blank");
        assertErrors(patch(path, key, "{\"prompt\":\"Hi {{ x-y }}\"}"), "prompt has an invalid variable '{{ x-y }}'");
        assertErrors(patch(path, key, "{\"id\":\"agt_x\"}"), "unknown field 'id'");
        assertErrors(patch(path, key, "[1]"), "body has the wrong shape");

        assertThat(get(path, key).body().get("data")).isEqualTo(agent);
    }

    @Test
    void anotherOrganizationCannotSeeOrChangeAnAgent() {
        String keyA = newOrganization();
        String keyB = newOrganization();
        JsonNode agent = post("/api/v1/agents", keyA, HINDI_AGENT).body().get("data");
        String path = "/api/v1/agents/" + agent.get("id").asString();

        assertThat(get(path, keyB).status()).isEqualTo(404);
        assertThat(get("/api/v1/agents", keyB).body().at("/data").size()).isZero();
        assertThat(patch(path, keyB, "{\"name\":\"stolen\"}").status()).isEqualTo(404);
        assertThat(delete(path, keyB).status()).isEqualTo(404);

        assertThat(get(path, keyA).body().get("data")).isEqualTo(agent);
    }

    private static void assertErrors(Response response, String... errors) {
        assertThat(response.status()).as(response.raw()).isEqualTo(400);
        assertThat(response.body().at("/message").asString()).isEqualTo("Validation failed");
        assertThat(response.body().at("/errors").valueStream().map(JsonNode::asString))
                .containsExactly(errors);
    }
}
