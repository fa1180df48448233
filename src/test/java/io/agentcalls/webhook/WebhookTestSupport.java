package io.agentcalls.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.agentcalls.call.CallStatusChanged;
import io.agentcalls.support.ApiTest;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A webhook receiver (WireMock on a random port) and event publishing exactly as the call and
 * initiation features do it: {@code publishEvent} inside the transaction that changes the call.
 */
abstract class WebhookTestSupport extends ApiTest {

    static WireMockServer receiver;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    PlatformTransactionManager transactionManager;

    @BeforeAll
    static void startReceiver() {
        receiver = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        receiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop();
    }

    /** A fresh path on the receiver, so tests never see each other's requests. */
    static String newPath() {
        return "/hooks/" + UUID.randomUUID();
    }

    static String urlOf(String path) {
        return "http://localhost:" + receiver.port() + path;
    }

    /** A stub for POSTs to the path (named apart from {@code ApiTest.post}, which calls our API). */
    static MappingBuilder posted(String path) {
        return WireMock.post(urlEqualTo(path));
    }

    static List<LoggedRequest> received(String path) {
        return receiver.findAll(postRequestedFor(urlEqualTo(path)));
    }

    /** The organization id is part of the API key: {@code ak_<org hex>_<secret>}. */
    static String organizationOf(String apiKey) {
        return "org_" + apiKey.substring(3, 35);
    }

    record Created(String id, String secret) {}

    Created createWebhook(String apiKey, String url, String... events) {
        Response created = post("/api/v1/webhooks", apiKey, json("url", url, "events", List.of(events)));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return new Created(
                created.body().at("/data/id").asString(),
                created.body().at("/data/secret").asString());
    }

    void inTransaction(Consumer<TransactionStatus> work) {
        new TransactionTemplate(transactionManager).executeWithoutResult(work);
    }

    void publishCommitted(Object event) {
        inTransaction(tx -> publisher.publishEvent(event));
    }

    static CallStatusChanged callStatus(String organizationId, String callId, String status) {
        return new CallStatusChanged(
                organizationId,
                callId,
                status,
                OffsetDateTime.now(),
                Map.of("id", callId, "status", status, "campaignId", "cmp_test", "durationSeconds", 74));
    }

    Response deliveries(String apiKey, String webhookId) {
        return get("/api/v1/webhooks/" + webhookId + "/deliveries", apiKey);
    }

    /**
     * The receiver's check, written apart from the production signer: HMAC-SHA256 keyed with the
     * base64-decoded secret over {@code id.timestamp.body}, as the Standard Webhooks spec says.
     */
    static String expectedSignature(String secret, String id, String timestamp, String body) {
        try {
            byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] signed = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(signed);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether any signature in the header verifies with the secret (rotation sends several). */
    static boolean verifies(LoggedRequest request, String secret) {
        String expected = expectedSignature(
                secret,
                request.getHeader("webhook-id"),
                request.getHeader("webhook-timestamp"),
                request.getBodyAsString());
        return List.of(request.getHeader("webhook-signature").split(" ")).contains(expected);
    }
}
