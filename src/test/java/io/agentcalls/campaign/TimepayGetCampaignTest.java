package io.agentcalls.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Get Campaign, GET /api/v1/campaigns/{id} (TIMEPAY-API.md §2.3). */
class TimepayGetCampaignTest extends TimepayCampaignFixtures {

    @Test
    void answersTheDocumentedObjectWithOursAfterIt() {
        String key = newOrganization();
        String id = createExample(key);

        Response read = get("/api/v1/campaigns/" + id, key);

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().at("/success").asBoolean()).isTrue();
        JsonNode data = read.body().at("/data");
        for (String field : DOCUMENTED_FIELDS) {
            assertThat(data.has(field)).as(field).isTrue();
        }
        assertThat(data.at("/id").asString()).isEqualTo(id);
        assertThat(data.at("/status").asString()).isEqualTo("active");
        assertThat(data.at("/type").asString()).as("the .md page's type").isEqualTo("debt_collection");
        assertThat(data.at("/timezone").asString())
                .as("ours, after the documented fields")
                .isEqualTo("Asia/Kolkata");
        assertThat(data.at("/maxAttemptsPerDay").asInt()).isEqualTo(3);
    }

    @Test
    void aLeadCampaignIsLeadGeneration() {
        String key = newOrganization();
        String id = createDocumented(key, CREATE_EXAMPLE.replace("\"emi\"", "\"lead\""));
        assertThat(campaign(key, id).at("/type").asString()).isEqualTo("lead_generation");
    }

    @Test
    void unknownMalformedAndForeignIdsAreNotFound() {
        String key = newOrganization();
        String foreign = createExample(newOrganization());
        for (String id : new String[] {"cmp_00000000000000000000000000000000", "camp_abc123", foreign, "%E2%82%AC"}) {
            Response response = get("/api/v1/campaigns/" + id, key);
            assertThat(response.raw())
                    .as(id)
                    .isEqualTo("{\"success\":false,\"error\":\"NotFound\",\"message\":\"Campaign not found\"}");
        }
        assertThat(get("/api/v1/campaigns/" + foreign, null).raw())
                .isEqualTo("{\"success\":false,\"error\":\"Unauthorized\","
                        + "\"message\":\"Missing or invalid authorization header\"}");
    }
}
