package io.agentcalls.call;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The outcomes of a campaign's calls over a period (the console's outcomes screen): dispositions by
 * segment, contact and answer rates by hour of day. Apart from {@link CallService} so neither grows
 * past what one reader holds in mind.
 */
@Service
public class CallOutcomes {

    private final OutcomeReportRepository outcomeReports;

    CallOutcomes(OutcomeReportRepository outcomeReports) {
        this.outcomeReports = outcomeReports;
    }

    /**
     * The outcomes of the campaign's calls that ended in {@code [from, to)}, hours of day in
     * {@code zone}; the campaign is the caller's to check.
     */
    public OutcomeReport outcomes(
            String organizationId, String campaignId, OffsetDateTime from, OffsetDateTime to, String zone) {
        List<OutcomeReport.Hour> hours = outcomeReports.hours(organizationId, campaignId, from, to, zone);
        long ended = hours.stream().mapToLong(OutcomeReport.Hour::placed).sum();
        long contacted = hours.stream().mapToLong(OutcomeReport.Hour::answered).sum();
        return new OutcomeReport(
                ended, contacted, outcomeReports.segments(organizationId, campaignId, from, to), hours);
    }
}
