package io.agentcalls.webhook;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A delivery this node holds the lease of, with what it needs to send it: the endpoint's URL, its
 * format and its live secrets (the current one first, then the previous one while it still signs).
 * {@code expiredAt} is set when the claim took over a lease that ran out (its node died) or was handed
 * back (then {@code previousHolder} is null): the attempt before may or may not have reached the
 * receiver, which deduplicates by the webhook-id.
 */
record ClaimedDelivery(
        String organizationId,
        String id,
        String endpointId,
        String payload,
        int schedulePosition,
        String url,
        WebhookFormat format,
        List<String> secrets,
        String claimToken,
        String previousHolder,
        OffsetDateTime expiredAt) {

    boolean takenOver() {
        return expiredAt != null;
    }
}
