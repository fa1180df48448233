package io.agentcalls.call;

import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outcomes of a campaign's calls over a period (the console's outcomes screen): dispositions by
 * segment, contact and answer rates by hour of day, read from the tallies the calls keep
 * (docs/decisions/0017-call-tallies.md). Apart from {@link CallService} so neither grows past what
 * one reader holds in mind.
 */
@Service
public class CallOutcomes {

    private final CallTallyRepository tallies;

    CallOutcomes(CallTallyRepository tallies) {
        this.tallies = tallies;
    }

    /**
     * The outcomes of the campaign's ended calls placed on the days {@code first} to {@code last}
     * (both included) on the campaign's clock when they were placed; the campaign is the caller's to
     * check. One snapshot: the rows and the hours count the same calls.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public OutcomeReport outcomes(String organizationId, String campaignId, LocalDate first, LocalDate last) {
        List<OutcomeReport.Hour> hours = tallies.hours(organizationId, campaignId, first, last);
        long ended = hours.stream().mapToLong(OutcomeReport.Hour::placed).sum();
        long contacted = hours.stream().mapToLong(OutcomeReport.Hour::answered).sum();
        return new OutcomeReport(ended, contacted, tallies.segments(organizationId, campaignId, first, last), hours);
    }
}
