-- Calls change status in place: queued -> initiated -> ringing -> in_progress -> an outcome. While an
-- index names `status` (as key, predicate or expression), every one of those UPDATEs writes a new
-- entry into every index of calls; an initiation of a million calls paid that twice (insert, then
-- the runner's acceptance). PostgreSQL's heap-only-tuple (HOT) update skips the indexes when no
-- indexed column changed and the row's page has room for the new version. So (docs/PERFORMANCE.md):
--   * the indexes name `active` and `retryable_status`, stored generated columns that stay the same
--     while a call progresses and change once, when it ends;
--   * crash recovery finds its work through the initiation's dispatch lease, not an index of
--     queued calls (which would change on the very update it is meant to spare);
--   * stuck-call checks walk active calls by age;
--   * each page keeps half its space free, room for the next version of each of its rows.

ALTER TABLE calls
    ADD COLUMN active boolean NOT NULL
        GENERATED ALWAYS AS (status IN ('queued', 'initiated', 'ringing', 'in_progress')) STORED,
    -- an outcome a retry policy may retry, until the retry scheduler has settled it
    ADD COLUMN retryable_status text
        GENERATED ALWAYS AS (CASE WHEN status IN ('no_answer', 'busy', 'failed', 'voicemail')
                                   AND retry_handled_at IS NULL THEN status END) STORED;

-- No double-dialing, even across nodes: one active call per customer and per phone number.
DROP INDEX calls_one_active_per_customer;
DROP INDEX calls_one_active_per_phone;
CREATE UNIQUE INDEX calls_one_active_per_customer ON calls (organization_id, campaign_id, customer_id) WHERE active;
CREATE UNIQUE INDEX calls_one_active_per_phone ON calls (organization_id, to_phone) WHERE active;

-- Stuck-call checks: a call that has had no update for a while was queued at least that long ago.
DROP INDEX calls_stuck;
CREATE INDEX calls_active_by_age ON calls (queued_at) WHERE active;

-- Retries read one campaign's due outcomes in (ended_at, id) order; the status is the last key
-- column so the policy's statuses are checked in the index.
DROP INDEX calls_retry_due;
CREATE INDEX calls_retry_due ON calls (organization_id, campaign_id, ended_at, id, retryable_status)
    WHERE retryable_status IS NOT NULL;

-- Campaign statistics read the campaign's calls through calls_by_customer instead.
DROP INDEX calls_by_campaign_status;

-- Crash recovery: the lease moves from every queued call to its initiation. An initiation holds it
-- from the transaction that writes its calls until all of them have left 'queued'; whoever holds it
-- (the initiation's own request, or a recovery run that took over an expired one) sends them.
DROP INDEX calls_queued;
ALTER TABLE initiations
    ADD COLUMN dispatch_by    text,
    ADD COLUMN dispatch_until timestamptz;
CREATE INDEX initiations_dispatch_due ON initiations (dispatch_until) WHERE dispatch_until IS NOT NULL;
-- calls queued before this migration: their initiations are due for recovery at once
UPDATE initiations i SET dispatch_by = 'migration', dispatch_until = now()
WHERE EXISTS (SELECT 1 FROM calls k
              WHERE k.organization_id = i.organization_id AND k.initiation_id = i.id AND k.status = 'queued');
ALTER TABLE calls DROP COLUMN claimed_by, DROP COLUMN claimed_until;

ALTER TABLE calls SET (fillfactor = 50);
