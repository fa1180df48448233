package io.agentcalls.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Retell's signature as its SDK computes it: the SDK's own test vector (tests/test_webhook_auth.py of
 * retell-python-sdk 5.60.0: key, body, timestamp and digest) must verify here.
 */
class RetellSignatureTest {

    static final String SDK_KEY = "test-api-key";
    static final String SDK_BODY = "{\"event\":\"call_ended\"}";
    static final long SDK_TIMESTAMP = 1_700_000_000_000L;
    static final String SDK_DIGEST = "07024cabe7dd8f6d1c6e4a8324ca92c812e6ad4a7ee506c04f7e462e3321823e";

    private final ProviderConnection connection =
            new ProviderConnection("vcn_1", "org_1", "retell", URI.create("http://x"), SDK_KEY, null, 1, null);

    private RetellWebhooks at(long millis) {
        return new RetellWebhooks(
                JsonMapper.builder().build(), Clock.fixed(Instant.ofEpochMilli(millis), ZoneOffset.UTC));
    }

    private static ProviderWebhook webhook(String body, String signature) {
        return new ProviderWebhook(
                signature == null ? Map.of() : Map.of("x-retell-signature", signature),
                body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void ourHmacIsTheSdksDigest() {
        String signed = SDK_BODY + SDK_TIMESTAMP;
        assertThat(Signatures.hmacSha256Hex(SDK_KEY, signed.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(SDK_DIGEST);
    }

    @Test
    void theSdksSignatureVerifiesWithinTheWindow() {
        String signature = "v=" + SDK_TIMESTAMP + ",d=" + SDK_DIGEST;
        // a call_ended without our metadata: verified, then nothing to apply
        assertThat(at(SDK_TIMESTAMP + 299_000)
                        .receive(connection, webhook(SDK_BODY, signature))
                        .events())
                .isEmpty();
    }

    @Test
    void outsideTheFiveMinuteWindowIsAReplay() {
        String signature = "v=" + SDK_TIMESTAMP + ",d=" + SDK_DIGEST;
        assertThatThrownBy(() -> at(SDK_TIMESTAMP + 301_000).receive(connection, webhook(SDK_BODY, signature)))
                .isInstanceOf(WebhookRejected.class)
                .hasMessageContaining("window");
        assertThatThrownBy(() -> at(SDK_TIMESTAMP - 301_000).receive(connection, webhook(SDK_BODY, signature)))
                .isInstanceOf(WebhookRejected.class);
    }

    @Test
    void aTamperedBodyAWrongKeyAndMalformedSignaturesAreRejected() {
        RetellWebhooks webhooks = at(SDK_TIMESTAMP);
        String good = "v=" + SDK_TIMESTAMP + ",d=" + SDK_DIGEST;
        assertThatThrownBy(() -> webhooks.receive(connection, webhook(SDK_BODY + " ", good)))
                .isInstanceOf(WebhookRejected.class);
        ProviderConnection otherKey =
                new ProviderConnection("vcn_1", "org_1", "retell", URI.create("http://x"), "wrong", null, 1, null);
        assertThatThrownBy(() -> webhooks.receive(otherKey, webhook(SDK_BODY, good)))
                .isInstanceOf(WebhookRejected.class);
        for (String malformed : new String[] {
            "",
            "v=" + SDK_TIMESTAMP,
            "d=" + SDK_DIGEST + ",v=" + SDK_TIMESTAMP,
            "prefix-" + good,
            good + "-suffix",
            "v=" + SDK_TIMESTAMP + ",d=not-hex",
            "v=-" + SDK_TIMESTAMP + ",d=" + SDK_DIGEST
        }) {
            assertThatThrownBy(() -> webhooks.receive(connection, webhook(SDK_BODY, malformed)))
                    .as(malformed)
                    .isInstanceOf(WebhookRejected.class);
        }
        assertThatThrownBy(() -> webhooks.receive(connection, webhook(SDK_BODY, null)))
                .isInstanceOf(WebhookRejected.class)
                .hasMessageContaining("Missing");
    }
}
