package io.agentcalls.disposition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Update Disposition Group: {@code PUT /api/v1/dispositions/groups/{id}}; {@code dispositions} replaces the list. */
class TimepayUpdateDispositionGroupTest extends DispositionPagesTest {

    @Test
    void changesTheGivenFieldsAndReplacesTheMembers() {
        String key = newOrganization();
        String noAnswer = disposition(key, NO_ANSWER);
        String busy = disposition(key, BUSY);
        String id = group(key, "Call Back", noAnswer);

        Response updated = put(
                "/api/v1/dispositions/groups/" + id,
                key,
                json("name", "Call Again", "dispositions", List.of(busy, noAnswer)));

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.body()).isEqualTo(JSON.readTree("""
                        {"success":true,"message":"Disposition group updated successfully",
                         "updatedFields":["name","dispositions"]}"""));
        JsonNode after = get("/api/v1/dispositions/groups/" + id, key).body().get("data");
        assertThat(after.get("name").asString()).isEqualTo("Call Again");
        assertThat(after.get("description").asString()).isEqualTo(CALL_BACK_DESCRIPTION);
        assertThat(after.get("dispositions").valueStream().map(JsonNode::asString))
                .containsExactly(busy, noAnswer);

        put("/api/v1/dispositions/groups/" + id, key, "{\"dispositions\":[]}");
        assertThat(get("/api/v1/dispositions/groups/" + id, key)
                        .body()
                        .at("/data/dispositions")
                        .size())
                .isZero();
    }

    @Test
    void theDocumentedRefusals() {
        String key = newOrganization();
        String busy = disposition(key, BUSY);
        String id = group(key, "Call Back", busy);
        group(key, "Follow Up");
        String path = "/api/v1/dispositions/groups/" + id;

        assertThat(put(path, key, "{\"dispositions\":[\"invalidId123\"]}").raw())
                .isEqualTo(
                        "{\"success\":false,\"error\":\"BadRequest\",\"message\":\"Invalid disposition IDs\",\"invalidIds\":[\"invalidId123\"]}");
        assertThat(put(path, key, "{}").raw())
                .isEqualTo(
                        "{\"success\":false,\"error\":\"BadRequest\",\"message\":\"No valid fields provided for update\"}");
        assertRefused(put(path, key, "{\"name\":\"FOLLOW UP\"}"), 409, "A group with this name already exists");
        assertRefused(
                put("/api/v1/dispositions/groups/dsp_" + "0".repeat(32), key, "{\"name\":\"x\"}"),
                404,
                "Disposition group not found");
        assertRefused(put(path, newOrganization(), "{\"name\":\"x\"}"), 404, "Disposition group not found");
        assertValidation(put(path, key, "{\"dispositions\":null}"), "dispositions has the wrong type or format");
        assertValidation(put(path, key, "{\"name\":\" \"}"), "name must not be blank");
        assertValidation(put(path, key, "{\"members\":[]}"), "unknown field 'members'");
        assertValidation(put(path, key, "{\"dispositions\":[1.5]}"), "dispositions[0] has the wrong type or format");

        JsonNode after = get(path, key).body().get("data");
        assertThat(after.get("name").asString()).isEqualTo("Call Back");
        assertThat(after.get("dispositions").valueStream().map(JsonNode::asString))
                .containsExactly(busy);
    }
}
