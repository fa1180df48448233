package io.agentcalls.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Pause Campaign, PATCH /api/v1/campaigns/pause/{id} (TIMEPAY-API.md §2.5). */
class TimepayPauseCampaignTest extends TimepayCampaignFixtures {

    @Test
    void pausesWithTheDocumentedAnswerAndKeepsTheFirstPauseTime() {
        String key = newOrganization();
        String id = createExample(key);

        Response paused = patch("/api/v1/campaigns/pause/" + id, key, null);

        assertThat(paused.status()).as(paused.raw()).isEqualTo(200);
        assertThat(paused.body().at("/success").asBoolean()).isTrue();
        assertThat(paused.body().at("/message").asString()).isEqualTo("Campaign paused successfully");
        assertThat(paused.body().at("/data/id").asString()).isEqualTo(id);
        assertThat(paused.body().at("/data/status").asString()).isEqualTo("paused");
        String pausedAt = paused.body().at("/data/pausedAt").asString();
        assertThat(pausedAt).isNotBlank();
        assertThat(patch("/api/v1/campaigns/pause/" + id, key, null)
                        .body()
                        .at("/data/pausedAt")
                        .asString())
                .isEqualTo(pausedAt);
        assertThat(campaign(key, id).at("/status").asString()).isEqualTo("paused");
    }

    @Test
    void settingTheStatusBackToActiveResumes() {
        String key = newOrganization();
        String id = createExample(key);
        patch("/api/v1/campaigns/pause/" + id, key, null);

        Response resumed =
                send("PUT", "/api/v1/campaigns/update/" + id, key, "application/json", "{\"status\":\"active\"}");

        assertThat(resumed.status()).as(resumed.raw()).isEqualTo(200);
        assertThat(resumed.body().at("/data/status").asString()).isEqualTo("active");
        assertThat(resumed.body().at("/data/pausedAt").isNull()).isTrue();
    }

    @Test
    void aDeletedUnknownOrForeignCampaignIsNotPaused() {
        String key = newOrganization();
        String deleted = createExample(key);
        delete("/api/v1/campaigns/" + deleted, key);
        assertRefused(patch("/api/v1/campaigns/pause/" + deleted, key, null), 400, "Campaign is archived");
        String theirKey = newOrganization();
        String foreign = createExample(theirKey);
        assertRefused(patch("/api/v1/campaigns/pause/" + foreign, key, null), 404, "Campaign not found");
        assertRefused(patch("/api/v1/campaigns/pause/camp_abc123", key, null), 404, "Campaign not found");
        assertThat(campaign(theirKey, foreign).at("/status").asString()).isEqualTo("active");
        assertThat(send("PATCH", "/api/v1/campaigns/pause/" + foreign, key, "application/json", "{\"x\":\u0000}")
                        .status())
                .isBetween(400, 404);
    }
}
