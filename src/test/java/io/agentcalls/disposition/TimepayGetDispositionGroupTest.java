package io.agentcalls.disposition;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Get Disposition Group: {@code GET /api/v1/dispositions/groups/{id}?expand=}. */
class TimepayGetDispositionGroupTest extends DispositionPagesTest {

    @Test
    void answersTheGroupWithDetailsWhenExpanded() {
        String key = newOrganization();
        String noAnswer = disposition(key, NO_ANSWER);
        String busy = disposition(key, BUSY);
        String id = group(key, "Call Back", busy, noAnswer);

        JsonNode plain = get("/api/v1/dispositions/groups/" + id, key).body().get("data");
        JsonNode expanded = get("/api/v1/dispositions/groups/" + id + "?expand=true", key)
                .body()
                .get("data");

        assertThat(plain.has("dispositionDetails")).isFalse();
        assertThat(plain.get("dispositions").valueStream().map(JsonNode::asString))
                .containsExactly(busy, noAnswer);
        assertThat(expanded.get("dispositionDetails")
                        .valueStream()
                        .map(d -> d.get("name").asString()))
                .containsExactly("Busy", "No Answer");
        assertThat(expanded.at("/dispositionDetails/0").propertyNames())
                .containsExactly("id", "name", "description", "priority", "code", "category");
    }

    @Test
    void unknownForeignAndOddIdsAre404() {
        String key = newOrganization();
        String foreign = group(newOrganization(), "Call Back");
        String disposition = disposition(key, BUSY);

        for (String id : new String[] {foreign, "dsp_" + "0".repeat(32), disposition, "list2", "z".repeat(2000)}) {
            assertRefused(get("/api/v1/dispositions/groups/" + id, key), 404, "Disposition group not found");
        }
        assertValidation(
                get("/api/v1/dispositions/groups/" + foreign + "?expand=1", key), "expand must be true or false");
    }
}
