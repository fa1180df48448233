package io.agentcalls.disposition;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Delete Disposition: {@code DELETE /api/v1/dispositions/{id}}; not while a group holds it. */
class TimepayDeleteDispositionTest extends DispositionPagesTest {

    @Test
    void deletesAndThenItIsGone() {
        String key = newOrganization();
        String id = disposition(key, BUSY);

        Response deleted = delete("/api/v1/dispositions/" + id, key);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.raw()).isEqualTo("{\"success\":true,\"message\":\"Disposition deleted successfully\"}");
        assertThat(get("/api/v1/dispositions/" + id, key).status()).isEqualTo(404);
        assertThat(delete("/api/v1/dispositions/" + id, key).raw())
                .isEqualTo("{\"success\":false,\"error\":\"NotFound\",\"message\":\"Disposition not found\"}");
        assertThat(post("/api/v1/dispositions", key, BUSY).status())
                .as("its name is free again")
                .isEqualTo(201);
    }

    @Test
    void aDispositionInAGroupCannotBeDeleted() {
        String key = newOrganization();
        String id = disposition(key, NO_ANSWER);
        String followUp = group(key, "Follow Up", id);
        group(key, "Call Back", id);

        Response refused = delete("/api/v1/dispositions/" + id, key);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.raw())
                .isEqualTo(
                        "{\"success\":false,\"error\":\"BadRequest\",\"message\":\"Cannot delete: Disposition is used in group(s): "
                                + "Call Back, Follow Up\"}");
        delete("/api/v1/dispositions/groups/" + followUp, key);
        assertThat(delete("/api/v1/dispositions/" + id, key).raw())
                .contains("Call Back")
                .doesNotContain("Follow Up");
    }

    @Test
    void removedFromItsGroupsItCanBeDeleted() {
        String key = newOrganization();
        String id = disposition(key, NO_ANSWER);
        String group = group(key, "Call Back", id);

        deleteWithBody(
                "/api/v1/dispositions/groups/" + group + "/dispositions",
                key,
                json("dispositions", java.util.List.of(id)));

        assertThat(delete("/api/v1/dispositions/" + id, key).status()).isEqualTo(200);
    }

    @Test
    void anotherOrganizationsDispositionIsAccessDenied() {
        String owner = newOrganization();
        String id = disposition(owner, BUSY);

        Response refused = delete("/api/v1/dispositions/" + id, newOrganization());

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.raw())
                .isEqualTo("{\"success\":false,\"error\":\"Forbidden\",\"message\":\"Access denied\"}");
        assertThat(get("/api/v1/dispositions/" + id, owner).status()).isEqualTo(200);
    }

    @Test
    void oddIdsAre404() {
        String key = newOrganization();
        for (String id : new String[] {"x", "dis_" + "f".repeat(32), "dsp_" + "0".repeat(32), "b".repeat(2000)}) {
            assertRefused(delete("/api/v1/dispositions/" + id, key), 404, "Disposition not found");
        }
    }
}
