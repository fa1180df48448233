package io.agentcalls.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcalls.support.ApiTest;
import io.agentcalls.support.CallingSetup;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Nothing is dialed outside a campaign's documented schedule (its calling days and hours), nor while
 * it is not active: Initiate Call(s), in each of its statement's shapes, and retries go through the
 * same selection.
 */
class TimepayCampaignScheduleTest extends ApiTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Kolkata"));

    @Test
    void customersOutsideTheCallingDaysAreSkippedAsOutsideTheWindow() {
        CallingSetup setup = withCustomers();
        for (String[] days : new String[][] {
            {TODAY.plusDays(1).toString(), TODAY.plusDays(30).toString()},
            {TODAY.minusDays(30).toString(), TODAY.minusDays(1).toString()}
        }) {
            update(setup, "{\"startDate\":\"" + days[0] + "\",\"endDate\":\"" + days[1] + "\"}");
            for (Map<String, Object> shape : shapes()) {
                Response response = setup.initiate(shape);
                assertThat(response.status()).as(shape + " " + response.raw()).isEqualTo(400);
                assertThat(response.body().at("/skipped/outsideCallingWindow").asLong())
                        .isEqualTo(3);
                assertThat(response.body().at("/message").asString())
                        .isEqualTo("Cannot initiate calls: all 3 matching customers were skipped by safeguards"
                                + " (outside the calling window: 3)");
            }
        }
        assertThat(setup.calls().count()).as("nothing written").isZero();

        update(setup, "{\"startDate\":\"" + TODAY + "\",\"endDate\":\"" + TODAY + "\"}");
        Response inside = setup.initiate(Map.of("dryRun", true));
        assertThat(inside.status()).as(inside.raw()).isEqualTo(200);
        assertThat(inside.body().at("/results/customersSelected").asLong()).isEqualTo(3);
    }

    @Test
    void outsideTheDocumentedHoursIsOutsideTheWindow() {
        CallingSetup setup = withCustomers();
        int hour = java.time.LocalTime.now(ZoneId.of("Asia/Kolkata")).getHour();
        String start = String.format("%02d:00", (hour + 2) % 24);
        String end = String.format("%02d:00", (hour + 3) % 24);
        update(setup, "{\"startTime\":\"" + start + "\",\"endTime\":\"" + end + "\"}");

        Response response = setup.initiate(Map.of("dryRun", true));

        assertThat(response.status()).as(response.raw()).isEqualTo(400);
        assertThat(response.body().at("/skipped/outsideCallingWindow").asLong()).isEqualTo(3);
    }

    @Test
    void onlyAnActiveCampaignIsCalled() {
        CallingSetup setup = withCustomers();
        assertThat(patch("/api/v1/campaigns/pause/" + setup.campaignId, setup.key, null)
                        .status())
                .isEqualTo(200);
        for (String status : new String[] {"paused", "completed", "draft"}) {
            update(setup, "{\"status\":\"" + status + "\"}");
            Response refused = setup.initiate();
            assertThat(refused.raw())
                    .as(status)
                    .isEqualTo("{\"success\":false,\"error\":\"BadRequest\",\"message\":\"Cannot initiate calls:"
                            + " the campaign is not active (paused, completed or draft)\"}");
        }
        assertThat(setup.calls().count()).isZero();

        update(setup, "{\"status\":\"active\"}");
        assertThat(setup.initiate().status()).isEqualTo(200);
        assertThat(setup.calls().count()).isEqualTo(3);
    }

    private CallingSetup withCustomers() {
        CallingSetup setup = CallingSetup.create(this);
        setup.upsert(setup.customers("SCH", 3));
        return setup;
    }

    private void update(CallingSetup setup, String body) {
        Response updated =
                send("PUT", "/api/v1/campaigns/update/" + setup.campaignId, setup.key, "application/json", body);
        assertThat(updated.status()).as(updated.raw()).isEqualTo(200);
    }

    /** The selection statement's three shapes: a dry run counting all, a limited dry run, a write. */
    private static java.util.List<Map<String, Object>> shapes() {
        return java.util.List.of(Map.of("dryRun", true), Map.of("dryRun", true, "limit", 2), Map.of());
    }
}
