package io.agentcalls.call;

import io.agentcalls.common.ApiException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Puts a campaign's stats together from the aggregate queries. */
@Component
class CampaignStatsQuery {

    private static final List<String> PAYMENT_STATUSES = List.of("bounced", "pending", "partial", "paid", "received");
    private static final String NO_PAYMENT_STATUS = "unset";

    private final CampaignStatsRepository repository;

    CampaignStatsQuery(CampaignStatsRepository repository) {
        this.repository = repository;
    }

    /** One snapshot: the queries see the same committed data. */
    @Transactional(readOnly = true, isolation = org.springframework.transaction.annotation.Isolation.REPEATABLE_READ)
    CampaignStats stats(String organizationId, String campaignId) {
        if (!repository.campaignExists(organizationId, campaignId)) {
            throw ApiException.notFound("Campaign not found");
        }
        Map<String, Long> byPaymentStatus = new LinkedHashMap<>();
        PAYMENT_STATUSES.forEach(s -> byPaymentStatus.put(s, 0L));
        byPaymentStatus.put(NO_PAYMENT_STATUS, 0L);
        long customers = 0;
        for (CampaignStatsRepository.Count count : repository.customersByPaymentStatus(organizationId, campaignId)) {
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
        for (CampaignStatsRepository.StatusCount count : repository.callsByStatus(organizationId, campaignId)) {
            byStatus.put(count.status(), count.calls());
            calls += count.calls();
            if (isEnded(CallStatus.parse(count.status()).orElseThrow())) {
                ended += count.calls();
                contacted += count.contacted();
            }
        }

        BigDecimal promised = BigDecimal.ZERO;
        List<CampaignStats.Outcome> outcomes = new java.util.ArrayList<>();
        for (CampaignStatsRepository.OutcomeRow row : repository.outcomes(organizationId, campaignId)) {
            outcomes.add(new CampaignStats.Outcome(row.code(), row.label(), row.calls()));
            if (row.promised() != null) {
                promised = promised.add(row.promised());
            }
        }
        BigDecimal contactRate = ended == 0
                ? null
                : BigDecimal.valueOf(contacted).divide(BigDecimal.valueOf(ended), 4, RoundingMode.HALF_UP);
        return new CampaignStats(
                campaignId,
                new CampaignStats.Customers(customers, byPaymentStatus),
                new CampaignStats.Calls(calls, byStatus),
                outcomes,
                ended,
                contacted,
                contactRate,
                promised.setScale(2, RoundingMode.HALF_UP));
    }

    /** A call the runner placed and that is over; cancelled and never-initiated calls don't count. */
    static boolean isEnded(CallStatus status) {
        return status.isFinal() && status != CallStatus.CANCELLED && status != CallStatus.FAILED_TO_INITIATE;
    }
}
