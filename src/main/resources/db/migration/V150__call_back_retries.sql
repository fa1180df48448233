-- A campaign's retry rule may name the disposition group that means "call again" (issue 16; the
-- TimePay catalogue's example group "Call Back": "Call customer again if given dispositions are
-- found"). A call whose outcome is a disposition of that group is retried like an unsuccessful one,
-- whatever status it ended with, at the time the outcome asks for if it names one.

-- The group named by the rule; only with retries on. Not a foreign key: groups are the disposition
-- module's, checked through its service when the rule is set, and a group deleted later simply
-- calls nobody back.
ALTER TABLE campaigns
    ADD COLUMN retry_call_back_group_id text,
    ADD CONSTRAINT campaigns_call_back_needs_retry CHECK (retry_call_back_group_id IS NULL OR retry_on IS NOT NULL);

-- Set once, in the transaction that records the call's outcome, from the campaign's rule as it is
-- then: the outcome is in the campaign's call-back group. call_back_at is the time the outcome
-- asked to be called back (its data's callback_at), not before which the retry is made.
ALTER TABLE calls
    ADD COLUMN call_back    boolean NOT NULL DEFAULT false,
    ADD COLUMN call_back_at timestamptz;

-- The retry queue now holds, besides the unsuccessful calls, the ended calls to call back, and only
-- those: a completed call with any other outcome stays out of it. (Dropped and added again rather
-- than ALTER ... SET EXPRESSION, which PostgreSQL before 17 lacks; both rewrite the table.)
DROP INDEX calls_retry_due;
ALTER TABLE calls DROP COLUMN retryable_status;
ALTER TABLE calls
    ADD COLUMN retryable_status text
        GENERATED ALWAYS AS (CASE WHEN retry_handled_at IS NULL THEN
                                 CASE WHEN call_back AND status IN ('completed', 'no_answer', 'busy', 'voicemail', 'failed')
                                      THEN 'call_back'
                                      WHEN status IN ('no_answer', 'busy', 'failed', 'voicemail') THEN status END
                             END) STORED;
-- call_back_at rides along so a page's wait for it is checked in the index, like the status.
CREATE INDEX calls_retry_due ON calls (organization_id, campaign_id, ended_at, id, retryable_status)
    INCLUDE (call_back_at) WHERE retryable_status IS NOT NULL;
