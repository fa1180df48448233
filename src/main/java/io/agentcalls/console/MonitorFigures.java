package io.agentcalls.console;

import io.agentcalls.call.CampaignStats;
import io.agentcalls.campaign.Campaign;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the campaign monitor shows, read afresh for every update.
 *
 * @param inUse calls initiated, ringing or in progress: the lines this campaign holds now
 * @param capacity how many calls the organization's active caller numbers allow at once
 * @param queued calls written and waiting to be placed: the queue's depth
 */
record MonitorFigures(
        Campaign campaign,
        Map<String, Long> byStatus,
        long total,
        long ended,
        long contacted,
        String contactRate,
        long inUse,
        long capacity,
        long queued,
        CallingHours hours,
        String readAt) {

    static MonitorFigures of(Campaign campaign, CampaignStats stats, long capacity, CallingHours hours, String readAt) {
        Map<String, Long> byStatus = new LinkedHashMap<>(stats.calls().byStatus());
        long inUse = byStatus.getOrDefault("initiated", 0L)
                + byStatus.getOrDefault("ringing", 0L)
                + byStatus.getOrDefault("in_progress", 0L);
        return new MonitorFigures(
                campaign,
                byStatus,
                stats.calls().total(),
                stats.endedCalls(),
                stats.contactedCalls(),
                percent(stats.contactRate()),
                inUse,
                capacity,
                byStatus.getOrDefault("queued", 0L),
                hours,
                readAt);
    }

    /** A rate of 0..1 as a percentage with one decimal, or a dash while there is none. */
    static String percent(BigDecimal rate) {
        return rate == null ? "–" : rate.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP) + "%";
    }

    /** The share of the largest status, for the bars of the status chart (0..100). */
    public long barWidth(long count) {
        long max = byStatus.values().stream().mapToLong(Long::longValue).max().orElse(0);
        return max == 0 ? 0 : Math.round(count * 100.0 / max);
    }
}
