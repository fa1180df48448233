package io.agentcalls.webhook;

import java.util.List;

/**
 * A delivery this node holds the lease of, with what it needs to send it: the endpoint's URL, its
 * format and its live secrets (the current one first, then the previous one while it still signs).
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
        String claimToken) {}
