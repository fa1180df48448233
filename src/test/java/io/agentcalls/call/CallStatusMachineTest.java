package io.agentcalls.call;

import static io.agentcalls.call.CallStatus.BUSY;
import static io.agentcalls.call.CallStatus.CANCELLED;
import static io.agentcalls.call.CallStatus.COMPLETED;
import static io.agentcalls.call.CallStatus.EXPIRED;
import static io.agentcalls.call.CallStatus.FAILED;
import static io.agentcalls.call.CallStatus.FAILED_TO_INITIATE;
import static io.agentcalls.call.CallStatus.INITIATED;
import static io.agentcalls.call.CallStatus.IN_PROGRESS;
import static io.agentcalls.call.CallStatus.NO_ANSWER;
import static io.agentcalls.call.CallStatus.QUEUED;
import static io.agentcalls.call.CallStatus.RINGING;
import static io.agentcalls.call.CallStatus.VOICEMAIL;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class CallStatusMachineTest {

    @Test
    void callsMoveForwardStepByStep() {
        assertThat(CallStatusMachine.canMove(QUEUED, INITIATED)).isTrue();
        assertThat(CallStatusMachine.canMove(INITIATED, RINGING)).isTrue();
        assertThat(CallStatusMachine.canMove(RINGING, IN_PROGRESS)).isTrue();
        for (CallStatus outcome : EnumSet.of(COMPLETED, NO_ANSWER, BUSY, VOICEMAIL, FAILED)) {
            assertThat(CallStatusMachine.canMove(IN_PROGRESS, outcome))
                    .as("%s", outcome)
                    .isTrue();
            assertThat(CallStatusMachine.canMove(RINGING, outcome))
                    .as("%s", outcome)
                    .isTrue();
        }
    }

    @Test
    void eventsMaySkipSteps() {
        assertThat(CallStatusMachine.canMove(QUEUED, COMPLETED)).isTrue();
        assertThat(CallStatusMachine.canMove(QUEUED, RINGING)).isTrue();
        assertThat(CallStatusMachine.canMove(INITIATED, IN_PROGRESS)).isTrue();
        assertThat(CallStatusMachine.canMove(INITIATED, NO_ANSWER)).isTrue();
    }

    @Test
    void neverBackwardsAndARepeatIsNoMove() {
        assertThat(CallStatusMachine.canMove(RINGING, INITIATED)).isFalse();
        assertThat(CallStatusMachine.canMove(IN_PROGRESS, RINGING)).isFalse();
        assertThat(CallStatusMachine.canMove(INITIATED, QUEUED)).isFalse();
        for (CallStatus status : CallStatus.values()) {
            assertThat(CallStatusMachine.canMove(status, status))
                    .as("%s", status)
                    .isFalse();
            assertThat(CallStatusMachine.canMove(status, QUEUED))
                    .as("%s", status)
                    .isFalse();
        }
    }

    @Test
    void aFinalStatusIsNeverLeft() {
        for (CallStatus from : CallStatus.values()) {
            if (!from.isFinal()) {
                continue;
            }
            for (CallStatus to : CallStatus.values()) {
                assertThat(CallStatusMachine.canMove(from, to))
                        .as("%s -> %s", from, to)
                        .isFalse();
            }
        }
        assertThat(EnumSet.allOf(CallStatus.class).stream().filter(CallStatus::isFinal))
                .containsExactlyInAnyOrder(
                        COMPLETED, NO_ANSWER, BUSY, VOICEMAIL, FAILED, FAILED_TO_INITIATE, CANCELLED, EXPIRED);
    }

    @Test
    void onlyAQueuedCallFailsToInitiate() {
        assertThat(CallStatusMachine.canMove(QUEUED, FAILED_TO_INITIATE)).isTrue();
        assertThat(CallStatusMachine.canMove(INITIATED, FAILED_TO_INITIATE)).isFalse();
        assertThat(CallStatusMachine.canMove(RINGING, FAILED_TO_INITIATE)).isFalse();
    }

    @Test
    void onlyAnUnansweredCallIsCancelled() {
        assertThat(CallStatusMachine.canMove(QUEUED, CANCELLED)).isTrue();
        assertThat(CallStatusMachine.canMove(INITIATED, CANCELLED)).isTrue();
        assertThat(CallStatusMachine.canMove(RINGING, CANCELLED)).isTrue();
        assertThat(CallStatusMachine.canMove(IN_PROGRESS, CANCELLED)).isFalse();
    }

    @Test
    void lateEventsOfPassedStepsMayFillInTheirTimeUnlessTheRunnerNeverPlacedTheCall() {
        assertThat(CallStatusMachine.canBackfill(COMPLETED, RINGING)).isTrue();
        assertThat(CallStatusMachine.canBackfill(IN_PROGRESS, INITIATED)).isTrue();
        assertThat(CallStatusMachine.canBackfill(RINGING, IN_PROGRESS)).isFalse();
        assertThat(CallStatusMachine.canBackfill(COMPLETED, COMPLETED)).isFalse();
        assertThat(CallStatusMachine.canBackfill(CANCELLED, RINGING)).isFalse();
        assertThat(CallStatusMachine.canBackfill(FAILED_TO_INITIATE, INITIATED)).isFalse();
    }

    @Test
    void statusesParseAsTheApiSpellsThem() {
        assertThat(CallStatus.parse("in_progress")).contains(IN_PROGRESS);
        assertThat(CallStatus.parse("IN_PROGRESS")).isEmpty();
        assertThat(CallStatus.parse("done")).isEmpty();
        assertThat(CallStatus.parse(null)).isEmpty();
        assertThat(CallStatus.VALUES).startsWith("queued, initiated, ringing, in_progress, completed");
    }
}
