package io.agentcalls.initiation.selection;

/**
 * What the organization and campaign hold that a safeguard's probe could find, and so which probes
 * the selection joins: a campaign's first initiation, in an organization without active calls or a
 * do-not-call list, needs none of them (docs/PERFORMANCE.md, the second round, 8).
 */
record SafeguardProbes(
        boolean campaignHasCalls,
        boolean organizationHasActiveCalls,
        boolean organizationHasDoNotCall,
        boolean organizationHasCalls) {

    static final SafeguardProbes ALL = new SafeguardProbes(true, true, true, true);

    // Every safeguard is one index probe per customer by the customer's own keys: linear whatever the
    // planner believes. Plain joins on constants let it judge an organization newer than its
    // statistics to have one call, and read all of them for every customer; on m's columns alone it
    // hashed every active call of every organization instead (docs/PERFORMANCE.md, the first round, 3).
    private static final String ACTIVE_CALL_OF_CUSTOMER = """
            LEFT JOIN LATERAL (
                SELECT ac.id FROM calls ac
                WHERE ac.organization_id = m.organization_id AND ac.campaign_id = m.campaign_id
                  AND ac.customer_id = m.id AND ac.active
                LIMIT 1
            ) ac ON true""";
    private static final String ACTIVE_CALL_ON_PHONE = """
            LEFT JOIN LATERAL (
                SELECT ap.id FROM calls ap
                WHERE ap.organization_id = m.organization_id AND ap.to_phone = m.phone AND ap.active
                LIMIT 1
            ) ap ON true""";
    private static final String DO_NOT_CALL = """
            LEFT JOIN LATERAL (
                SELECT d.phone FROM do_not_call d WHERE d.organization_id = m.organization_id AND d.phone = m.phone
                LIMIT 1
            ) d ON true""";
    private static final String RECENT_ATTEMPTS = """
            LEFT JOIN LATERAL (
                SELECT count(*) FILTER (WHERE k.created_at >= date_trunc('day', now() AT TIME ZONE m.tz) AT TIME ZONE m.tz) AS today,
                       count(*) AS this_week
                FROM calls k
                WHERE k.organization_id = m.organization_id AND k.campaign_id = m.campaign_id AND k.customer_id = m.id
                  AND k.created_at >= (date_trunc('day', now() AT TIME ZONE m.tz) - interval '6 days') AT TIME ZONE m.tz
                  -- a call that failed on an ambiguous runner answer may have been placed: it counts until
                  -- the runner acknowledged its cancel
                  AND (k.status <> 'failed_to_initiate' OR k.runner_cancel = 'pending')
            ) a ON true""";

    // The contact policy: calls that went out to this phone, in any of the organization's campaigns.
    private static final String PHONE_ATTEMPTS = """
            LEFT JOIN LATERAL (
                SELECT count(*) FILTER (WHERE k.created_at >= date_trunc('day', now() AT TIME ZONE m.tz) AT TIME ZONE m.tz) AS today,
                       count(*) AS this_week
                FROM calls k
                WHERE k.organization_id = m.organization_id AND k.to_phone = m.phone
                  AND k.created_at >= (date_trunc('day', now() AT TIME ZONE m.tz) - interval '6 days') AT TIME ZONE m.tz
                  AND k.status NOT IN ('failed_to_initiate', 'cancelled', 'expired')
            ) pa ON true""";

    // What a probe answers when the precheck found nothing it could find.
    private static final String NO_ACTIVE_CALL_OF_CUSTOMER = "CROSS JOIN (SELECT CAST(NULL AS text) AS id) ac";
    private static final String NO_ACTIVE_CALL_ON_PHONE = "CROSS JOIN (SELECT CAST(NULL AS text) AS id) ap";
    private static final String NO_DO_NOT_CALL = "CROSS JOIN (SELECT CAST(NULL AS text) AS phone) d";
    private static final String NO_PHONE_ATTEMPTS =
            "CROSS JOIN (SELECT CAST(0 AS bigint) AS today, CAST(0 AS bigint) AS this_week) pa";
    private static final String NO_RECENT_ATTEMPTS =
            "CROSS JOIN (SELECT CAST(0 AS bigint) AS today, CAST(0 AS bigint) AS this_week) a";

    /** The joins that give the statement's {@code ac}, {@code ap}, {@code d}, {@code a} and {@code pa}. */
    String joins() {
        return String.join(
                "\n",
                campaignHasCalls && organizationHasActiveCalls ? ACTIVE_CALL_OF_CUSTOMER : NO_ACTIVE_CALL_OF_CUSTOMER,
                organizationHasActiveCalls ? ACTIVE_CALL_ON_PHONE : NO_ACTIVE_CALL_ON_PHONE,
                organizationHasDoNotCall ? DO_NOT_CALL : NO_DO_NOT_CALL,
                campaignHasCalls ? RECENT_ATTEMPTS : NO_RECENT_ATTEMPTS,
                organizationHasCalls ? PHONE_ATTEMPTS : NO_PHONE_ATTEMPTS);
    }
}
