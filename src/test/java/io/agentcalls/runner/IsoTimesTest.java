package io.agentcalls.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IsoTimesTest {

    @Test
    void readsWhatTheJdkReadsAndRefusesWhatItRefuses() {
        List<String> samples = List.of(
                "2026-11-27T10:00:00+05:30",
                "2026-11-27T10:00:00Z",
                "2026-11-27T10:00:00.5Z",
                "2026-11-27T10:00:00.123456789-03:00",
                "2026-11-27T10:00+05:30",
                "2026-11-27T10:00:00",
                "2026-11-27 10:00:00Z",
                "2026-13-27T10:00:00Z",
                "2026-02-30T10:00:00Z",
                "2026-11-27T24:00:00Z",
                "2026-11-27T10:00:00.Z",
                "2026-11-27T10:00:00.1234567891Z",
                "2026-11-27T10:00:00+19:00",
                "2026-11-27T10:00:00+05:30:15",
                "2026-11-27T10:00:00z",
                "+2026-11-27T10:00:00Z",
                "",
                "x",
                "2026-11-27T10:00:00+0530",
                "2026-11-27T10:00:60Z");
        for (String sample : samples) {
            assertThat(IsoTimes.parse(sample)).as(sample).isEqualTo(jdk(sample));
        }
        Random random = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            char[] chars = "2026-11-27T10:00:00.123+05:30".toCharArray();
            chars[random.nextInt(chars.length)] = "0123456789+-:.TZ ".charAt(random.nextInt(17));
            String sample = new String(chars, 0, random.nextInt(chars.length + 1));
            assertThat(IsoTimes.parse(sample)).as(sample).isEqualTo(jdk(sample));
        }
        assertThat(IsoTimes.parse(null)).isNull();
    }

    private static OffsetDateTime jdk(String value) {
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
