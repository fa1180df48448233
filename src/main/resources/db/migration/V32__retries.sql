-- Automatic retries of unsuccessful calls.

-- A campaign's retry policy: all three set, or none (retries off).
ALTER TABLE campaigns
    ADD COLUMN retry_on               text[],
    ADD COLUMN retry_max_attempts     integer CHECK (retry_max_attempts BETWEEN 2 AND 10),
    ADD COLUMN retry_interval_minutes integer CHECK (retry_interval_minutes BETWEEN 1 AND 10080),
    ADD CONSTRAINT campaigns_retry_all_or_none CHECK (
        (retry_on IS NULL) = (retry_max_attempts IS NULL) AND (retry_on IS NULL) = (retry_interval_minutes IS NULL));
-- the retry scheduler's list of campaigns to look at
CREATE INDEX campaigns_retrying ON campaigns (organization_id, id) WHERE retry_on IS NOT NULL AND status = 'active';

-- On an unsuccessful call: a scheduler's short claim while it creates the retry (released when a
-- safeguard holds the retry back), and the time it was settled for good: its retry exists, or it can
-- never be retried.
ALTER TABLE calls
    ADD COLUMN retry_claimed_until timestamptz,
    ADD COLUMN retry_handled_at    timestamptz;
-- Only unsettled unsuccessful calls, so settled ones leave it. One campaign's due calls are read in
-- (ended_at, id) order, a page at a time, stopping at the page size; status is the last key column so
-- the policy's statuses are checked in the index, without visiting the table.
CREATE INDEX calls_retry_due ON calls (organization_id, campaign_id, ended_at, id, status)
    WHERE status IN ('no_answer', 'busy', 'failed', 'voicemail') AND retry_handled_at IS NULL;
