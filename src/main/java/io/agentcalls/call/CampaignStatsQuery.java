package io.agentcalls.call;

import io.agentcalls.common.ApiException;
import io.agentcalls.customer.PaymentStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Puts a campaign's stats together from the customers' counts and the calls' tallies (V160). */
@Component
class CampaignStatsQuery {

    private static final String NO_PAYMENT_STATUS = "unset";

    private final CampaignStatsRepository repository;
    private final CallTallyRepository tallies;
    private final DialQueueRepository dialQueue;

    CampaignStatsQuery(CampaignStatsRepository repository, CallTallyRepository tallies, DialQueueRepository dialQueue) {
        this.repository = repository;
        this.tallies = tallies;
        this.dialQueue = dialQueue;
    }

    /** One snapshot: the queries see the same committed data. */
    @Transactional(readOnly = true, isolation = org.springframework.transaction.annotation.Isolation.REPEATABLE_READ)
    CampaignStats stats(String organizationId, String campaignId) {
        return stats(organizationId, campaignId, true);
    }

    /**
     * The same without the customers' figures (null): the calls' figures are read from tallies and
     * cost the same at any size, while counting a million customers by payment status takes a few
     * hundred milliseconds the console's live monitor, which does not show them, should not pay.
     */
    @Transactional(readOnly = true, isolation = org.springframework.transaction.annotation.Isolation.REPEATABLE_READ)
    CampaignStats callStats(String organizationId, String campaignId) {
        return stats(organizationId, campaignId, false);
    }

    private CampaignStats stats(String organizationId, String campaignId, boolean countCustomers) {
        if (!repository.campaignExists(organizationId, campaignId)) {
            throw ApiException.notFound("Campaign not found");
        }
        Map<String, Long> byPaymentStatus = new LinkedHashMap<>();
        PaymentStatus.VALUES.forEach(s -> byPaymentStatus.put(s, 0L));
        byPaymentStatus.put(NO_PAYMENT_STATUS, 0L);
        long customers = 0;
        List<CampaignStatsRepository.Count> counts =
                countCustomers ? repository.customersByPaymentStatus(organizationId, campaignId) : List.of();
        for (CampaignStatsRepository.Count count : counts) {
            byPaymentStatus.merge(count.key() == null ? NO_PAYMENT_STATUS : count.key(), count.count(), Long::sum);
            customers += count.count();
        }

        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (CallStatus status : CallStatus.values()) {
            byStatus.put(status.value(), 0L);
        }
        long calls = 0;
        long ended = 0;
        long contacted = 0;
        BigDecimal promised = BigDecimal.ZERO;
        Map<List<String>, Long> outcomeCounts = new LinkedHashMap<>(); // (code, label) -> calls
        for (CampaignStatsRepository.CallGroup group : tallies.statusGroups(organizationId, campaignId)) {
            byStatus.merge(group.status().value(), group.calls(), Long::sum);
            calls += group.calls();
            if (isEnded(group.status())) {
                ended += group.calls();
                contacted += group.status() == CallStatus.COMPLETED ? group.calls() : group.answered();
            }
            if (group.code() != null) {
                outcomeCounts.merge(Arrays.asList(group.code(), group.label()), group.calls(), Long::sum);
            }
            if ("positive".equals(group.category()) && group.ptpAmount() != null) {
                promised = promised.add(group.ptpAmount());
            }
        }
        List<CampaignStats.Outcome> outcomes = outcomeCounts.entrySet().stream()
                .map(e ->
                        new CampaignStats.Outcome(e.getKey().get(0), e.getKey().get(1), e.getValue()))
                .sorted(Comparator.comparingLong(CampaignStats.Outcome::count)
                        .reversed()
                        .thenComparing(CampaignStats.Outcome::code))
                .toList();
        BigDecimal contactRate = ended == 0
                ? null
                : BigDecimal.valueOf(contacted).divide(BigDecimal.valueOf(ended), 4, RoundingMode.HALF_UP);
        return new CampaignStats(
                campaignId,
                countCustomers ? new CampaignStats.Customers(customers, byPaymentStatus) : null,
                new CampaignStats.Calls(calls, byStatus, dialQueue.scheduled(organizationId, campaignId)),
                outcomes,
                ended,
                contacted,
                contactRate,
                promised.setScale(2, RoundingMode.HALF_UP));
    }

    /** A call the runner placed and that is over; cancelled, expired and never-initiated calls don't count. */
    static boolean isEnded(CallStatus status) {
        return status.isFinal()
                && status != CallStatus.CANCELLED
                && status != CallStatus.FAILED_TO_INITIATE
                && status != CallStatus.EXPIRED;
    }
}
