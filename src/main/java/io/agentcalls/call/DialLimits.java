package io.agentcalls.call;

import java.time.Duration;

/**
 * The settings of one claim.
 *
 * @param connectionId the connection that dials the claimed calls ({@code simulator} until voice
 *     connections route agents)
 * @param connectionLimit that connection's calls in progress at most, per organization
 * @param defaultNumberLimit for a caller number no longer in phone_numbers
 * @param perCampaign due calls read per campaign in one pass
 * @param limit calls claimed at most in one pass
 * @param lease how long a claim holds without a heartbeat
 * @param contactPolicyPerDay the contact policy of an organization that has not set one
 */
public record DialLimits(
        String connectionId,
        int connectionLimit,
        int defaultNumberLimit,
        int perCampaign,
        int limit,
        Duration lease,
        int contactPolicyPerDay,
        int contactPolicyPerWeek) {}
