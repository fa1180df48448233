package io.agentcalls.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcalls.support.ApiTest;
import io.agentcalls.support.CallingSetup;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Initiate Call(s) with our optional {@code startAt}: the calls are accepted at once and wait until then. */
class StartAtApiTest extends ApiTest {

    @Autowired
    Dialer dialer;

    @Test
    void callsWaitUntilStartAtAndShowWhenTheyWillBeDialed() {
        CallingSetup setup = CallingSetup.create(this);
        setup.upsert(setup.customers("SA", 3));
        OffsetDateTime startAt = OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).truncatedTo(ChronoUnit.SECONDS);

        Response response = setup.initiate(Map.of("startAt", startAt.toString()));

        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        assertThat(response.body().at("/results/initiated").asInt()).isEqualTo(3);
        dialer.dialDue(Instant.now());
        List<String> ids = jdbc.sql("SELECT id FROM calls WHERE campaign_id = :c")
                .param("c", setup.campaignId)
                .query(String.class)
                .list();
        assertThat(ids).hasSize(3);
        for (String id : ids) {
            Response call = get("/api/v1/calls/" + id, setup.key);
            assertThat(call.body().at("/data/status").asString()).isEqualTo("initiated");
            assertThat(OffsetDateTime.parse(call.body().at("/data/scheduledFor").asString())
                            .toInstant())
                    .isEqualTo(startAt.toInstant());
        }
        Response stats = get("/api/v1/campaigns/" + setup.campaignId + "/stats", setup.key);
        assertThat(stats.body().at("/data/calls/scheduled").asInt()).isEqualTo(3);
        assertThat(jdbc.sql("SELECT count(*) FROM calls WHERE campaign_id = :c AND dial_state = 'waiting'")
                        .param("c", setup.campaignId)
                        .query(Long.class)
                        .single())
                .as("not dialed before startAt")
                .isEqualTo(3);
    }

    @Test
    void aWrongStartAtIsRefusedNamingIt() {
        CallingSetup setup = CallingSetup.create(this);
        setup.upsert(setup.customers("SB", 2));
        for (Object wrong : List.of("tomorrow", "2026-12-04T09:00:00", 5, "2099-01-01T00:00:00Z", List.of())) {
            Response response = setup.initiate(Map.of("startAt", wrong));
            assertThat(response.status()).as(String.valueOf(wrong)).isEqualTo(400);
            assertThat(response.raw()).contains("startAt");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM calls WHERE campaign_id = :c")
                        .param("c", setup.campaignId)
                        .query(Long.class)
                        .single())
                .as("nothing written")
                .isZero();
    }
}
