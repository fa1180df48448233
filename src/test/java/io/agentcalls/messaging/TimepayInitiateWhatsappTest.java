package io.agentcalls.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Initiate Whatsapp: {@code POST /api/v1/initiate/{campaignId}/whatsapp}, not served yet. */
class TimepayInitiateWhatsappTest extends NotServedPagesTest {

    private static final String BODY = """
            {"templateId":"emi_reminder_hindi","conversationSettings":{"agentId":"agent_abc123","dispositionId":"disp_xyz789"},"limit":250}""";

    @Test
    void theDocumentedRequestIs501SayingWhy() {
        String key = newOrganization();

        assertNotServed(post("/api/v1/initiate/camp_abc123/whatsapp", key, BODY));
        assertNotServed(send("POST", "/api/v1/initiate/camp_abc123/whatsapp", key, null, null));
    }

    @Test
    void badBodiesAre4xxAndNothingWithoutAKey() {
        String key = newOrganization();

        assertBadRequest(post("/api/v1/initiate/camp_abc123/whatsapp", key, "{\"templateId\":"));
        assertBadRequest(post("/api/v1/initiate/camp_abc123/whatsapp", key, "{\"templateId\":\"a\\u0000\"}"));
        assertBadRequest(post("/api/v1/initiate/camp_abc123/whatsapp", key, "{\"limit\":1e400}"));
        assertBadRequest(send("POST", "/api/v1/initiate/camp_abc123/whatsapp", key, "text/plain", BODY));
        assertThat(post("/api/v1/initiate/camp_abc123/whatsapp", null, BODY).status())
                .isEqualTo(401);
    }
}
