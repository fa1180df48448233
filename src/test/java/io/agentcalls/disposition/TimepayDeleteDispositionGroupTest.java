package io.agentcalls.disposition;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Delete Disposition Group: {@code DELETE /api/v1/dispositions/groups/{id}}; its dispositions stay. */
class TimepayDeleteDispositionGroupTest extends DispositionPagesTest {

    @Test
    void deletesTheGroupButNotItsDispositions() {
        String key = newOrganization();
        String busy = disposition(key, BUSY);
        String id = group(key, "Call Back", busy);

        Response deleted = delete("/api/v1/dispositions/groups/" + id, key);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.raw())
                .isEqualTo("{\"success\":true,\"message\":\"Disposition group deleted successfully\"}");
        assertRefused(get("/api/v1/dispositions/groups/" + id, key), 404, "Disposition group not found");
        assertThat(get("/api/v1/dispositions/" + busy, key).status()).isEqualTo(200);
        assertThat(post("/api/v1/dispositions/groups/create", key, "{\"name\":\"Call Back\"}")
                        .status())
                .as("its name is free again")
                .isEqualTo(201);
    }

    @Test
    void unknownForeignAndOddIdsAre404() {
        String key = newOrganization();
        String foreign = group(newOrganization(), "Call Back");

        for (String id : new String[] {foreign, "dsp_" + "0".repeat(32), "create", "q".repeat(2000)}) {
            assertRefused(delete("/api/v1/dispositions/groups/" + id, key), 404, "Disposition group not found");
        }
    }
}
