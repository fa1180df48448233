package io.agentcalls.runner;

import io.agentcalls.call.CallProfile;
import io.agentcalls.call.CallStatus;
import io.agentcalls.customer.PaymentStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * How the simulated runner will play one call, decided once when the call is accepted: the outcome,
 * how long it rings and talks (real seconds, before the speed factor), and the disposition. Drawn
 * from the seed and the call id only, so a seed replays the same campaign the same way.
 *
 * @param outcome completed, no_answer, busy, voicemail or failed
 * @param ringSeconds from ringing to the outcome (completed: to answering)
 * @param talkSeconds the reported duration; 0 when nobody talked
 */
record SimulatedCallPlan(
        CallStatus outcome,
        int ringSeconds,
        int talkSeconds,
        String dispositionCode,
        Map<String, Object> dispositionData) {

    static SimulatedCallPlan decide(CallProfile call, long seed, LocalDate today) {
        SplittableRandom random = new SplittableRandom(seed ^ mix(call.callId()));
        Shares shares = Shares.of(call.paymentStatus());
        double draw = random.nextDouble();
        if ((draw -= 0.03) < 0) {
            return new SimulatedCallPlan(CallStatus.FAILED, between(random, 1, 5), 0, null, null);
        }
        if ((draw -= 0.07) < 0) {
            return new SimulatedCallPlan(CallStatus.BUSY, between(random, 1, 4), 0, null, null);
        }
        if ((draw -= shares.noAnswer) < 0) {
            return new SimulatedCallPlan(CallStatus.NO_ANSWER, between(random, 30, 45), 0, null, null);
        }
        if ((draw -= 0.10) < 0) {
            int message = between(random, 10, 40);
            return new SimulatedCallPlan(CallStatus.VOICEMAIL, between(random, 15, 25) + message, message, null, null);
        }
        int ring = between(random, 4, 20);
        int talk = between(random, 30, 240);
        String category = category(random.nextDouble(), shares);
        CallProfile.DispositionOption code = pick(random, call.dispositionCodes(), category);
        if (code == null) {
            return new SimulatedCallPlan(CallStatus.COMPLETED, ring, talk, null, null);
        }
        Map<String, Object> data = "positive".equals(code.category()) ? promise(random, call, today) : null;
        return new SimulatedCallPlan(CallStatus.COMPLETED, ring, talk, code.code(), data);
    }

    /** Who answers and what they say depends on where the customer stands with their payment. */
    private record Shares(double noAnswer, double positive, double negative, double callback) {
        private static final Shares UNKNOWN = new Shares(0.22, 0.35, 0.30, 0.20);

        static Shares of(String paymentStatus) {
            return PaymentStatus.of(paymentStatus)
                    .map(status -> switch (status) {
                        case BOUNCED -> new Shares(0.30, 0.25, 0.40, 0.20);
                        case PENDING -> new Shares(0.20, 0.50, 0.20, 0.20);
                        case PARTIAL -> new Shares(0.18, 0.40, 0.25, 0.20);
                        case PAID, RECEIVED -> new Shares(0.25, 0.05, 0.15, 0.10);
                    })
                    .orElse(UNKNOWN);
        }
    }

    private static String category(double draw, Shares shares) {
        if ((draw -= shares.positive) < 0) {
            return "positive";
        }
        if ((draw -= shares.negative) < 0) {
            return "negative";
        }
        return draw - shares.callback < 0 ? "callback" : "neutral";
    }

    /** A code of the category; a set without one falls back to any of its codes. */
    private static CallProfile.DispositionOption pick(
            SplittableRandom random, List<CallProfile.DispositionOption> codes, String category) {
        List<CallProfile.DispositionOption> matching =
                codes.stream().filter(c -> category.equals(c.category())).toList();
        List<CallProfile.DispositionOption> from = matching.isEmpty() ? codes : matching;
        return from.isEmpty() ? null : from.get(random.nextInt(from.size()));
    }

    /** A promise to pay: the EMI (half of it for a partial payer) within ten days. */
    private static Map<String, Object> promise(SplittableRandom random, CallProfile call, LocalDate today) {
        BigDecimal amount =
                call.emiAmount() != null ? call.emiAmount() : BigDecimal.valueOf(between(random, 10, 200) * 100L);
        if ("partial".equals(call.paymentStatus())) {
            amount = amount.divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("ptp_date", today.plusDays(between(random, 1, 10)).toString());
        // a whole amount as a JSON integer (4500), else with its paise (2250.5)
        BigDecimal plain = amount.stripTrailingZeros();
        data.put("ptp_amount", plain.scale() <= 0 ? (Object) plain.longValueExact() : (Object) plain.doubleValue());
        return data;
    }

    private static int between(SplittableRandom random, int min, int max) {
        return random.nextInt(min, max + 1);
    }

    private static long mix(String id) {
        long h = 1125899906842597L;
        for (int i = 0; i < id.length(); i++) {
            h = 31 * h + id.charAt(i);
        }
        h ^= (h >>> 33);
        h *= 0xff51afd7ed558ccdL;
        return h ^ (h >>> 33);
    }
}
