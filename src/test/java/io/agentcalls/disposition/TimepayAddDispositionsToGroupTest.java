package io.agentcalls.disposition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Add Disposition in Group: {@code POST /api/v1/dispositions/groups/{id}/dispositions}. */
class TimepayAddDispositionsToGroupTest extends DispositionPagesTest {

    @Test
    void appendsNewMembersAndIgnoresPresentOnes() {
        String key = newOrganization();
        String noAnswer = disposition(key, NO_ANSWER);
        String busy = disposition(key, BUSY);
        String id = group(key, "Call Back", noAnswer);

        Response added = post(
                "/api/v1/dispositions/groups/" + id + "/dispositions",
                key,
                json("dispositions", List.of(noAnswer, busy, busy)));

        assertThat(added.status()).isEqualTo(200);
        assertThat(added.raw())
                .isEqualTo("{\"success\":true,\"message\":\"Dispositions added to group successfully\"}");
        assertThat(get("/api/v1/dispositions/groups/" + id, key)
                        .body()
                        .at("/data/dispositions")
                        .valueStream()
                        .map(JsonNode::asString))
                .containsExactly(noAnswer, busy);
    }

    @Test
    void theDocumentedRefusals() {
        String key = newOrganization();
        String busy = disposition(key, BUSY);
        String id = group(key, "Call Back");
        String path = "/api/v1/dispositions/groups/" + id + "/dispositions";

        assertRefused(post(path, key, "{\"dispositions\":[]}"), 400, "dispositions must be a non-empty array");
        assertRefused(post(path, key, "{}"), 400, "dispositions must be a non-empty array");
        assertThat(post(path, key, "{\"dispositions\":[\"nope\"]}").raw())
                .isEqualTo(
                        "{\"success\":false,\"error\":\"BadRequest\",\"message\":\"Invalid disposition IDs\",\"invalidIds\":[\"nope\"]}");
        assertRefused(
                post(
                        "/api/v1/dispositions/groups/dsp_" + "0".repeat(32) + "/dispositions",
                        key,
                        json("dispositions", List.of(busy))),
                404,
                "Disposition group not found");
        assertRefused(
                post(path, newOrganization(), json("dispositions", List.of(busy))), 404, "Disposition group not found");
        assertValidation(post(path, key, "{\"dispositions\":\"x\"}"), "dispositions has the wrong type or format");
        assertValidation(
                post(path, key, json("dispositions", Collections.nCopies(101, busy))),
                "dispositions must have at most 100 items");
        assertValidation(post(path, key, "{\"dispositions\":["), "body is not valid JSON");
        assertThat(get("/api/v1/dispositions/groups/" + id, key)
                        .body()
                        .at("/data/dispositions")
                        .size())
                .isZero();
    }

    @Test
    void aGroupHoldsAtMostOneHundred() {
        String key = newOrganization();
        String id = group(key, "Big");
        for (int batch = 0; batch < 2; batch++) {
            List<String> ids = new java.util.ArrayList<>();
            for (int i = 0; i < 50; i++) {
                ids.add(disposition(key, "Outcome " + batch + "-" + i, 500));
            }
            assertThat(post("/api/v1/dispositions/groups/" + id + "/dispositions", key, json("dispositions", ids))
                            .status())
                    .isEqualTo(200);
        }
        String extra = disposition(key, BUSY);

        assertValidation(
                post("/api/v1/dispositions/groups/" + id + "/dispositions", key, json("dispositions", List.of(extra))),
                "a group holds at most 100 dispositions");
    }
}
