package io.agentcalls.disposition;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Update Disposition: {@code PUT /api/v1/dispositions/{id}}, partial, answering {@code updatedFields}. */
class TimepayUpdateDispositionTest extends DispositionPagesTest {

    @Test
    void changesTheGivenFieldsAndNamesThem() {
        String key = newOrganization();
        String id = disposition(key, NO_ANSWER);
        JsonNode before = get("/api/v1/dispositions/" + id, key).body().get("data");

        Response updated = put("/api/v1/dispositions/" + id, key, "{\"name\":\"Not Answered\",\"priority\":90}");

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.body()).isEqualTo(JSON.readTree("""
                        {"success":true,"message":"Disposition updated successfully","updatedFields":["name","priority"]}"""));
        JsonNode after = get("/api/v1/dispositions/" + id, key).body().get("data");
        assertThat(after.get("name").asString()).isEqualTo("Not Answered");
        assertThat(after.get("priority").asInt()).isEqualTo(90);
        assertThat(after.get("description")).isEqualTo(before.get("description"));
        assertThat(after.get("code").asString()).as("the code stays").isEqualTo("NO_ANSWER");
    }

    @Test
    void theGroupsHoldingItShowItsNewName() {
        String key = newOrganization();
        String id = disposition(key, NO_ANSWER);
        String group = group(key, "Call Back", id);

        put("/api/v1/dispositions/" + id, key, "{\"name\":\"Unanswered\",\"category\":\"callback\"}");

        assertThat(get("/api/v1/dispositions/groups/" + group + "?expand=true", key)
                        .body()
                        .at("/data/dispositionDetails/0/name")
                        .asString())
                .isEqualTo("Unanswered");
        assertThat(get("/api/v1/disposition-sets/" + group, key).body().at("/data/codes/0"))
                .isEqualTo(
                        JSON.readTree("{\"code\":\"NO_ANSWER\",\"label\":\"Unanswered\",\"category\":\"callback\"}"));
    }

    @Test
    void theDocumentedRefusals() {
        String key = newOrganization();
        String id = disposition(key, NO_ANSWER);
        disposition(key, BUSY);
        String path = "/api/v1/dispositions/" + id;

        assertThat(put(path, key, "{\"priority\":1001}").raw())
                .isEqualTo("{\"success\":false,\"error\":\"BadRequest\",\"message\":\"Validation failed\","
                        + "\"errors\":[\"priority must be between 0 and 1000\"]}");
        assertThat(put(path, key, "{}").raw())
                .isEqualTo(
                        "{\"success\":false,\"error\":\"BadRequest\",\"message\":\"No valid fields provided for update\"}");
        assertRefused(put(path, key, "{\"name\":\"BUSY\"}"), 409, "A disposition with this name already exists");
        assertRefused(
                put("/api/v1/dispositions/dis_" + "0".repeat(32), key, "{\"priority\":1}"),
                404,
                "Disposition not found");
        assertRefused(put(path, newOrganization(), "{\"priority\":1}"), 404, "Disposition not found");
        assertValidation(put(path, key, "{\"priority\":null}"), "priority has the wrong type or format");
        assertValidation(put(path, key, "{\"name\":\"\"}"), "name must not be blank");
        assertValidation(
                put(path, key, "{\"code\":\"OTHER\"}"),
                "code cannot be changed: runners and past calls know the disposition by it");
        assertValidation(put(path, key, "{\"priority\":\"1\"}"), "priority has the wrong type or format");
        assertValidation(put(path, key, "{\"rank\":1}"), "unknown field 'rank'");
        assertValidation(put(path, key, "{\"name\":"), "body is not valid JSON");
        assertBadRequest(put(path, key, "{\"priority\":1e400}"));

        JsonNode after = get(path, key).body().get("data");
        assertThat(after.get("name").asString()).isEqualTo("No Answer");
        assertThat(after.get("priority").asInt()).isEqualTo(100);
    }
}
