package io.agentcalls.disposition;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Get Disposition: {@code GET /api/v1/dispositions/{id}}. */
class TimepayGetDispositionTest extends DispositionPagesTest {

    @Test
    void answersTheDispositionAsData() {
        String key = newOrganization();
        String id = disposition(key, NO_ANSWER);

        Response fetched = get("/api/v1/dispositions/" + id, key);

        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.body().propertyNames()).containsExactly("success", "data");
        assertThat(fetched.body().at("/data/id").asString()).isEqualTo(id);
        assertThat(fetched.body().at("/data/name").asString()).isEqualTo("No Answer");
        assertThat(fetched.body().at("/data/priority").asInt()).isEqualTo(100);
    }

    @Test
    void unknownOddAndForeignIdsAre404() {
        String key = newOrganization();
        String foreign = disposition(newOrganization(), BUSY);
        String group = group(key, "Call Back");

        for (String id :
                new String[] {foreign, "dis_" + "0".repeat(32), group, "x", "dis_%2e%2e", "a".repeat(3000), "%E2%82%AC"
                }) {
            Response missing = get("/api/v1/dispositions/" + id, key);
            assertThat(missing.status()).as(id).isIn(400, 404);
            assertThat(missing.body().at("/success").asBoolean()).isFalse();
        }
        assertThat(get("/api/v1/dispositions/" + foreign, key).raw())
                .isEqualTo("{\"success\":false,\"error\":\"NotFound\",\"message\":\"Disposition not found\"}");
    }
}
