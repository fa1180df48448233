package io.agentcalls.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Update Campaign, PUT /api/v1/campaigns/update/{id} (TIMEPAY-API.md §2.4). */
class TimepayUpdateCampaignTest extends TimepayCampaignFixtures {

    @Test
    void theDocumentedExampleAnswersTheUpdatedFields() {
        String key = newOrganization();
        String id = createExample(key);

        Response updated = put(
                "/api/v1/campaigns/update/" + id,
                key,
                "{\"name\":\"Debt Collection Q1 (revised)\",\"tags\":[\"priority\",\"revised\"],"
                        + "\"endDate\":\"2025-04-30\",\"endTime\":\"19:30\",\"languages\":[\"tamil\"]}");

        assertThat(updated.status()).as(updated.raw()).isEqualTo(200);
        assertThat(updated.body().at("/success").asBoolean()).isTrue();
        assertThat(updated.body().at("/message").asString()).isEqualTo("Campaign updated successfully");
        assertThat(updated.body().at("/updatedFields").toString())
                .isEqualTo("[\"name\",\"tags\",\"endDate\",\"endTime\",\"languages\"]");
        JsonNode campaign = campaign(key, id);
        assertThat(campaign.at("/name").asString()).isEqualTo("Debt Collection Q1 (revised)");
        assertThat(campaign.at("/tags").toString()).isEqualTo("[\"priority\",\"revised\"]");
        assertThat(campaign.at("/endDate").asString()).isEqualTo("2025-04-30");
        assertThat(campaign.at("/endTime").asString()).isEqualTo("19:30");
        assertThat(campaign.at("/startTime").asString()).isEqualTo("09:00");
        assertThat(campaign.at("/languages").toString()).isEqualTo("[\"tamil\"]");
        assertThat(campaign.at("/region").asString()).as("untouched").isEqualTo("north");
        assertThat(updated.body().at("/data")).isEqualTo(campaign);
    }

    @Test
    void aBodyWithoutFieldsIsRefused() {
        String key = newOrganization();
        String id = createExample(key);
        assertRefused(put("/api/v1/campaigns/update/" + id, key, "{}"), 400, "No valid fields provided for update");
    }

    @Test
    void wrongValuesChangeNothing() {
        String key = newOrganization();
        String id = createExample(key);
        JsonNode before = campaign(key, id);
        for (String body : new String[] {
            "{\"name\":",
            "{\"name\":null}",
            "{\"name\":42}",
            "{\"campaignType\":\"loan\"}",
            "{\"startDate\":\"2025-04-01\"}",
            "{\"startTime\":\"18:00\"}",
            "{\"region\":[\"north\"]}",
            "{\"tags\":[\"ok\",\"\\u0000\"]}",
            "{\"languages\":[" + "\"hindi\",".repeat(20_000) + "\"hindi\"]}",
            "{\"maxAttemptsPerDay\":1e400}",
            "{\"status\":\"archived\"}",
            "{\"jsonData\":[]}",
            "[]"
        }) {
            assertInvalid(put("/api/v1/campaigns/update/" + id, key, body));
        }
        assertThat(campaign(key, id)).isEqualTo(before);
    }

    @Test
    void unknownAndForeignCampaignsAreNotFound() {
        String key = newOrganization();
        String theirKey = newOrganization();
        String foreign = createExample(theirKey);
        for (String id : new String[] {foreign, "cmp_00000000000000000000000000000000"}) {
            assertRefused(
                    put("/api/v1/campaigns/update/" + id, key, "{\"name\":\"mine now\"}"), 404, "Campaign not found");
        }
        assertThat(campaign(theirKey, foreign).at("/name").asString()).isEqualTo("Debt Collection Q1");
    }

    private Response put(String path, String key, String body) {
        return send("PUT", path, key, "application/json", body);
    }
}
