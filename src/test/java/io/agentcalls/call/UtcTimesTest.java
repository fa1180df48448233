package io.agentcalls.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UtcTimesTest {

    @Test
    void formatsExactlyLikeTheIsoFormatterInUtc() {
        Random random = new Random(3);
        for (int i = 0; i < 20_000; i++) {
            OffsetDateTime time = OffsetDateTime.of(
                    1970 + random.nextInt(130),
                    1 + random.nextInt(12),
                    1 + random.nextInt(28),
                    random.nextInt(24),
                    random.nextInt(60),
                    random.nextInt(60),
                    switch (random.nextInt(4)) {
                        case 0 -> 0;
                        case 1 -> random.nextInt(1000) * 1_000_000;
                        case 2 -> random.nextInt(1_000_000) * 1_000;
                        default -> random.nextInt(1_000_000_000);
                    },
                    ZoneOffset.ofHoursMinutes(random.nextInt(10), 30 * random.nextInt(2)));
            assertThat(UtcTimes.format(time))
                    .isEqualTo(
                            DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time.withOffsetSameInstant(ZoneOffset.UTC)));
        }
        assertThat(UtcTimes.format(null)).isNull();
        assertThat(UtcTimes.format(OffsetDateTime.parse("2026-11-27T10:01:23.5+05:30")))
                .isEqualTo("2026-11-27T04:31:23.5Z");
    }
}
