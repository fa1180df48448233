package io.agentcalls.voice;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcalls.support.ApiTest;
import io.agentcalls.support.CallingSetup;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Provider webhooks through the real server into the calls' status machine, signed exactly as each
 * provider signs them: Vapi's server secret header, Retell's {@code v=<ms>,d=<hmac>} signature.
 * Whatever fails verification answers 401 in the envelope and changes nothing.
 */
class ProviderWebhookApiTest extends ApiTest {

    static final String VAPI_SECRET = "vapi-server-secret-0123456789";
    static final String RETELL_KEY = "key_retell_webhook_0123456789";

    @Autowired
    WebhookReceiptPurge receiptPurge;

    private CallingSetup setup;
    private List<String> callIds;
    private String vapiConnection;
    private String retellConnection;

    @BeforeEach
    void callsAndConnections() {
        setup = CallingSetup.create(this);
        setup.upsert(setup.customers("WH", 4));
        Response initiated = setup.initiate(Map.of("limit", 4));
        assertThat(initiated.status()).as(initiated.raw()).isEqualTo(200);
        callIds = jdbc.sql("SELECT id FROM calls WHERE campaign_id = :c ORDER BY id")
                .param("c", setup.campaignId)
                .query(String.class)
                .list();
        assertThat(callIds).hasSize(4);
        vapiConnection = setup.created(
                "/api/v1/voice-connections",
                Map.of(
                        "provider",
                        "vapi",
                        "name",
                        "Vapi",
                        "apiKey",
                        "vapi-key-0123456789",
                        "webhookSecret",
                        VAPI_SECRET));
        retellConnection = setup.created(
                "/api/v1/voice-connections", Map.of("provider", "retell", "name", "Retell", "apiKey", RETELL_KEY));
        Response agent = patch(
                "/api/v1/agents/" + setup.agentId,
                setup.key,
                JSON.writeValueAsString(Map.of(
                        "voiceConnectionId",
                        vapiConnection,
                        "providerAgentId",
                        "asst_1",
                        "outcomeMapping",
                        Map.of(
                                "field", "outcome",
                                "codes", Map.of("promise_to_pay", "PTP", "refused", "RTP"),
                                "data", Map.of("ptp_date", "promised_date", "ptp_amount", "promised_amount")))));
        assertThat(agent.status()).as(agent.raw()).isEqualTo(200);
    }

    private Response vapi(String connection, String body, Map<String, String> headers) {
        HttpRequest.Builder request = request("/api/v1/providers/vapi/events/" + connection)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request.build());
    }

    private Response retell(String body, String signature) {
        HttpRequest.Builder request = request("/api/v1/providers/retell/events/" + retellConnection)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("X-Retell-Signature", signature);
        }
        return send(request.build());
    }

    /** As Retell's SDK signs: HMAC-SHA256 with the API key over the body followed by the timestamp. */
    static String retellSignature(String key, String body, long millis) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] digest = mac.doFinal((body + millis).getBytes(StandardCharsets.UTF_8));
        return "v=" + millis + ",d=" + HexFormat.of().formatHex(digest);
    }

    static String vapiStatus(String callId, String status, long timestamp) {
        return "{\"message\":{\"type\":\"status-update\",\"status\":\"" + status + "\",\"timestamp\":" + timestamp
                + ",\"call\":{\"id\":\"vapi-" + callId + "\",\"orgId\":\"o\",\"assistantOverrides\":{\"metadata\":"
                + "{\"agentcallsCallId\":\"" + callId + "\"}}}}}";
    }

    private JsonNode call(String callId) {
        return get("/api/v1/calls/" + callId, setup.key).body().path("data");
    }

    @Test
    void aVapiStatusUpdateWithTheServerSecretMovesTheCall() {
        Response answer = vapi(
                vapiConnection,
                vapiStatus(callIds.get(0), "ringing", 1_780_000_000_000L),
                Map.of("X-Vapi-Secret", VAPI_SECRET));

        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        assertThat(answer.body().at("/data/applied").asInt()).isEqualTo(1);
        assertThat(call(callIds.get(0)).path("status").asString()).isEqualTo("ringing");
    }

    @Test
    void vapiWithAWrongOrMissingSecretIs401AndChangesNothing() {
        String body = vapiStatus(callIds.get(0), "in-progress", 1_780_000_000_001L);
        String before = call(callIds.get(0)).path("status").asString();

        Response wrong = vapi(vapiConnection, body, Map.of("X-Vapi-Secret", VAPI_SECRET + "x"));
        Response missing = vapi(vapiConnection, body, Map.of());
        Response apiKeyInstead = vapi(vapiConnection, body, Map.of("Authorization", "Bearer " + setup.key));

        for (Response refused : List.of(wrong, missing, apiKeyInstead)) {
            assertThat(refused.status()).as(refused.raw()).isEqualTo(401);
            assertThat(refused.body().path("success").asBoolean()).isFalse();
            assertThat(refused.body().path("message").asString()).contains("X-Vapi-Secret");
        }
        assertThat(call(callIds.get(0)).path("status").asString()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM provider_webhook_receipts WHERE connection_id = :c")
                        .param("c", vapiConnection)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aReplayedVapiMessageIs401() {
        String body = vapiStatus(callIds.get(1), "ringing", 1_780_000_000_002L);
        Map<String, String> secret = Map.of("X-Vapi-Secret", VAPI_SECRET);

        assertThat(vapi(vapiConnection, body, secret).status()).isEqualTo(200);
        Response replayed = vapi(vapiConnection, body, secret);

        assertThat(replayed.status()).as(replayed.raw()).isEqualTo(401);
        assertThat(replayed.body().path("message").asString()).contains("replay");
    }

    @Test
    void anEndOfCallReportEndsTheCallAndMapsTheAnalysisToTheDisposition() {
        String callId = callIds.get(2);
        String report = "{\"message\":{\"type\":\"end-of-call-report\",\"timestamp\":1780000000100,"
                + "\"endedReason\":\"customer-ended-call\",\"startedAt\":\"2026-06-01T10:00:00Z\","
                + "\"endedAt\":\"2026-06-01T10:02:05Z\",\"artifact\":{\"transcript\":\"AI: Namaste\","
                + "\"recording\":{\"mono\":{\"combinedUrl\":\"https://storage.vapi.ai/r.wav\"}}},"
                + "\"analysis\":{\"summary\":\"Promised\",\"structuredData\":{\"outcome\":\"promise_to_pay\","
                + "\"promised_date\":\"2026-06-10\",\"promised_amount\":4500}},"
                + "\"call\":{\"id\":\"vapi-2\",\"startedAt\":\"2026-06-01T10:00:00Z\",\"assistantOverrides\":"
                + "{\"metadata\":{\"agentcallsCallId\":\"" + callId + "\"}}}}}";

        Response answer = vapi(vapiConnection, report, Map.of("X-Vapi-Secret", VAPI_SECRET));

        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        JsonNode call = call(callId);
        assertThat(call.path("status").asString()).isEqualTo("completed");
        assertThat(call.path("durationSeconds").asInt()).isEqualTo(125);
        assertThat(call.path("recordingUrl").asString()).isEqualTo("https://storage.vapi.ai/r.wav");
        assertThat(call.path("transcript").asString()).isEqualTo("AI: Namaste");
        assertThat(call.at("/disposition/code").asString()).isEqualTo("PTP");
        assertThat(call.at("/disposition/data/ptp_date").asString()).isEqualTo("2026-06-10");
        assertThat(call.at("/disposition/data/ptp_amount").asInt()).isEqualTo(4500);
    }

    @Test
    void retellSignedEventsMoveTheCallAndBadSignaturesAre401() throws Exception {
        String callId = callIds.get(3);
        String started = "{\"event\":\"call_started\",\"call\":{\"call_id\":\"r-3\",\"call_status\":\"ongoing\","
                + "\"start_timestamp\":1780000000000,\"metadata\":{\"agentcallsCallId\":\"" + callId + "\"}}}";
        long now = System.currentTimeMillis();

        Response wrongKey = retell(started, retellSignature("another-key", started, now));
        Response missing = retell(started, null);
        Response stale = retell(started, retellSignature(RETELL_KEY, started, now - 6 * 60_000));
        for (Response refused : List.of(wrongKey, missing, stale)) {
            assertThat(refused.status()).as(refused.raw()).isEqualTo(401);
            assertThat(refused.body().path("success").asBoolean()).isFalse();
        }
        assertThat(call(callId).path("status").asString()).isEqualTo("initiated");

        String signature = retellSignature(RETELL_KEY, started, now);
        Response accepted = retell(started, signature);
        assertThat(accepted.status()).as(accepted.raw()).isEqualTo(200);
        assertThat(call(callId).path("status").asString()).isEqualTo("in_progress");

        Response replayed = retell(started, signature);
        assertThat(replayed.status()).as(replayed.raw()).isEqualTo(401);

        String ended = "{\"event\":\"call_ended\",\"call\":{\"call_id\":\"r-3\",\"call_status\":\"ended\","
                + "\"start_timestamp\":1780000000000,\"end_timestamp\":1780000042000,\"duration_ms\":42000,"
                + "\"disconnection_reason\":\"dial_busy\",\"metadata\":{\"agentcallsCallId\":\"" + callId + "\"}}}";
        assertThat(retell(ended, retellSignature(RETELL_KEY, ended, System.currentTimeMillis()))
                        .status())
                .isEqualTo(200);
        assertThat(call(callId).path("status").asString()).isEqualTo("busy");
        assertThat(call(callId).path("durationSeconds").asInt()).isEqualTo(42);
    }

    @Test
    void unknownConnectionsProvidersAndMethodsAre404() {
        String body = vapiStatus(callIds.get(0), "ringing", 1_780_000_000_003L);
        Map<String, String> secret = Map.of("X-Vapi-Secret", VAPI_SECRET);

        assertThat(vapi("vcn_" + "0".repeat(32), body, secret).status()).isEqualTo(404);
        assertThat(vapi("nonsense", body, secret).status()).isEqualTo(404);
        assertThat(vapi(retellConnection, body, secret).status())
                .as("a Retell connection under vapi")
                .isEqualTo(404);
        Response unknownProvider = send(request("/api/v1/providers/nope/events/" + vapiConnection)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
        assertThat(unknownProvider.status()).isEqualTo(404);
        Response wrongMethod = get("/api/v1/providers/vapi/events/" + vapiConnection, null);
        assertThat(wrongMethod.status()).isEqualTo(404);
        assertThat(wrongMethod.body().path("success").asBoolean()).isFalse();
        assertThat(call(callIds.get(0)).path("status").asString()).isEqualTo("initiated");
    }

    @Test
    void anotherOrganizationsCallIsNotChangedThroughThisConnection() {
        CallingSetup other = CallingSetup.create(this);
        other.upsert(other.customers("OT", 1));
        assertThat(other.initiate(Map.of("limit", 1)).status()).isEqualTo(200);
        String foreignCall = jdbc.sql("SELECT id FROM calls WHERE campaign_id = :c")
                .param("c", other.campaignId)
                .query(String.class)
                .single();

        Response answer = vapi(
                vapiConnection,
                vapiStatus(foreignCall, "ringing", 1_780_000_000_004L),
                Map.of("X-Vapi-Secret", VAPI_SECRET));

        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        assertThat(answer.body().at("/data/applied").asInt()).isZero();
        assertThat(get("/api/v1/calls/" + foreignCall, other.key)
                        .body()
                        .at("/data/status")
                        .asString())
                .isEqualTo("initiated");
    }

    @Test
    void aBodyOverTheCapIsRefusedBeforeItIsRead() {
        String huge = "{\"message\":{\"type\":\"transcript\",\"transcript\":\"" + "x".repeat(11 * 1024 * 1024) + "\"}}";
        Response answer = vapi(vapiConnection, huge, Map.of("X-Vapi-Secret", VAPI_SECRET));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("success").asBoolean()).isFalse();
    }

    @Test
    void receiptsPastTheirRetentionArePurgedAndRecentOnesKept() {
        String org = jdbc.sql("SELECT organization_id FROM voice_connections WHERE id = :id")
                .param("id", vapiConnection)
                .query(String.class)
                .single();
        String insert =
                "INSERT INTO provider_webhook_receipts (organization_id, connection_id, replay_key, received_at)"
                        + " VALUES (:org, :c, :k, now() - CAST(:age AS interval))";
        jdbc.sql(insert)
                .param("org", org)
                .param("c", vapiConnection)
                .param("k", "old")
                .param("age", "31 days")
                .update();
        jdbc.sql(insert)
                .param("org", org)
                .param("c", vapiConnection)
                .param("k", "new")
                .param("age", "1 day")
                .update();

        while (receiptPurge.purgeBatch(1000) > 0) {
            // other tests' old receipts too, if any
        }

        assertThat(jdbc.sql("SELECT replay_key FROM provider_webhook_receipts WHERE connection_id = :c")
                        .param("c", vapiConnection)
                        .query(String.class)
                        .list())
                .containsExactly("new");
    }
}
