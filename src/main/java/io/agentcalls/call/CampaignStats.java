package io.agentcalls.call;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/campaigns/{id}/stats}; docs/CALLS.md defines each figure.
 *
 * @param contactRate contacted calls / ended calls, four decimals; null while no call has ended
 * @param promisedAmount the ptp_amount of calls with a positive disposition, rupees
 */
public record CampaignStats(
        String campaignId,
        Customers customers,
        Calls calls,
        List<Outcome> outcomes,
        long endedCalls,
        long contactedCalls,
        BigDecimal contactRate,
        BigDecimal promisedAmount) {

    /** @param byPaymentStatus every payment status, and {@code unset} for customers without one */
    @Schema(name = "StatsCustomers")
    public record Customers(long total, Map<String, Long> byPaymentStatus) {}

    /**
     * @param byStatus every call status, zero included ({@code queued}, {@code expired}, …)
     * @param scheduled of the calls waiting in the built-in runner's queue, those deferred to a later
     *     time (a closed calling window, a startAt, an attempt cap)
     */
    @Schema(name = "StatsCalls")
    public record Calls(long total, Map<String, Long> byStatus, long scheduled) {}

    @Schema(name = "StatsOutcome")
    public record Outcome(String code, String label, long count) {}
}
