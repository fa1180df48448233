package io.agentcalls.initiation.retry;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcalls.call.CallService;
import io.agentcalls.call.CallStatus;
import io.agentcalls.call.RunnerEvent;
import io.agentcalls.support.CallingSetup;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A campaign's retry rule naming the disposition group that means "call again" ({@code
 * retry.callBackGroupId}, the catalogue's "Call Back" group): a call whose outcome is in that group
 * is retried whatever status it ended with, at the time its outcome asks for, within the campaign's
 * caps and calling window; no other completed call is retried or even enters the retry queue.
 * Outcomes arrive as runner events, so the rule is resolved where it is in production.
 */
class CallBackRetryApiTest extends RetryApiTestBase {

    @Autowired
    CallService callService;

    /** An organization classifying into PTP / CB / NI, whose "Call Back" group holds CB and PTP. */
    private record CallBackSetup(CallingSetup calling, String groupId) {}

    private CallBackSetup setup(String retry) {
        CallingSetup calling = CallingSetup.create(this);
        calling.dispositionId = calling.created(
                "/api/v1/disposition-sets",
                Map.of(
                        "name",
                        "Collections v2",
                        "codes",
                        List.of(
                                Map.of("code", "PTP", "label", "Promise to pay", "category", "positive"),
                                Map.of("code", "CB", "label", "Call back later", "category", "callback"),
                                Map.of("code", "NI", "label", "Not interested", "category", "neutral"))));
        JsonNode members = get("/api/v1/dispositions/groups/" + calling.dispositionId + "?expand=true", calling.key)
                .body()
                .at("/data/dispositionDetails");
        String cb = idOf(members, "CB");
        String ptp = idOf(members, "PTP");
        String group = calling.created(
                "/api/v1/dispositions/groups/create",
                Map.of(
                        "name",
                        "Call Back",
                        "description",
                        "Call customer again if given dispositions are found",
                        "dispositions",
                        List.of(cb, ptp)));
        patchCampaign(calling, "{\"retry\":" + retry.replace("GROUP", group) + "}");
        return new CallBackSetup(calling, group);
    }

    private static String idOf(JsonNode members, String code) {
        return members.valueStream()
                .filter(m -> m.get("code").asString().equals(code))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asString();
    }

    @Test
    void aCompletedCallWithACallBackOutcomeIsRetriedOnceTheIntervalHasPassed() {
        CallingSetup setup = setup("{\"callBackGroupId\":\"GROUP\",\"maxAttempts\":3,\"intervalMinutes\":30}")
                .calling();
        setup.upsert(setup.customers("B", 4));
        initiate(setup);
        complete(setup, "B-00001", "CB", null);
        complete(setup, "B-00002", "PTP", Map.of("ptp_date", "2026-12-20"));
        complete(setup, "B-00003", "NI", null);
        complete(setup, "B-00004", null, null);

        scheduler.run();
        assertThat(attempts(setup, "B-00001")).as("not before the interval").containsExactly(1);

        letTimePass(setup, 31);
        scheduler.run();

        assertThat(attempts(setup, "B-00001")).containsExactly(1, 2);
        // the group names it, so even a positive outcome is called again
        assertThat(attempts(setup, "B-00002")).containsExactly(1, 2);
        assertThat(attempts(setup, "B-00003")).containsExactly(1);
        assertThat(attempts(setup, "B-00004")).containsExactly(1);
        assertThat(calls(setup, "B-00001").get(0).retryHandledAt()).isNotNull();
        assertThat(calls(setup, "B-00001").get(1).status()).isEqualTo("initiated");
        // the queue holds only calls due for a retry: the other completed calls never entered it
        assertThat(inRetryQueue(setup)).isEmpty();
        scheduler.run();
        assertThat(attempts(setup, "B-00001")).as("made once").containsExactly(1, 2);
    }

    @Test
    void whileACallBackWaitsItIsTheOnlyCompletedCallInTheQueue() {
        CallingSetup setup = setup("{\"on\":[\"no_answer\"],\"callBackGroupId\":\"GROUP\",\"maxAttempts\":3,"
                        + "\"intervalMinutes\":30}")
                .calling();
        setup.upsert(setup.customers("Q", 3));
        initiate(setup);
        complete(setup, "Q-00001", "CB", null);
        complete(setup, "Q-00002", "NI", null);
        apply(new RunnerEvent(callOf(setup, "Q-00003"), CallStatus.NO_ANSWER, now(), 0, null, null, null));

        assertThat(inRetryQueue(setup))
                .containsExactlyInAnyOrder(
                        callOf(setup, "Q-00001") + " call_back", callOf(setup, "Q-00003") + " no_answer");
        letTimePass(setup, 31);
        scheduler.run();
        assertThat(attempts(setup, "Q-00001")).containsExactly(1, 2);
        assertThat(attempts(setup, "Q-00002")).containsExactly(1);
        assertThat(attempts(setup, "Q-00003"))
                .as("statuses still retried beside")
                .containsExactly(1, 2);
    }

    @Test
    void theTimeTheOutcomeAsksForIsWaitedFor() {
        CallingSetup setup = setup("{\"callBackGroupId\":\"GROUP\",\"maxAttempts\":3,\"intervalMinutes\":5}")
                .calling();
        setup.upsert(setup.customers("T", 2));
        initiate(setup);
        complete(
                setup, "T-00001", "CB", Map.of("callback_at", now().plusHours(3).toString()));
        // no offset: UTC, as the logs' times; and a past time waits only for the interval
        complete(setup, "T-00002", "CB", Map.of("callback_at", "2020-01-01T10:00:00"));

        letTimePass(setup, 60);
        scheduler.run();
        assertThat(attempts(setup, "T-00001")).as("asked for in 3 hours").containsExactly(1);
        assertThat(attempts(setup, "T-00002")).containsExactly(1, 2);
        assertThat(jdbc.sql("SELECT call_back_at FROM calls WHERE id = :id")
                        .param("id", calls(setup, "T-00002").get(0).id())
                        .query(OffsetDateTime.class)
                        .single()
                        .toInstant())
                .isEqualTo(OffsetDateTime.parse("2020-01-01T10:00:00Z").toInstant());

        // three hours later
        jdbc.sql("UPDATE calls SET call_back_at = call_back_at - interval '3 hours' WHERE campaign_id = :c")
                .param("c", setup.campaignId)
                .update();
        scheduler.run();
        assertThat(attempts(setup, "T-00001")).containsExactly(1, 2);
    }

    @Test
    void theAttemptCapsHold() {
        CallingSetup setup = setup("{\"callBackGroupId\":\"GROUP\",\"maxAttempts\":2,\"intervalMinutes\":5}")
                .calling();
        patchCampaign(setup, "{\"maxAttemptsPerDay\":1,\"maxAttemptsPerWeek\":5}");
        setup.upsert(setup.customers("K", 1));
        initiate(setup);
        complete(setup, "K-00001", "CB", null);
        letTimePass(setup, 6);

        scheduler.run();
        assertThat(attempts(setup, "K-00001"))
                .as("held back by maxAttemptsPerDay")
                .containsExactly(1);
        assertThat(calls(setup, "K-00001").get(0).retryHandledAt())
                .as("still due")
                .isNull();

        patchCampaign(setup, "{\"maxAttemptsPerDay\":5}");
        scheduler.run();
        assertThat(attempts(setup, "K-00001")).containsExactly(1, 2);

        // the retry asks to be called back again: maxAttempts (2) are made, so it is settled instead
        complete(setup, "K-00001", "CB", null);
        letTimePass(setup, 6);
        scheduler.run();
        assertThat(attempts(setup, "K-00001")).containsExactly(1, 2);
        assertThat(calls(setup, "K-00001").get(1).retryHandledAt()).isNotNull();
        assertThat(inRetryQueue(setup)).isEmpty();
    }

    @Test
    void aCallBackOutsideTheCallingWindowWaitsForIt() {
        CallingSetup setup = setup("{\"callBackGroupId\":\"GROUP\",\"maxAttempts\":3,\"intervalMinutes\":5}")
                .calling();
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        setup.upsert(setup.customers("W", 1));
        initiate(setup);
        patchCampaign(
                setup,
                "{\"timezone\":\"UTC\",\"callingWindow\":{\"start\":\""
                        + String.format("%02d:00", now.plusHours(2).getHour()) + "\",\"end\":\""
                        + String.format("%02d:00", now.plusHours(3).getHour()) + "\"}}");
        complete(setup, "W-00001", "CB", null);
        letTimePass(setup, 6);

        scheduler.run();
        assertThat(attempts(setup, "W-00001")).containsExactly(1);

        patchCampaign(setup, "{\"callingWindow\":{\"start\":\"00:00\",\"end\":\"24:00\"}}");
        scheduler.run();
        assertThat(attempts(setup, "W-00001")).containsExactly(1, 2);
    }

    @Test
    void theRuleAsItIsWhenTheOutcomeArrivesDecides() {
        CallBackSetup callBack =
                setup("{\"on\":[\"no_answer\"],\"maxAttempts\":3,\"intervalMinutes\":5}"); // no group named
        CallingSetup setup = callBack.calling();
        setup.upsert(setup.customers("R", 2));
        initiate(setup);
        complete(setup, "R-00001", "CB", null);
        patchCampaign(
                setup,
                "{\"retry\":{\"on\":[\"no_answer\"],\"callBackGroupId\":\"" + callBack.groupId()
                        + "\",\"maxAttempts\":3,\"intervalMinutes\":5}}");
        complete(setup, "R-00002", "CB", null);
        letTimePass(setup, 6);

        scheduler.run();

        assertThat(attempts(setup, "R-00001"))
                .as("the outcome came before the rule named a group")
                .containsExactly(1);
        assertThat(attempts(setup, "R-00002")).containsExactly(1, 2);
    }

    /** The customer's latest call answered and ended now with this outcome (none when code is null). */
    private void complete(CallingSetup setup, String customerId, String code, Map<String, Object> data) {
        String call = callOf(setup, customerId);
        apply(RunnerEvent.status(call, CallStatus.IN_PROGRESS, now().minusSeconds(40)));
        apply(new RunnerEvent(
                call,
                CallStatus.COMPLETED,
                now(),
                40,
                code == null ? null : new RunnerEvent.Disposition(code, data),
                null,
                null));
    }

    private String callOf(CallingSetup setup, String customerId) {
        List<CallRow> calls = calls(setup, customerId);
        return calls.get(calls.size() - 1).id();
    }

    private void apply(RunnerEvent event) {
        assertThat(callService.applyRunnerEvents(List.of(event)).rejected()).isEmpty();
    }

    /** The campaign's calls in the retry queue (calls_retry_due), as "id retryable_status". */
    private List<String> inRetryQueue(CallingSetup setup) {
        return jdbc.sql("SELECT id || ' ' || retryable_status FROM calls WHERE campaign_id = :c"
                        + " AND retryable_status IS NOT NULL")
                .param("c", setup.campaignId)
                .query(String.class)
                .list();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
