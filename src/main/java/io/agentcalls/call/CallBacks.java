package io.agentcalls.call;

import io.agentcalls.campaign.Campaign;
import io.agentcalls.campaign.CampaignService;
import io.agentcalls.campaign.RetryPolicy;
import io.agentcalls.disposition.DispositionService;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Which calls' new outcomes mean "call again": those whose campaign's retry rule names a disposition
 * group ({@code retry.callBackGroupId}) holding the outcome's disposition. Decided once, in the
 * transaction that records the outcome, from the rule and the group as they are then, and stored on
 * the call, so the retry queue (the partial index calls_retry_due) gains exactly these completed
 * calls and never the others. The outcome's data may name when to call back ({@code callback_at}).
 */
@Component
class CallBacks {

    /** The member of an outcome's data that names the time to call back. */
    static final String CALLBACK_AT = "callback_at";

    private static final int MIN_YEAR = 1970;
    private static final int MAX_YEAR = 9999;

    /** A call to call back, not before {@code at} when the outcome named a time. */
    record CallBack(String organizationId, String callId, OffsetDateTime at) {}

    private final CampaignService campaigns;
    private final DispositionService dispositions;

    CallBacks(CampaignService campaigns, DispositionService dispositions) {
        this.campaigns = campaigns;
        this.dispositions = dispositions;
    }

    /** Of these calls, just given an outcome, the ones to call back; a few lookups per campaign and set. */
    List<CallBack> among(Collection<CallRow> withNewOutcome) {
        Map<String, Optional<String>> groups = new HashMap<>();
        Map<String, Set<String>> codes = new HashMap<>();
        List<CallBack> callBacks = new ArrayList<>();
        for (CallRow call : withNewOutcome) {
            if (call.dispositionCode() == null) {
                continue;
            }
            String organizationId = call.organizationId();
            Optional<String> group = groups.computeIfAbsent(
                    organizationId + ' ' + call.campaignId(),
                    k -> campaigns
                            .find(organizationId, call.campaignId())
                            .map(Campaign::retry)
                            .map(RetryPolicy::callBackGroupId));
            if (group.isEmpty()) {
                continue;
            }
            Set<String> callBackCodes = codes.computeIfAbsent(
                    organizationId + ' ' + call.dispositionSetId() + ' ' + group.get(),
                    k -> dispositions.codesAlsoIn(organizationId, call.dispositionSetId(), group.get()));
            if (callBackCodes.contains(call.dispositionCode())) {
                callBacks.add(new CallBack(organizationId, call.id(), callbackAt(call.dispositionData())));
            }
        }
        return callBacks;
    }

    /**
     * The outcome's {@code callback_at}: an ISO-8601 time, UTC when it names no offset (as the logs'
     * times); anything else is no time (the runner's data is free-form, and a call back without a
     * time is still a call back).
     */
    static OffsetDateTime callbackAt(Map<String, Object> data) {
        if (data == null || !(data.get(CALLBACK_AT) instanceof String text) || text.length() > 64) {
            return null;
        }
        OffsetDateTime at;
        try {
            at = OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC);
        } catch (DateTimeException offsetMissing) {
            try {
                at = LocalDateTime.parse(text).atOffset(ZoneOffset.UTC);
            } catch (DateTimeException notATime) {
                return null;
            }
        }
        // within what PostgreSQL stores and a person means; year 99999 is no time either
        return at.getYear() < MIN_YEAR || at.getYear() > MAX_YEAR ? null : at.truncatedTo(ChronoUnit.MICROS);
    }
}
