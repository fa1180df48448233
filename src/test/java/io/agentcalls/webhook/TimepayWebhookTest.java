package io.agentcalls.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.agentcalls.call.CallService;
import io.agentcalls.call.CallStatus;
import io.agentcalls.call.RunnerEvent;
import io.agentcalls.support.CallingSetup;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The TimePay Agents API's webhook guide as an endpoint's format: {@code "format":"timepay"} gets
 * {@code Authorization: Bearer <secret>}, the events Contacted, No Contact and Failed, and the guide's
 * payload fields; standard endpoints beside it keep Standard Webhooks.
 */
class TimepayWebhookTest extends WebhookTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String SECRET = "YOUR_SECRET_TOKEN_0123456789";

    @Autowired
    CallService calls;

    @Test
    void createsATimepayEndpointWithEveryDocumentedEventAndTheChosenSecret() {
        String key = newOrganization();

        Response created =
                post("/api/v1/webhooks", key, json("url", urlOf(newPath()), "format", "timepay", "secret", SECRET));

        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        JsonNode data = created.body().get("data");
        assertThat(data.get("format").asString()).isEqualTo("timepay");
        assertThat(data.get("events").valueStream().map(JsonNode::asString))
                .containsExactly("Contacted", "No Contact", "Failed");
        assertThat(data.get("secret").asString()).isEqualTo(SECRET);
        assertThat(get("/api/v1/webhooks/" + data.get("id").asString(), key)
                        .body()
                        .at("/data")
                        .has("secret"))
                .isFalse();
        assertThat(jdbc.sql("SELECT secret FROM webhook_endpoints WHERE id = :id")
                        .param("id", data.get("id").asString())
                        .query(String.class)
                        .single())
                .as("encrypted at rest")
                .startsWith("enc:")
                .doesNotContain(SECRET);
        assertThat(createWebhook(key, urlOf(newPath()), "call.completed").id()).startsWith("whk_");
        assertThat(get("/api/v1/webhooks", key).body().at("/data/1/format").asString())
                .isEqualTo("standard");
    }

    @Test
    void anEndedCallIsDeliveredWithTheBearerSecretAndTheGuidesFields() {
        CallingSetup setup = CallingSetup.create(this);
        String timepay = newPath();
        String standard = newPath();
        receiver.stubFor(posted(timepay).willReturn(aResponse().withStatus(200)));
        receiver.stubFor(posted(standard).willReturn(aResponse().withStatus(200)));
        post("/api/v1/webhooks", setup.key, json("url", urlOf(timepay), "format", "timepay", "secret", SECRET));
        createWebhook(setup.key, urlOf(standard), "call.completed");
        List<String> ids = initiate(setup, 3);

        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        apply(RunnerEvent.status(ids.get(0), CallStatus.IN_PROGRESS, now.minusSeconds(45)));
        apply(new RunnerEvent(
                ids.get(0),
                CallStatus.COMPLETED,
                now,
                45,
                new RunnerEvent.Disposition("PTP", Map.of("ptp_date", "2025-11-05")),
                "https://runner.example/r.mp3",
                null));
        apply(new RunnerEvent(ids.get(1), CallStatus.NO_ANSWER, now, 0, null, null, null));
        apply(new RunnerEvent(ids.get(2), CallStatus.FAILED, now, 0, null, null, null));

        await().atMost(WAIT)
                .until(() -> received(timepay).size() == 3 && received(standard).size() == 1);
        LoggedRequest contacted = byCall(timepay, ids.get(0));
        assertThat(contacted.getHeader("Authorization")).isEqualTo("Bearer " + SECRET);
        assertThat(contacted.containsHeader("webhook-signature")).isFalse();
        assertThat(contacted.getHeader("webhook-id")).startsWith("msg_");
        JsonNode body = JSON.readTree(contacted.getBodyAsString());
        assertThat(body.propertyNames())
                .startsWith(
                        "event_type",
                        "call_id",
                        "agent_id",
                        "campaign_name",
                        "loan_id",
                        "name",
                        "phone",
                        "language",
                        "from_phone",
                        "status",
                        "direction",
                        "duration",
                        "disposition",
                        "summary",
                        "start_time",
                        "end_time",
                        "recording_id",
                        "extracted_data",
                        "additional_data");
        assertThat(body.get("event_type").asString()).isEqualTo("call");
        assertThat(body.get("status").asString()).isEqualTo("Contacted");
        assertThat(body.get("agent_id").asString()).isEqualTo(setup.agentId);
        assertThat(body.get("campaign_name").asString()).isEqualTo("Nov EMI");
        assertThat(body.get("loan_id").asString()).isEqualTo("TPW-00001");
        assertThat(body.get("name").asString()).isEqualTo("Customer TPW-00001");
        assertThat(body.get("phone").asString()).startsWith("+91");
        assertThat(body.get("language").asString()).isEqualTo("hindi");
        assertThat(body.get("from_phone").asString()).isEqualTo("+918045550100");
        assertThat(body.get("direction").asString()).isEqualTo("outbound");
        assertThat(body.get("duration").asInt()).isEqualTo(45);
        assertThat(body.get("disposition").asString()).isEqualTo("Promise to pay");
        assertThat(body.get("recording_id").asString()).startsWith("rec_");
        assertThat(body.at("/extracted_data/ptp_date").asString()).isEqualTo("2025-11-05");
        assertThat(body.get("additional_data").isObject()).isTrue();
        assertThat(JSON.readTree(byCall(timepay, ids.get(1)).getBodyAsString())
                        .get("status")
                        .asString())
                .isEqualTo("No Contact");
        assertThat(JSON.readTree(byCall(timepay, ids.get(2)).getBodyAsString())
                        .get("status")
                        .asString())
                .isEqualTo("Failed");
        LoggedRequest ours = received(standard).get(0);
        assertThat(ours.getHeader("webhook-signature")).startsWith("v1,");
        assertThat(JSON.readTree(ours.getBodyAsString()).at("/type").asString()).isEqualTo("call.completed");
    }

    @Test
    void aLeadCampaignsCallIsDeliveredWithLeadId() {
        CallingSetup setup = CallingSetup.create(this);
        Response typed = patch("/api/v1/campaigns/" + setup.campaignId, setup.key, "{\"campaignType\":\"lead\"}");
        assertThat(typed.status()).as(typed.raw()).isEqualTo(200);
        String timepay = newPath();
        receiver.stubFor(posted(timepay).willReturn(aResponse().withStatus(200)));
        post("/api/v1/webhooks", setup.key, json("url", urlOf(timepay), "format", "timepay", "secret", SECRET));
        String call = initiate(setup, 1).get(0);

        apply(new RunnerEvent(call, CallStatus.NO_ANSWER, OffsetDateTime.now(ZoneOffset.UTC), 0, null, null, null));

        await().atMost(WAIT).until(() -> received(timepay).size() == 1);
        JsonNode body = JSON.readTree(byCall(timepay, call).getBodyAsString());
        assertThat(body.propertyNames())
                .startsWith("event_type", "call_id", "agent_id", "campaign_name", "lead_id", "name")
                .doesNotContain("loan_id");
        assertThat(body.get("lead_id").asString()).isEqualTo("TPW-00001");
        assertThat(body.get("status").asString()).isEqualTo("No Contact");
    }

    @Test
    void onlyTheSubscribedDocumentedEventsAndOnlyWhenACallIsOver() {
        CallingSetup setup = CallingSetup.create(this);
        String path = newPath();
        receiver.stubFor(posted(path).willReturn(aResponse().withStatus(200)));
        Response created = post(
                "/api/v1/webhooks",
                setup.key,
                json("url", urlOf(path), "format", "timepay", "events", List.of("Failed")));
        assertThat(created.body().at("/data/secret").asString()).startsWith("whsec_");
        List<String> ids = initiate(setup, 3);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);

        apply(RunnerEvent.status(ids.get(0), CallStatus.RINGING, now));
        apply(new RunnerEvent(ids.get(1), CallStatus.NO_ANSWER, now, 0, null, null, null));
        apply(new RunnerEvent(ids.get(2), CallStatus.FAILED, now, 0, null, null, null));

        await().atMost(WAIT).until(() -> received(path).size() == 1);
        assertThat(JSON.readTree(received(path).get(0).getBodyAsString())
                        .get("call_id")
                        .asString())
                .isEqualTo(ids.get(2));
    }

    @Test
    void badFormatsEventsAndSecretsAre400() {
        String key = newOrganization();
        String url = urlOf(newPath());

        assertErrors(
                post("/api/v1/webhooks", key, json("url", url, "format", "xml", "events", List.of("call.failed"))),
                "format must be standard or timepay");
        assertErrors(
                post("/api/v1/webhooks", key, json("url", url, "format", "timepay", "events", List.of("call.failed"))),
                "events[0] must be one of: Contacted, No Contact, Failed");
        assertErrors(
                post("/api/v1/webhooks", key, json("url", url, "events", List.of("Contacted"))),
                "events[0] must be one of: " + WebhookEventType.KNOWN);
        assertErrors(post("/api/v1/webhooks", key, json("url", url)), "events must not be null");
        assertErrors(
                post("/api/v1/webhooks", key, json("url", url, "events", List.of("call.failed"), "secret", SECRET)),
                "secret can be chosen only with format timepay; standard endpoints get a signing secret");
        for (String secret : new String[] {"short", "has a space in it 1234", "x".repeat(257)}) {
            assertErrors(
                    post("/api/v1/webhooks", key, json("url", url, "format", "timepay", "secret", secret)),
                    "secret must be 16 to 256 printable ASCII characters without spaces");
        }
        assertErrors(
                post("/api/v1/webhooks", key, "{\"url\":\"" + url + "\",\"format\":1}"),
                "format has the wrong type or format");
        assertThat(get("/api/v1/webhooks", key).body().at("/data").size()).isZero();

        String id = post("/api/v1/webhooks", key, json("url", url, "format", "timepay"))
                .body()
                .at("/data/id")
                .asString();
        assertThat(patch("/api/v1/webhooks/" + id, key, "{\"events\":[\"No Contact\"]}")
                        .body()
                        .at("/data/events/0")
                        .asString())
                .isEqualTo("No Contact");
        assertErrors(
                patch("/api/v1/webhooks/" + id, key, "{\"events\":[\"call.failed\"]}"),
                "events[0] must be one of: Contacted, No Contact, Failed");
    }

    private List<String> initiate(CallingSetup setup, int n) {
        setup.upsert(setup.customers("TPW", n));
        Response initiated = setup.initiate();
        assertThat(initiated.status()).as(initiated.raw()).isEqualTo(200);
        return get("/api/v1/calls?campaignId=" + setup.campaignId, setup.key)
                .body()
                .get("data")
                .valueStream()
                .sorted(java.util.Comparator.comparing(c -> c.get("customerId").asString()))
                .map(c -> c.get("id").asString())
                .toList();
    }

    private void apply(RunnerEvent event) {
        assertThat(calls.applyRunnerEvents(List.of(event)).rejected()).isEmpty();
    }

    private static LoggedRequest byCall(String path, String callId) {
        return received(path).stream()
                .filter(r -> r.getBodyAsString().contains(callId))
                .findFirst()
                .orElseThrow();
    }

    private static void assertErrors(Response response, String... errors) {
        assertThat(response.status()).as(response.raw()).isEqualTo(400);
        assertThat(response.body().at("/message").asString()).isEqualTo("Validation failed");
        assertThat(response.body().at("/errors").valueStream().map(JsonNode::asString))
                .containsExactly(errors);
    }
}
