package io.agentcalls.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Initiate Sms: {@code POST /api/v1/initiate/{campaignId}/sms}, not served yet. */
class TimepayInitiateSmsTest extends NotServedPagesTest {

    private static final String BODY = """
            {"templateId":"emi_reminder_hindi","limit":250,"filters":{"payment_status":["bounced","pending"]}}""";

    @Test
    void theDocumentedRequestIs501SayingWhy() {
        String key = newOrganization();

        assertNotServed(post("/api/v1/initiate/camp_abc123/sms", key, BODY));
        assertNotServed(send("POST", "/api/v1/initiate/camp_abc123/sms", key, null, null));
    }

    @Test
    void badBodiesAre4xxAndNothingWithoutAKey() {
        String key = newOrganization();

        assertBadRequest(post("/api/v1/initiate/camp_abc123/sms", key, "{\"templateId\":"));
        assertBadRequest(post("/api/v1/initiate/camp_abc123/sms", key, "{\"templateId\":\"a\\u0000\"}"));
        assertBadRequest(post("/api/v1/initiate/camp_abc123/sms", key, "{\"limit\":1e400}"));
        assertBadRequest(send("POST", "/api/v1/initiate/camp_abc123/sms", key, "text/plain", BODY));
        assertThat(post("/api/v1/initiate/camp_abc123/sms", null, BODY).status())
                .isEqualTo(401);
    }
}
