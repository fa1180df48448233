package io.agentcalls.initiation.selection;

import io.agentcalls.campaign.Campaign;
import io.agentcalls.contact.ContactPolicy;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the one selection statement needs: whose customers, which filters, the campaign's
 * safeguards, how many, which variables must be present, and (unless a dry run) what to write.
 *
 * @param limit null when every matching customer is to be called
 * @param windowAt the time the calling window is judged at: now, or the request's startAt
 * @param calls null for a dry run, which writes nothing
 */
public record SelectionQuery(
        String organizationId,
        String campaignId,
        Safeguards safeguards,
        FilterSql filter,
        Integer limit,
        List<String> requiredVariables,
        Set<String> customFieldNames,
        CallTemplate calls,
        OffsetDateTime windowAt) {

    /**
     * The campaign's rules a customer must pass to be called now. The calling window holds on the
     * campaign's calling days only, {@code firstDay} to {@code lastDay} (each null when unbounded), in
     * the customer's local date like the window's hours.
     */
    public record Safeguards(
            String campaignTimezone,
            String windowStart,
            String windowEnd,
            LocalDate firstDay,
            LocalDate lastDay,
            int maxAttemptsPerDay,
            int maxAttemptsPerWeek,
            ContactPolicy contactPolicy) {

        public static Safeguards of(Campaign campaign, ContactPolicy contactPolicy) {
            return new Safeguards(
                    campaign.timezone(),
                    campaign.callingWindow().start(),
                    campaign.callingWindow().end(),
                    campaign.details().startDate(),
                    campaign.details().endDate(),
                    campaign.maxAttemptsPerDay(),
                    campaign.maxAttemptsPerWeek(),
                    contactPolicy);
        }
    }

    /**
     * What the queued call rows carry.
     *
     * @param attempts the attempt number of each customer's call by customer id (retries); a customer
     *     not in it gets attempt 1
     */
    public record CallTemplate(
            String initiationId,
            String agentId,
            String dispositionSetId,
            List<String> fromNumbers,
            Map<String, Integer> attempts,
            OffsetDateTime startAt) {}

    boolean writes() {
        return calls != null;
    }
}
