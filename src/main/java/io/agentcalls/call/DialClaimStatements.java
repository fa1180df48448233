package io.agentcalls.call;

/**
 * The dial queue's two statements that decide what is dialed: the safeguard sweep and the claim
 * within the pacing caps. They run one after the other in one transaction that holds the
 * cluster-wide dial lock ({@link DialStatements#DIAL_LOCK}), so the pacing counts are exact however
 * many nodes dial (docs/CALLS.md, "The dial queue").
 */
final class DialClaimStatements {

    private DialClaimStatements() {}

    /**
     * The safeguards of selection, again, over the due calls of every active campaign (at most
     * {@code perCampaign} each, oldest first, SKIP LOCKED): expired → {@code expired}, on do-not-call →
     * {@code cancelled}, a closed window → deferred to its next opening, over the campaign's attempt
     * caps or the organization's contact policy → deferred to the next day's opening. Paused campaigns
     * are not read: their calls wait. Answers every candidate with its guard ({@code ok} to dial).
     */
    static final String SWEEP = """
            WITH candidates AS MATERIALIZED (
                SELECT k.organization_id, k.id, k.campaign_id, k.customer_id, k.to_phone, k.expires_at,
                       coalesce(cu.timezone, c.timezone) AS tz, c.calling_window_start AS window_start,
                       c.calling_window_end AS window_end, c.start_date,
                       c.max_attempts_per_day, c.max_attempts_per_week
                FROM campaigns c
                CROSS JOIN LATERAL (
                    SELECT q.organization_id, q.id, q.campaign_id, q.customer_id, q.to_phone, q.expires_at
                    FROM calls q
                    WHERE q.organization_id = c.organization_id AND q.campaign_id = c.id
                      AND q.dial_state = 'waiting' AND q.dial_after <= CAST(:now AS timestamptz)
                      AND q.status = 'initiated'
                    ORDER BY q.dial_after
                    LIMIT :perCampaign
                    FOR UPDATE OF q SKIP LOCKED) k
                LEFT JOIN customers cu ON cu.organization_id = k.organization_id
                    AND cu.campaign_id = k.campaign_id AND cu.id = k.customer_id
                WHERE c.status = 'active'
            ),
            located AS (
                SELECT cd.*, CAST(:now AS timestamptz) AT TIME ZONE cd.tz AS local_now,
                       date_trunc('day', CAST(:now AS timestamptz) AT TIME ZONE cd.tz) AT TIME ZONE cd.tz AS day_start,
                       (date_trunc('day', CAST(:now AS timestamptz) AT TIME ZONE cd.tz) - interval '6 days')
                           AT TIME ZONE cd.tz AS week_start
                FROM candidates cd
            ),
            classified AS MATERIALIZED (
                SELECT l.organization_id, l.id,
                       CASE
                           WHEN l.expires_at <= CAST(:now AS timestamptz) THEN 'expired'
                           WHEN EXISTS (SELECT 1 FROM do_not_call d
                                        WHERE d.organization_id = l.organization_id AND d.phone = l.to_phone)
                               THEN 'doNotCall'
                           WHEN NOT in_calling_window(l.local_now::time, l.window_start, l.window_end)
                                OR l.local_now::date < l.start_date THEN 'callingWindow'
                           WHEN a.today >= l.max_attempts_per_day OR a.this_week >= l.max_attempts_per_week
                               THEN 'attemptLimit'
                           WHEN p.today >= coalesce(cp.max_attempts_per_day, :policyPerDay)
                                OR p.this_week >= coalesce(cp.max_attempts_per_week, :policyPerWeek)
                               THEN 'contactPolicy'
                           ELSE 'ok'
                       END AS guard,
                       -- the window's next opening (a window crossing midnight is closed only before its start)
                       greatest(CASE WHEN l.local_now::time < l.window_start THEN l.local_now::date + l.window_start
                                     ELSE (l.local_now::date + 1) + l.window_start END,
                                l.start_date + l.window_start) AT TIME ZONE l.tz AS next_opening,
                       ((l.local_now::date + 1) + l.window_start) AT TIME ZONE l.tz AS next_day
                FROM located l
                LEFT JOIN contact_policies cp ON cp.organization_id = l.organization_id
                -- attempts are other calls that went out (not merely queued, refused or cancelled unsent)
                CROSS JOIN LATERAL (
                    SELECT count(*) FILTER (WHERE x.created_at >= l.day_start) AS today, count(*) AS this_week
                    FROM calls x
                    WHERE x.organization_id = l.organization_id AND x.campaign_id = l.campaign_id
                      AND x.customer_id = l.customer_id AND x.created_at >= l.week_start AND x.id <> l.id
                      AND x.status NOT IN ('failed_to_initiate', 'cancelled', 'expired', 'queued')
                      AND x.dial_state IS DISTINCT FROM 'waiting') a
                CROSS JOIN LATERAL (
                    SELECT count(*) FILTER (WHERE x.created_at >= l.day_start) AS today, count(*) AS this_week
                    FROM calls x
                    WHERE x.organization_id = l.organization_id AND x.to_phone = l.to_phone
                      AND x.created_at >= l.week_start AND x.id <> l.id
                      AND x.status NOT IN ('failed_to_initiate', 'cancelled', 'expired', 'queued')
                      AND x.dial_state IS DISTINCT FROM 'waiting') p
            ),
            ended AS (
                UPDATE calls k
                SET status = CASE cl.guard WHEN 'expired' THEN 'expired' ELSE 'cancelled' END,
                    failure_reason = CASE cl.guard WHEN 'expired' THEN :expiredReason ELSE 'doNotCall' END,
                    dial_state = NULL, ended_at = now(), updated_at = now()
                FROM classified cl
                WHERE k.organization_id = cl.organization_id AND k.id = cl.id AND cl.guard IN ('expired', 'doNotCall')
                RETURNING k.id),
            deferred AS (
                UPDATE calls k
                SET dial_after = CASE cl.guard WHEN 'callingWindow' THEN cl.next_opening ELSE cl.next_day END,
                    scheduled_for = CASE cl.guard WHEN 'callingWindow' THEN cl.next_opening ELSE cl.next_day END
                FROM classified cl
                WHERE k.organization_id = cl.organization_id AND k.id = cl.id
                  AND cl.guard IN ('callingWindow', 'attemptLimit', 'contactPolicy')
                RETURNING k.id)
            SELECT cl.organization_id, cl.id, cl.guard FROM classified cl
            """;

    /**
     * Claims, of the calls the sweep let through, as many as every cap leaves room for: the caller
     * number's {@code max_concurrent_calls}, the campaign's optional {@code max_concurrent_calls} and the
     * limit of the voice connection the call's agent names (the simulator's when it names none),
     * against the calls in progress (claimed or placed, not ended), and that connection's optional
     * calls per second over the last second (or 1/cps seconds when below 1). Fair: each
     * organization's campaigns take turns, and organizations take turns, in an order that rotates
     * with {@code salt}. A call passed over waits for the next claim.
     */
    static final String CLAIM = """
            WITH ok AS MATERIALIZED (
                SELECT k.organization_id, k.id, k.campaign_id, coalesce(k.from_number, '') AS from_number, k.dial_after,
                       coalesce(a.voice_connection_id, :connectionId) AS connection_id,
                       coalesce(v.max_concurrent_calls, :connectionLimit) AS connection_limit,
                       v.calls_per_second
                FROM unnest(CAST(:organizationIds AS text[]), CAST(:ids AS text[])) AS u(organization_id, id)
                -- by primary key: the sweep locked these rows in this transaction and let them through
                JOIN calls k ON k.organization_id = u.organization_id AND k.id = u.id
                LEFT JOIN agents a ON a.organization_id = k.organization_id AND a.id = k.agent_id
                LEFT JOIN voice_connections v ON v.organization_id = a.organization_id AND v.id = a.voice_connection_id
            ),
            turns AS (
                SELECT o.*, row_number() OVER (
                           PARTITION BY o.organization_id, o.campaign_id ORDER BY o.dial_after, o.id) AS turn
                FROM ok o
            ),
            org_turns AS (
                SELECT t.*, row_number() OVER (
                           PARTITION BY t.organization_id ORDER BY t.turn, md5(t.campaign_id || :salt)) AS org_turn
                FROM turns t
            ),
            fair AS (
                SELECT o.*, row_number() OVER (ORDER BY o.org_turn, md5(o.organization_id || :salt)) AS fair_rank
                FROM org_turns o
            ),
            ranked AS (
                SELECT f.*,
                       row_number() OVER (PARTITION BY f.organization_id, f.from_number ORDER BY f.fair_rank) AS on_number,
                       row_number() OVER (PARTITION BY f.organization_id, f.campaign_id ORDER BY f.fair_rank) AS in_campaign,
                       row_number() OVER (PARTITION BY f.organization_id, f.connection_id ORDER BY f.fair_rank) AS on_connection
                FROM fair f
            ),
            number_room AS MATERIALIZED (
                SELECT n.organization_id, n.from_number,
                       coalesce((SELECT p.max_concurrent_calls FROM phone_numbers p
                                 WHERE p.organization_id = n.organization_id AND p.number = n.from_number
                                   AND p.deleted_at IS NULL LIMIT 1), :defaultNumberLimit)
                       - (SELECT count(*) FROM calls x
                          WHERE x.organization_id = n.organization_id AND x.from_number = n.from_number
                            AND x.active AND x.dial_state IN %1$s) AS room
                FROM (SELECT DISTINCT organization_id, from_number FROM ok) n
            ),
            campaign_room AS MATERIALIZED (
                SELECT g.organization_id, g.campaign_id,
                       c.max_concurrent_calls - (SELECT count(*) FROM calls x
                          WHERE x.organization_id = g.organization_id AND x.campaign_id = g.campaign_id
                            AND x.active AND x.dial_state IN %1$s) AS room
                FROM (SELECT DISTINCT organization_id, campaign_id FROM ok) g
                JOIN campaigns c ON c.organization_id = g.organization_id AND c.id = g.campaign_id
            ),
            connection_room AS MATERIALIZED (
                SELECT g.organization_id, g.connection_id,
                       -- least() skips the NULL of a connection without a calls-per-second limit; the
                       -- calls dialed within the window are counted among those still in progress
                       -- (a call ends after it rings), which the partial index reads
                       least(g.connection_limit - (SELECT count(*) FROM calls x
                                 WHERE x.organization_id = g.organization_id AND x.connection_id = g.connection_id
                                   AND x.active AND x.dial_state IN %1$s),
                             floor(g.calls_per_second * greatest(1, 1 / g.calls_per_second))
                             - (SELECT count(*) FROM calls x
                                 WHERE x.organization_id = g.organization_id AND x.connection_id = g.connection_id
                                   AND x.active AND x.dial_state IN %1$s
                                   AND x.dialed_at > CAST(:now AS timestamptz)
                                       - greatest(1, 1 / g.calls_per_second) * interval '1 second')) AS room
                FROM (SELECT DISTINCT organization_id, connection_id, connection_limit, calls_per_second FROM ok) g
            ),
            chosen AS (
                SELECT r.organization_id, r.id, r.connection_id FROM ranked r
                JOIN number_room nr ON nr.organization_id = r.organization_id AND nr.from_number = r.from_number
                JOIN campaign_room cr ON cr.organization_id = r.organization_id AND cr.campaign_id = r.campaign_id
                JOIN connection_room co ON co.organization_id = r.organization_id AND co.connection_id = r.connection_id
                WHERE r.on_number <= nr.room AND (cr.room IS NULL OR r.in_campaign <= cr.room)
                  AND r.on_connection <= co.room
                ORDER BY r.fair_rank
                LIMIT :limit
            ),
            claimed AS (
                UPDATE calls k
                SET dial_state = 'dialing', dial_by = :node, dial_until = CAST(:leaseUntil AS timestamptz),
                    dial_attempts = k.dial_attempts + 1, dialed_at = CAST(:now AS timestamptz),
                    connection_id = ch.connection_id, scheduled_for = NULL
                FROM chosen ch
                WHERE k.organization_id = ch.organization_id AND k.id = ch.id
                RETURNING k.organization_id, k.id, k.campaign_id, k.customer_id, k.agent_id, k.to_phone,
                          k.from_number, k.dial_attempts, k.connection_id)
            SELECT cl.*, cu.name AS customer_name, CAST(cu.custom AS text) AS customer_fields,
                   (SELECT p.provider_number_id FROM phone_numbers p
                    WHERE p.organization_id = cl.organization_id AND p.number = cl.from_number AND p.deleted_at IS NULL
                    LIMIT 1) AS provider_number_id
            FROM claimed cl
            LEFT JOIN customers cu ON cu.organization_id = cl.organization_id AND cu.campaign_id = cl.campaign_id
                AND cu.id = cl.customer_id
            """.formatted(DialStatements.IN_FLIGHT);
}
