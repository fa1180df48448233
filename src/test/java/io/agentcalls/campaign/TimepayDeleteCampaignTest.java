package io.agentcalls.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Delete Campaign, DELETE /api/v1/campaigns/{id} (TIMEPAY-API.md §2.6). */
class TimepayDeleteCampaignTest extends TimepayCampaignFixtures {

    @Test
    void deletesWithTheDocumentedAnswer() {
        String key = newOrganization();
        String id = createExample(key);

        Response deleted = delete("/api/v1/campaigns/" + id, key);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body().at("/success").asBoolean()).isTrue();
        assertThat(deleted.body().at("/message").asString()).isEqualTo("Campaign deleted successfully");
        assertThat(deleted.body().at("/data/id").asString()).isEqualTo(id);
        assertThat(get("/api/v1/campaigns", key).body().at("/data").size())
                .as("a deleted campaign is no longer listed")
                .isZero();
        assertThat(campaign(key, id).at("/status").asString())
                .as("archived, not erased: its calls keep their campaign")
                .isEqualTo("archived");
    }

    @Test
    void theDocumentedRefusals() {
        String key = newOrganization();
        String theirKey = newOrganization();
        String foreign = createExample(theirKey);

        assertThat(delete("/api/v1/campaigns/" + foreign, key).raw())
                .isEqualTo("{\"success\":false,\"error\":\"Forbidden\","
                        + "\"message\":\"Access denied - Campaign belongs to another organization\"}");
        assertThat(delete("/api/v1/campaigns/camp_abc123", key).raw())
                .isEqualTo("{\"success\":false,\"error\":\"NotFound\",\"message\":\"Campaign not found\"}");
        assertThat(delete("/api/v1/campaigns/" + foreign, null).raw())
                .isEqualTo("{\"success\":false,\"error\":\"Unauthorized\","
                        + "\"message\":\"Missing or invalid authorization header\"}");
        assertThat(delete("/api/v1/campaigns/" + foreign, "ak_not_a_key").status())
                .isEqualTo(401);
        assertThat(campaign(theirKey, foreign).at("/status").asString()).isEqualTo("active");
    }
}
