-- Campaign figures kept as calls change (issue 14: the monitor and the outcomes screen answer within
-- 200 ms at a million calls; docs/decisions/0017-call-tallies.md). Reading them had meant reading
-- every call of the campaign, or every call of 30 days, on each request.
--
-- The calls' own triggers write what each change adds and takes away to call_tally_deltas, an
-- append-only table (no two writers ever wait on one counter row); a compactor folds the deltas into
-- the tallies in batches; a reader sums the tallies and the deltas not yet folded, in one snapshot,
-- so it sees exactly the committed calls whether or not the compactor has run.

-- What the outcomes count a call under, copied when the call is queued (QueuedCallInsert), so that
-- every later change of the call is taken away from and added to the same place: its customer's
-- payment status and language then, and its campaign's zone then (null when PostgreSQL's time zone
-- data lacks it: the call counts on UTC's clock). From the row alone, the hour it was placed on that
-- clock follows (see the triggers below).
ALTER TABLE calls
    ADD COLUMN customer_payment_status text,
    ADD COLUMN customer_language       text,
    ADD COLUMN campaign_timezone       text;

-- The zone names this server's time zone data knows.
CREATE TABLE known_time_zones (name text PRIMARY KEY);
INSERT INTO known_time_zones SELECT DISTINCT name FROM pg_timezone_names;

UPDATE calls k
SET customer_payment_status = c.payment_status, customer_language = c.language
FROM customers c
WHERE c.organization_id = k.organization_id AND c.campaign_id = k.campaign_id AND c.id = k.customer_id;
UPDATE calls k
SET campaign_timezone = z.name
FROM campaigns m
JOIN known_time_zones z ON z.name = m.timezone
WHERE m.organization_id = k.organization_id AND m.id = k.campaign_id;

-- When an ended call was placed, on its campaign's clock; null for a call the outcomes don't count.
CREATE FUNCTION call_outcome_hour(status text, initiated_at timestamptz, ended_at timestamptz, zone text)
    RETURNS timestamp
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN status IN ('completed', 'no_answer', 'busy', 'voicemail', 'failed') AND ended_at IS NOT NULL
              THEN date_trunc('hour', coalesce(initiated_at, ended_at) AT TIME ZONE coalesce(zone, 'UTC')) END
$$;

-- One row per group of a statement's changed calls: what they were taken away, what they are added.
-- disposition_code '' is "no disposition"; outcome_local_hour is null for a call the outcomes don't
-- count (not ended, or cancelled, expired or never initiated).
CREATE TABLE call_tally_deltas (
    id                     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organization_id        text    NOT NULL,
    campaign_id            text    NOT NULL,
    status                 text    NOT NULL,
    disposition_set_id     text    NOT NULL,
    disposition_code       text    NOT NULL,
    outcome_local_hour     timestamp,
    outcome_payment_status text,
    outcome_language       text,
    calls                  bigint  NOT NULL,
    answered               bigint  NOT NULL,
    ptp_calls              bigint  NOT NULL,
    ptp_amount             numeric NOT NULL
);
CREATE INDEX call_tally_deltas_by_campaign ON call_tally_deltas (organization_id, campaign_id);

-- Campaign stats and the monitor: calls by status and disposition.
CREATE TABLE call_status_tallies (
    organization_id    text    NOT NULL,
    campaign_id        text    NOT NULL,
    status             text    NOT NULL,
    disposition_set_id text    NOT NULL,
    disposition_code   text    NOT NULL,
    calls              bigint  NOT NULL,
    answered           bigint  NOT NULL,
    ptp_calls          bigint  NOT NULL,
    ptp_amount         numeric NOT NULL,
    PRIMARY KEY (organization_id, campaign_id, status, disposition_set_id, disposition_code)
);

-- The outcomes screen's answer rate: ended calls and those answered, by the hour they were placed.
-- contacted is as campaign stats count it (docs/CALLS.md): completed, or answered before it ended.
CREATE TABLE call_hour_tallies (
    organization_id text      NOT NULL,
    campaign_id     text      NOT NULL,
    local_hour      timestamp NOT NULL,
    calls           bigint    NOT NULL,
    contacted       bigint    NOT NULL,
    PRIMARY KEY (organization_id, campaign_id, local_hour)
);

-- The outcomes screen's dispositions by payment status and language, a day at a time.
CREATE TABLE call_segment_tallies (
    organization_id    text    NOT NULL,
    campaign_id        text    NOT NULL,
    local_day          date    NOT NULL,
    payment_status     text    NOT NULL,
    language           text    NOT NULL,
    disposition_set_id text    NOT NULL,
    disposition_code   text    NOT NULL,
    calls              bigint  NOT NULL,
    ptp_calls          bigint  NOT NULL,
    ptp_amount         numeric NOT NULL,
    PRIMARY KEY (organization_id, campaign_id, local_day, payment_status, language, disposition_set_id,
                 disposition_code)
);

-- Every statement's changes in one delta per group of its rows: an initiation's insert of a million
-- calls writes one, a runner's batch of 100 events or a dial pass of 500 calls a few. Per statement,
-- not per row: a per-row trigger costs a function call per call, which a batch of 500 felt (seconds).
-- The groups are what the tallies count by; an update is its rows as they were, taken away, and as
-- they are, added, so a change of nothing counted (a lease, a heartbeat, a transcript) sums to zero
-- and writes nothing.
-- (Three statements that differ only in their rows: a trigger function may name only the transition
-- tables of the event it serves, and each is planned once per session and kept.)
CREATE FUNCTION tally_changed_calls() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO call_tally_deltas (organization_id, campaign_id, status, disposition_set_id, disposition_code,
                                   outcome_local_hour, outcome_payment_status, outcome_language,
                                   calls, answered, ptp_calls, ptp_amount)
    SELECT r.organization_id, r.campaign_id, r.status, r.disposition_set_id, coalesce(r.disposition_code, ''),
           x.hour, CASE WHEN x.hour IS NOT NULL THEN coalesce(r.customer_payment_status, 'unset') END,
           CASE WHEN x.hour IS NOT NULL THEN coalesce(r.customer_language, 'unset') END,
           sum(r.sign), sum(CASE WHEN r.in_progress_at IS NOT NULL THEN r.sign ELSE 0 END),
           sum(CASE WHEN x.ptp IS NOT NULL THEN r.sign ELSE 0 END), sum(coalesce(x.ptp, 0) * r.sign)
    FROM (SELECT n.*, 1 AS sign FROM new_calls n) r,
         LATERAL (SELECT call_outcome_hour(r.status, r.initiated_at, r.ended_at, r.campaign_timezone) AS hour,
                         try_numeric(r.disposition_data ->> 'ptp_amount') AS ptp) x
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    HAVING sum(r.sign) <> 0 OR sum(CASE WHEN r.in_progress_at IS NOT NULL THEN r.sign ELSE 0 END) <> 0
        OR sum(CASE WHEN x.ptp IS NOT NULL THEN r.sign ELSE 0 END) <> 0 OR sum(coalesce(x.ptp, 0) * r.sign) <> 0;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO call_tally_deltas (organization_id, campaign_id, status, disposition_set_id, disposition_code,
                                   outcome_local_hour, outcome_payment_status, outcome_language,
                                   calls, answered, ptp_calls, ptp_amount)
    SELECT r.organization_id, r.campaign_id, r.status, r.disposition_set_id, coalesce(r.disposition_code, ''),
           x.hour, CASE WHEN x.hour IS NOT NULL THEN coalesce(r.customer_payment_status, 'unset') END,
           CASE WHEN x.hour IS NOT NULL THEN coalesce(r.customer_language, 'unset') END,
           sum(r.sign), sum(CASE WHEN r.in_progress_at IS NOT NULL THEN r.sign ELSE 0 END),
           sum(CASE WHEN x.ptp IS NOT NULL THEN r.sign ELSE 0 END), sum(coalesce(x.ptp, 0) * r.sign)
    FROM (SELECT o.*, -1 AS sign FROM old_calls o) r,
         LATERAL (SELECT call_outcome_hour(r.status, r.initiated_at, r.ended_at, r.campaign_timezone) AS hour,
                         try_numeric(r.disposition_data ->> 'ptp_amount') AS ptp) x
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    HAVING sum(r.sign) <> 0 OR sum(CASE WHEN r.in_progress_at IS NOT NULL THEN r.sign ELSE 0 END) <> 0
        OR sum(CASE WHEN x.ptp IS NOT NULL THEN r.sign ELSE 0 END) <> 0 OR sum(coalesce(x.ptp, 0) * r.sign) <> 0;
  ELSE
    INSERT INTO call_tally_deltas (organization_id, campaign_id, status, disposition_set_id, disposition_code,
                                   outcome_local_hour, outcome_payment_status, outcome_language,
                                   calls, answered, ptp_calls, ptp_amount)
    SELECT r.organization_id, r.campaign_id, r.status, r.disposition_set_id, coalesce(r.disposition_code, ''),
           x.hour, CASE WHEN x.hour IS NOT NULL THEN coalesce(r.customer_payment_status, 'unset') END,
           CASE WHEN x.hour IS NOT NULL THEN coalesce(r.customer_language, 'unset') END,
           sum(r.sign), sum(CASE WHEN r.in_progress_at IS NOT NULL THEN r.sign ELSE 0 END),
           sum(CASE WHEN x.ptp IS NOT NULL THEN r.sign ELSE 0 END), sum(coalesce(x.ptp, 0) * r.sign)
    FROM (SELECT o.*, -1 AS sign FROM old_calls o UNION ALL SELECT n.*, 1 AS sign FROM new_calls n) r,
         LATERAL (SELECT call_outcome_hour(r.status, r.initiated_at, r.ended_at, r.campaign_timezone) AS hour,
                         try_numeric(r.disposition_data ->> 'ptp_amount') AS ptp) x
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    HAVING sum(r.sign) <> 0 OR sum(CASE WHEN r.in_progress_at IS NOT NULL THEN r.sign ELSE 0 END) <> 0
        OR sum(CASE WHEN x.ptp IS NOT NULL THEN r.sign ELSE 0 END) <> 0 OR sum(coalesce(x.ptp, 0) * r.sign) <> 0;
  END IF;
  RETURN NULL;
END
$$;

-- The tallies start from the calls there are.
INSERT INTO call_tally_deltas (organization_id, campaign_id, status, disposition_set_id, disposition_code,
                               outcome_local_hour, outcome_payment_status, outcome_language,
                               calls, answered, ptp_calls, ptp_amount)
SELECT k.organization_id, k.campaign_id, k.status, k.disposition_set_id, coalesce(k.disposition_code, ''),
       x.hour, CASE WHEN x.hour IS NOT NULL THEN coalesce(k.customer_payment_status, 'unset') END,
       CASE WHEN x.hour IS NOT NULL THEN coalesce(k.customer_language, 'unset') END,
       count(*), count(k.in_progress_at), count(x.ptp), coalesce(sum(x.ptp), 0)
FROM calls k,
     LATERAL (SELECT call_outcome_hour(k.status, k.initiated_at, k.ended_at, k.campaign_timezone) AS hour,
                     try_numeric(k.disposition_data ->> 'ptp_amount') AS ptp) x
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;

CREATE TRIGGER calls_tally_insert AFTER INSERT ON calls
    REFERENCING NEW TABLE AS new_calls
    FOR EACH STATEMENT EXECUTE FUNCTION tally_changed_calls();
CREATE TRIGGER calls_tally_update AFTER UPDATE ON calls
    REFERENCING OLD TABLE AS old_calls NEW TABLE AS new_calls
    FOR EACH STATEMENT EXECUTE FUNCTION tally_changed_calls();
CREATE TRIGGER calls_tally_delete AFTER DELETE ON calls
    REFERENCING OLD TABLE AS old_calls
    FOR EACH STATEMENT EXECUTE FUNCTION tally_changed_calls();
