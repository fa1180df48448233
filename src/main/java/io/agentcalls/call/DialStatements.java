package io.agentcalls.call;

/**
 * The built-in runner's dial queue in SQL: the calls themselves (docs/CALLS.md, "The dial queue").
 * The safeguard sweep and the claim run one after the other in one transaction that holds the
 * cluster-wide dial lock, so the pacing counts are exact however many nodes dial.
 */
final class DialStatements {

    private DialStatements() {}

    /** Serializes the sweep and claim across nodes; the dialing itself runs outside, in parallel. */
    static final long DIAL_LOCK = 0x4449_414c_5155_4555L;

    static final String TRY_DIAL_LOCK = "SELECT pg_try_advisory_xact_lock(:key)";

    static final String IN_FLIGHT = "('dialing', 'placed', 'unknown')";

    // The acceptance into the queue is written with the call's initiated status (CallRepository).

    /** Of these calls, those a provider placed (not the simulator): to hang up after a cancel. */
    static final String PLACED_AT_PROVIDERS = """
            SELECT id, connection_id, provider_call_id FROM calls
            WHERE organization_id = :organizationId AND id = ANY(:ids) AND dial_state = 'placed'
              AND provider_call_id IS NOT NULL AND connection_id IS NOT NULL AND connection_id <> 'simulator'
            """;

    static final String RECORD_PLACED = """
            -- dial_by stays: which node placed the call, for an operator after a crash
            UPDATE calls SET dial_state = 'placed', provider_call_id = :providerCallId, dial_until = NULL
            WHERE organization_id = :organizationId AND id = :id AND dial_state IN ('dialing', 'unknown')
            RETURNING active
            """;

    static final String RECORD_RETRY = """
            UPDATE calls
            SET dial_state = CASE WHEN active THEN 'waiting' END, dial_after = CAST(:after AS timestamptz),
                dial_by = NULL, dial_until = NULL
            WHERE organization_id = :organizationId AND id = :id AND dial_state = 'dialing'
            """;

    static final String RECORD_UNKNOWN = """
            UPDATE calls SET dial_state = 'unknown', dial_until = NULL, failure_reason = :reason
            WHERE organization_id = :organizationId AND id = :id AND dial_state = 'dialing'
            """;

    static final String RENEW = """
            UPDATE calls SET dial_until = CAST(:until AS timestamptz) WHERE dial_state = 'dialing' AND dial_by = :node
            """;

    /** A claim whose node stopped renewing it may have reached the provider: held, never redialed. */
    static final String RELEASE_DEAD = """
            UPDATE calls SET dial_state = 'unknown', dial_until = NULL
            WHERE dial_state = 'dialing' AND dial_until < CAST(:now AS timestamptz)
            """;

    static final String QUEUE_DEPTH = """
            SELECT organization_id, campaign_id, count(*) AS calls,
                   count(*) FILTER (WHERE dial_after > now()) AS scheduled
            FROM calls WHERE dial_state = 'waiting' AND status = 'initiated'
            GROUP BY organization_id, campaign_id
            """;

    static final String IN_FLIGHT_BY_LINE = """
            SELECT organization_id, coalesce(connection_id, '') AS connection_id, coalesce(from_number, '') AS from_number,
                   count(*) AS calls
            FROM calls WHERE active AND dial_state IN %s
            GROUP BY organization_id, connection_id, from_number
            """.formatted(IN_FLIGHT);

    static final String SCHEDULED_OF_CAMPAIGN = """
            SELECT count(*) FILTER (WHERE dial_after > now()) AS scheduled, count(*) AS waiting
            FROM calls
            WHERE organization_id = :organizationId AND campaign_id = :campaignId AND dial_state = 'waiting'
              AND status = 'initiated'
            """;

    /** The provider's definite no: the call fails with its reason (through the status machine's rule). */
    static final String FAIL_REFUSED = """
            WITH c AS (
                UPDATE calls k SET status = 'failed', failure_reason = :reason, dial_state = NULL,
                    dial_by = NULL, dial_until = NULL, ended_at = now(), updated_at = now()
                WHERE k.organization_id = :organizationId AND k.id = :id AND k.status IN ('queued', 'initiated')
                  AND k.dial_state = 'dialing'
                RETURNING k.*)
            SELECT %s, CAST(NULL AS text) AS disposition_label FROM c
            """.formatted(CallRowMapper.COLUMNS);
}
