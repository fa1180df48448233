package io.agentcalls.disposition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Remove Disposition from Group: {@code DELETE /api/v1/dispositions/groups/{id}/dispositions} with a body. */
class TimepayRemoveDispositionsFromGroupTest extends DispositionPagesTest {

    @Test
    void removesMembersAndKeepsTheDispositions() {
        String key = newOrganization();
        String noAnswer = disposition(key, NO_ANSWER);
        String busy = disposition(key, BUSY);
        String other = disposition(key, PAY_LATER);
        String id = group(key, "Call Back", noAnswer, busy);

        Response removed = deleteWithBody(
                "/api/v1/dispositions/groups/" + id + "/dispositions",
                key,
                json("dispositions", List.of(noAnswer, other)));

        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.raw())
                .isEqualTo("{\"success\":true,\"message\":\"Dispositions removed from group successfully\"}");
        assertThat(get("/api/v1/dispositions/groups/" + id, key)
                        .body()
                        .at("/data/dispositions")
                        .valueStream()
                        .map(JsonNode::asString))
                .containsExactly(busy);
        assertThat(get("/api/v1/dispositions/" + noAnswer, key).status()).isEqualTo(200);
    }

    @Test
    void theDocumentedRefusals() {
        String key = newOrganization();
        String busy = disposition(key, BUSY);
        String id = group(key, "Call Back", busy);
        String path = "/api/v1/dispositions/groups/" + id + "/dispositions";

        assertThat(deleteWithBody(path, key, "{\"dispositions\":[]}").raw())
                .isEqualTo(
                        "{\"success\":false,\"error\":\"BadRequest\",\"message\":\"dispositions must be a non-empty array\"}");
        assertThat(deleteWithBody(
                                "/api/v1/dispositions/groups/dsp_" + "0".repeat(32) + "/dispositions",
                                key,
                                json("dispositions", List.of(busy)))
                        .raw())
                .isEqualTo("{\"success\":false,\"error\":\"NotFound\",\"message\":\"Disposition group not found\"}");
        assertThat(deleteWithBody(path, key, "{\"dispositions\":[\"elsewhere\"]}")
                        .raw())
                .isEqualTo(
                        "{\"success\":false,\"error\":\"BadRequest\",\"message\":\"Invalid disposition IDs\",\"invalidIds\":[\"elsewhere\"]}");
        assertRefused(
                deleteWithBody(path, newOrganization(), json("dispositions", List.of(busy))),
                404,
                "Disposition group not found");
        assertValidation(
                deleteWithBody(path, key, "{\"dispositions\":{}}"), "dispositions has the wrong type or format");
        assertValidation(deleteWithBody(path, key, "{\"dispositions\":[\"a\""), "body is not valid JSON");
        assertBadRequest(deleteWithBody(path, key, ""));
        assertThat(get("/api/v1/dispositions/groups/" + id, key)
                        .body()
                        .at("/data/dispositions")
                        .size())
                .isEqualTo(1);
    }
}
