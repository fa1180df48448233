package io.agentcalls.call;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a campaign's ended calls came to over a period (the console's outcomes screen): dispositions
 * by payment status and language, the contact rate, and the answer rate by hour of day.
 *
 * @param rows one per payment status, language and outcome ({@code promise}, {@code refusal},
 *     {@code wrong_number}, {@code callback}, {@code other}, {@code none}: no disposition)
 * @param hours the hours of the day (0-23, in the campaign's zone) in which calls were placed
 */
public record OutcomeReport(long ended, long contacted, List<Row> rows, List<Hour> hours) {

    public static final List<String> OUTCOMES =
            List.of("promise", "refusal", "wrong_number", "callback", "other", "none");

    /** @param amount the sum of the calls' {@code ptp_amount}, or null when none has one */
    public record Row(String paymentStatus, String language, String outcome, long calls, BigDecimal amount) {}

    /** @param placed calls that reached the phone network; @param answered those answered */
    public record Hour(int hour, long placed, long answered) {}
}
