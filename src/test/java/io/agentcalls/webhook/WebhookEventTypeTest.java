package io.agentcalls.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentcalls.common.ApiException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookEventTypeTest {

    @Test
    void callStatusesMapToEvents() {
        assertThat(type("initiated")).isEqualTo("call.initiated");
        assertThat(type("ringing")).isEqualTo("call.ringing");
        assertThat(type("in_progress")).isEqualTo("call.answered");
        assertThat(type("completed")).isEqualTo("call.completed");
        assertThat(type("no_answer")).isEqualTo("call.no_answer");
        assertThat(type("busy")).isEqualTo("call.no_answer");
        assertThat(type("failed")).isEqualTo("call.failed");
        assertThat(type("failed_to_initiate")).isEqualTo("call.failed");
        assertThat(type("voicemail")).isEqualTo("call.voicemail");
    }

    @Test
    void queuedCancelledAndUnknownStatusesProduceNoEvent() {
        for (String status : Arrays.asList("queued", "cancelled", "teleported", null)) {
            assertThat(WebhookEventType.forCallStatus(status)).as(status).isEmpty();
        }
    }

    @Test
    void subscriptionsAreDeduplicatedAndUnknownNamesReportedByPosition() {
        assertThat(WebhookEventType.parseSubscription(List.of("call.failed", "call.completed", "call.failed")))
                .containsExactly("call.failed", "call.completed");
        assertThatThrownBy(() ->
                        WebhookEventType.parseSubscription(Arrays.asList("call.completed", "call.exploded", null)))
                .isInstanceOfSatisfying(
                        ApiException.class,
                        e -> assertThat(e.errors())
                                .hasSize(2)
                                .first()
                                .asString()
                                .startsWith("events[1] must be one of: call.initiated, "));
    }

    private static String type(String status) {
        return WebhookEventType.forCallStatus(status).orElseThrow().wireName();
    }
}
