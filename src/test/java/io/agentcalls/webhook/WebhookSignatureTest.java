package io.agentcalls.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    /** The Standard Webhooks reference vector: what any receiver library checks against. */
    @Test
    void reproducesTheStandardWebhooksTestVector() {
        String signature = WebhookSignature.sign(
                "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330L,
                "{\"test\": 2432232314}");

        assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void headerCarriesOneSignaturePerSecretSpaceSeparated() {
        String current = WebhookSignature.newSecret();
        String previous = WebhookSignature.newSecret();

        String header = WebhookSignature.header(List.of(current, previous), "msg_1", 1700000000L, "{}");

        assertThat(header.split(" "))
                .containsExactly(
                        WebhookSignature.sign(current, "msg_1", 1700000000L, "{}"),
                        WebhookSignature.sign(previous, "msg_1", 1700000000L, "{}"));
    }

    @Test
    void newSecretsAreWhsecAndAtLeast24RandomBytes() {
        String secret = WebhookSignature.newSecret();

        assertThat(secret).startsWith("whsec_").doesNotContain("=");
        assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSizeGreaterThanOrEqualTo(24);
        assertThat(WebhookSignature.newSecret()).isNotEqualTo(secret);
    }

    @Test
    void signatureCoversIdTimestampAndBody() {
        String secret = WebhookSignature.newSecret();
        String base = WebhookSignature.sign(secret, "msg_1", 1L, "{}");

        assertThat(WebhookSignature.sign(secret, "msg_2", 1L, "{}")).isNotEqualTo(base);
        assertThat(WebhookSignature.sign(secret, "msg_1", 2L, "{}")).isNotEqualTo(base);
        assertThat(WebhookSignature.sign(secret, "msg_1", 1L, "{ }")).isNotEqualTo(base);
    }
}
