package io.agentcalls.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fold of events into a call, without a database: order and repeats must not matter. */
class CallProgressTest {

    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 11, 27, 10, 0, 0, 0, ZoneOffset.UTC);
    private static final OffsetDateTime NOW = T0.plusHours(1);
    private static final CallProgress.Code PTP = new CallProgress.Code("PTP", "Promise to pay");

    @Test
    void aShuffledAndRepeatedStreamEndsWhereTheOrderedStreamEnds() {
        Random random = new Random(20261127L);
        for (int round = 0; round < 2_000; round++) {
            List<RunnerEvent> ordered = stream(random);
            CallRow expected = fold(ordered);

            List<RunnerEvent> shuffled = new ArrayList<>(ordered);
            for (int extra = random.nextInt(4); extra > 0; extra--) {
                shuffled.add(ordered.get(random.nextInt(ordered.size())));
            }
            Collections.shuffle(shuffled, random);

            assertThat(fold(shuffled).withUpdatedAt(null))
                    .as("round %d: %s", round, shuffled)
                    .isEqualTo(expected.withUpdatedAt(null));
        }
    }

    @Test
    void anEventSetsTheTimeItCarriesAndSkipsSteps() {
        CallProgress call = new CallProgress(queued());
        CallProgress.Change change = call.apply(
                new RunnerEvent("call_1", CallStatus.COMPLETED, T0, 74, disposition(), "https://r/1.mp3", "hi"),
                PTP,
                NOW);

        assertThat(change).isEqualTo(new CallProgress.Change(true, true, true));
        CallRow row = call.row();
        assertThat(row.status()).isEqualTo(CallStatus.COMPLETED);
        assertThat(row.endedAt()).isEqualTo(T0);
        assertThat(row.initiatedAt()).isNull();
        assertThat(row.durationSeconds()).isEqualTo(74);
        assertThat(row.dispositionLabel()).isEqualTo("Promise to pay");
        assertThat(row.updatedAt()).isEqualTo(NOW);
    }

    @Test
    void aRepeatChangesNothingAndABackwardStepOnlyFillsItsTime() {
        CallProgress call = new CallProgress(queued());
        call.apply(RunnerEvent.status("call_1", CallStatus.IN_PROGRESS, T0.plusSeconds(5)), null, NOW);

        assertThat(call.apply(RunnerEvent.status("call_1", CallStatus.IN_PROGRESS, T0.plusSeconds(9)), null, NOW))
                .isEqualTo(CallProgress.Change.NONE);
        CallProgress.Change late = call.apply(RunnerEvent.status("call_1", CallStatus.RINGING, T0), null, NOW);

        assertThat(late.any()).isTrue();
        assertThat(late.status()).isFalse();
        assertThat(call.row().status()).isEqualTo(CallStatus.IN_PROGRESS);
        assertThat(call.row().ringingAt()).isEqualTo(T0);
        assertThat(call.row().inProgressAt()).isEqualTo(T0.plusSeconds(5));
    }

    @Test
    void aCancelledCallIgnoresTheRunner() {
        CallProgress call = new CallProgress(queued());
        call.apply(RunnerEvent.status("call_1", CallStatus.CANCELLED, T0), null, NOW);

        assertThat(call.apply(RunnerEvent.status("call_1", CallStatus.RINGING, T0.plusSeconds(1)), null, NOW))
                .isEqualTo(CallProgress.Change.NONE);
        assertThat(call.apply(RunnerEvent.status("call_1", CallStatus.COMPLETED, T0.plusSeconds(9)), null, NOW))
                .isEqualTo(CallProgress.Change.NONE);
        assertThat(call.row().ringingAt()).isNull();
    }

    /** A plausible runner stream: some steps, one outcome, data on the outcome and maybe the answer. */
    private static List<RunnerEvent> stream(Random random) {
        List<RunnerEvent> events = new ArrayList<>();
        OffsetDateTime at = T0;
        boolean answered = random.nextBoolean();
        if (random.nextBoolean()) {
            events.add(RunnerEvent.status("call_1", CallStatus.INITIATED, at = at.plusSeconds(1)));
        }
        if (random.nextInt(4) > 0) {
            events.add(RunnerEvent.status("call_1", CallStatus.RINGING, at = at.plusSeconds(2)));
        }
        if (answered) {
            String recording = random.nextBoolean() ? "https://r/early.mp3" : null;
            events.add(new RunnerEvent(
                    "call_1", CallStatus.IN_PROGRESS, at = at.plusSeconds(7), null, null, recording, null));
            events.add(new RunnerEvent(
                    "call_1",
                    CallStatus.COMPLETED,
                    at.plusSeconds(74),
                    74,
                    random.nextBoolean() ? disposition() : null,
                    null,
                    "Agent: Namaste"));
        } else {
            CallStatus outcome = List.of(CallStatus.NO_ANSWER, CallStatus.BUSY, CallStatus.VOICEMAIL, CallStatus.FAILED)
                    .get(random.nextInt(4));
            events.add(new RunnerEvent("call_1", outcome, at.plusSeconds(30), 0, null, null, null));
        }
        return events;
    }

    private static CallRow fold(List<RunnerEvent> events) {
        CallProgress call = new CallProgress(queued());
        for (RunnerEvent event : events) {
            call.apply(event, event.disposition() == null ? null : PTP, NOW);
        }
        return call.row();
    }

    private static RunnerEvent.Disposition disposition() {
        return new RunnerEvent.Disposition("PTP", Map.of("ptp_date", "2026-12-05", "ptp_amount", 4500));
    }

    private static CallRow queued() {
        return new CallRow(
                "org_1",
                "call_1",
                "cmp_1",
                "LOAN-1",
                "agt_1",
                "dsp_1",
                "ini_1",
                1,
                "+918045550100",
                "+919812345678",
                CallStatus.QUEUED,
                1,
                T0,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                T0,
                T0,
                null,
                false,
                null);
    }

    /** A call that failed to initiate on an ambiguous runner answer (or was cancelled), its cancel pending. */
    private static CallRow ended(CallStatus status, String reason) {
        CallRow r = queued().change().status(status).endedAt(T0.plusSeconds(10)).row();
        return new CallRow(
                r.organizationId(),
                r.id(),
                r.campaignId(),
                r.customerId(),
                r.agentId(),
                r.dispositionSetId(),
                r.initiationId(),
                r.batch(),
                r.fromNumber(),
                r.toPhone(),
                r.status(),
                r.attempt(),
                r.queuedAt(),
                r.initiatedAt(),
                r.ringingAt(),
                r.inProgressAt(),
                r.endedAt(),
                r.durationSeconds(),
                r.dispositionCode(),
                r.dispositionLabel(),
                r.dispositionData(),
                r.recordingUrl(),
                r.transcript(),
                reason,
                r.createdAt(),
                r.updatedAt(),
                CallRow.CANCEL_PENDING,
                false,
                null);
    }

    @Test
    void eventsOfACallLeftAmbiguousByATimeoutMoveItOnAndSaySoIssue11() {
        CallProgress call = new CallProgress(ended(CallStatus.FAILED_TO_INITIATE, "Workflow runner timeout"));

        call.apply(RunnerEvent.status("call_1", CallStatus.RINGING, T0.plusSeconds(20)), null, NOW);

        assertThat(call.row().status()).isEqualTo(CallStatus.RINGING);
        assertThat(call.row().endedAt()).as("no longer over").isNull();
        assertThat(call.row().placedDespiteCancel()).isTrue();

        call.apply(RunnerEvent.status("call_1", CallStatus.COMPLETED, T0.plusSeconds(80)), null, NOW);

        assertThat(call.row().status()).isEqualTo(CallStatus.COMPLETED);
        assertThat(call.row().endedAt()).isEqualTo(T0.plusSeconds(80));
    }

    @Test
    void aFailedCallWithoutAnAmbiguousAnswerStaysFailed() {
        CallRow refused = queued().change()
                .status(CallStatus.FAILED_TO_INITIATE)
                .endedAt(T0)
                .row();
        CallProgress call = new CallProgress(refused);

        CallProgress.Change change =
                call.apply(RunnerEvent.status("call_1", CallStatus.RINGING, T0.plusSeconds(20)), null, NOW);

        assertThat(change).isEqualTo(CallProgress.Change.NONE);
        assertThat(call.row().placedDespiteCancel()).isFalse();
    }

    @Test
    void aCancelledCallAnsweredAfterTheCancelStaysCancelledAndIsFlaggedIssue11() {
        CallProgress call = new CallProgress(ended(CallStatus.CANCELLED, null));

        call.apply(RunnerEvent.status("call_1", CallStatus.IN_PROGRESS, T0.plusSeconds(30)), null, NOW);

        assertThat(call.row().status()).isEqualTo(CallStatus.CANCELLED);
        assertThat(call.row().placedDespiteCancel()).isTrue();
        assertThat(call.changed()).isTrue();
    }

    @Test
    void aCancelledCallsEarlierStepIsNotAPlacementDespiteTheCancel() {
        CallProgress call = new CallProgress(ended(CallStatus.CANCELLED, null));

        call.apply(RunnerEvent.status("call_1", CallStatus.RINGING, T0.plusSeconds(5)), null, NOW);

        assertThat(call.row().placedDespiteCancel()).isFalse();
    }
}
