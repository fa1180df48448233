package io.agentcalls.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcalls.call.CallProfile;
import io.agentcalls.call.CallStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SimulatedCallPlanTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    private static final List<CallProfile.DispositionOption> CODES = List.of(
            new CallProfile.DispositionOption("PTP", "positive"),
            new CallProfile.DispositionOption("RTP", "negative"),
            new CallProfile.DispositionOption("CALLBACK", "callback"),
            new CallProfile.DispositionOption("WRONG_NUMBER", "negative"));

    @Test
    void theSameSeedPlaysTheSameCallTheSameWay() {
        CallProfile call = profile("call_1", "pending", CODES);
        assertThat(SimulatedCallPlan.decide(call, 1, TODAY)).isEqualTo(SimulatedCallPlan.decide(call, 1, TODAY));
        long differing = IntStream.range(0, 200)
                .mapToObj(i -> profile("call_" + i, "pending", CODES))
                .filter(c -> !SimulatedCallPlan.decide(c, 1, TODAY).equals(SimulatedCallPlan.decide(c, 2, TODAY)))
                .count();
        assertThat(differing).isGreaterThan(150);
    }

    @Test
    void everyOutcomeHappensWithRealisticShares() {
        Map<CallStatus, Integer> outcomes = new EnumMap<>(CallStatus.class);
        for (int i = 0; i < 5_000; i++) {
            SimulatedCallPlan plan = SimulatedCallPlan.decide(profile("call_" + i, "pending", CODES), 1, TODAY);
            outcomes.merge(plan.outcome(), 1, Integer::sum);
            assertThat(plan.ringSeconds()).isBetween(1, 70);
            if (plan.outcome() == CallStatus.COMPLETED) {
                assertThat(plan.talkSeconds()).isBetween(30, 240);
                assertThat(plan.dispositionCode()).isIn("PTP", "RTP", "CALLBACK", "WRONG_NUMBER");
            } else {
                assertThat(plan.dispositionCode()).isNull();
            }
        }
        assertThat(outcomes.keySet())
                .containsExactlyInAnyOrder(
                        CallStatus.COMPLETED,
                        CallStatus.NO_ANSWER,
                        CallStatus.BUSY,
                        CallStatus.VOICEMAIL,
                        CallStatus.FAILED);
        assertThat(outcomes.get(CallStatus.COMPLETED)).isBetween(2_700, 3_300);
        assertThat(outcomes.get(CallStatus.FAILED)).isBetween(100, 220);
    }

    @Test
    void bouncedCustomersPromiseLessOftenThanPendingOnes() {
        assertThat(promiseShare("bounced")).isLessThan(promiseShare("pending") * 0.7);
        assertThat(promiseShare("paid")).isLessThan(promiseShare("bounced"));
    }

    @Test
    void aPromiseCarriesTheEmiAndADateWithinTenDays() {
        SimulatedCallPlan promise = IntStream.range(0, 1_000)
                .mapToObj(i -> SimulatedCallPlan.decide(profile("call_" + i, "partial", CODES), 1, TODAY))
                .filter(p -> "PTP".equals(p.dispositionCode()))
                .findFirst()
                .orElseThrow();
        assertThat(promise.dispositionData()).containsEntry("ptp_amount", 2250L);
        assertThat(LocalDate.parse((String) promise.dispositionData().get("ptp_date")))
                .isBetween(TODAY.plusDays(1), TODAY.plusDays(10));
    }

    @Test
    void aSetWithoutTheCategoryFallsBackAndAnEmptySetGivesNoCode() {
        List<CallProfile.DispositionOption> onlyNeutral = List.of(new CallProfile.DispositionOption("INFO", "neutral"));
        for (int i = 0; i < 500; i++) {
            SimulatedCallPlan plan = SimulatedCallPlan.decide(profile("call_" + i, "pending", onlyNeutral), 1, TODAY);
            if (plan.outcome() == CallStatus.COMPLETED) {
                assertThat(plan.dispositionCode()).isEqualTo("INFO");
                assertThat(plan.dispositionData()).isNull();
            }
            assertThat(SimulatedCallPlan.decide(profile("call_" + i, "pending", List.of()), 1, TODAY)
                            .dispositionCode())
                    .isNull();
        }
    }

    private static double promiseShare(String paymentStatus) {
        long promises = IntStream.range(0, 5_000)
                .mapToObj(i -> SimulatedCallPlan.decide(profile("call_" + i, paymentStatus, CODES), 1, TODAY))
                .filter(p -> "PTP".equals(p.dispositionCode()))
                .count();
        return promises / 5_000.0;
    }

    private static CallProfile profile(String id, String paymentStatus, List<CallProfile.DispositionOption> codes) {
        return new CallProfile(id, "+918045550100", 10, paymentStatus, new BigDecimal("4500.00"), codes);
    }
}
