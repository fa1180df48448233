package io.agentcalls.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The time an outcome asks to be called back, read from the runner's free-form outcome data. */
class CallBacksTest {

    @Test
    void anIsoTimeWithAnOffsetIsThatInstantInUtc() {
        assertThat(CallBacks.callbackAt(Map.of("callback_at", "2026-12-04T10:30:00+05:30")))
                .isEqualTo(OffsetDateTime.parse("2026-12-04T05:00:00Z"));
        assertThat(CallBacks.callbackAt(Map.of("callback_at", "2026-12-04T05:00:00.1234567Z")))
                .as("kept to the microsecond, as PostgreSQL stores it")
                .isEqualTo(OffsetDateTime.parse("2026-12-04T05:00:00.123456Z"));
    }

    @Test
    void aTimeWithoutAnOffsetIsUtc() {
        assertThat(CallBacks.callbackAt(Map.of("callback_at", "2026-12-04T10:30")))
                .isEqualTo(OffsetDateTime.parse("2026-12-04T10:30:00Z"));
    }

    @Test
    void anythingElseIsNoTime() {
        Map<String, Object> withNull = new HashMap<>();
        withNull.put("callback_at", null);
        assertThat(CallBacks.callbackAt(null)).isNull();
        assertThat(CallBacks.callbackAt(Map.of())).isNull();
        assertThat(CallBacks.callbackAt(withNull)).isNull();
        assertThat(CallBacks.callbackAt(Map.of("callback_at", 1_733_300_000))).isNull();
        assertThat(CallBacks.callbackAt(Map.of("callback_at", "tomorrow at ten")))
                .isNull();
        assertThat(CallBacks.callbackAt(Map.of("callback_at", "2026-02-30T10:00:00Z")))
                .isNull();
        assertThat(CallBacks.callbackAt(Map.of("callback_at", "2026-12-04"))).isNull();
        assertThat(CallBacks.callbackAt(Map.of("callback_at", "2026-12-04T10:00:00Z" + " ".repeat(100))))
                .isNull();
        assertThat(CallBacks.callbackAt(Map.of("callback_at", "+999999999-12-31T23:59:59Z")))
                .isNull();
        assertThat(CallBacks.callbackAt(Map.of("callback_at", "0001-01-01T00:00:00Z")))
                .isNull();
        assertThat(CallBacks.callbackAt(Map.of("callbackAt", "2026-12-04T10:00:00Z")))
                .isNull();
    }
}
