-- The built-in runner's dial queue (issue 13): the calls themselves. A call the built-in runner
-- accepted waits (dial_state 'waiting') until dial_after; a node claims it ('dialing', stamped with
-- its id and a heartbeat lease), asks the provider outside the claiming transaction, and records
-- 'placed' (the provider's events move it on) or 'unknown' (no definite answer: never redialed).
-- A call another runner took has no dial_state.
ALTER TABLE calls
    ADD COLUMN dial_state       text CHECK (dial_state IN ('waiting', 'dialing', 'placed', 'unknown')),
    ADD COLUMN dial_after       timestamptz,
    ADD COLUMN dial_attempts    integer NOT NULL DEFAULT 0,
    ADD COLUMN dial_by          text,
    ADD COLUMN dial_until       timestamptz,
    ADD COLUMN dialed_at        timestamptz,
    -- which voice connection dials it ('simulator' until connections exist) and the provider's id
    ADD COLUMN connection_id    text,
    ADD COLUMN provider_call_id text,
    -- the next opening of a closed calling window (or the caller's startAt) the call waits for
    ADD COLUMN scheduled_for    timestamptz,
    -- not dialed by then, the call ends 'expired' (the campaign's expireAfter after acceptance)
    ADD COLUMN expires_at       timestamptz;

ALTER TABLE calls DROP CONSTRAINT calls_status_check;
ALTER TABLE calls ADD CONSTRAINT calls_status_check CHECK (status IN (
    'queued', 'initiated', 'ringing', 'in_progress', 'completed', 'no_answer',
    'busy', 'voicemail', 'failed', 'failed_to_initiate', 'cancelled', 'expired'));

-- the queue: due calls of one campaign in order, per campaign so every campaign is read fairly
CREATE INDEX calls_dial_queue ON calls (organization_id, campaign_id, dial_after) WHERE dial_state = 'waiting';
-- calls in progress (claimed or placed, not ended), counted against the pacing caps on every claim
CREATE INDEX calls_dial_in_flight ON calls (organization_id, from_number)
    WHERE active AND dial_state IN ('dialing', 'placed', 'unknown');
CREATE INDEX calls_dial_in_flight_by_campaign ON calls (organization_id, campaign_id)
    WHERE active AND dial_state IN ('dialing', 'placed', 'unknown');
CREATE INDEX calls_dial_in_flight_by_connection ON calls (organization_id, connection_id)
    WHERE active AND dial_state IN ('dialing', 'placed', 'unknown');
-- claims of a dead node, found by their lease
CREATE INDEX calls_dial_claims ON calls (dial_until) WHERE dial_state = 'dialing';

-- pacing and expiry per campaign
ALTER TABLE campaigns
    ADD COLUMN max_concurrent_calls integer CHECK (max_concurrent_calls BETWEEN 1 AND 100000),
    ADD COLUMN expire_after_seconds integer NOT NULL DEFAULT 86400
        CHECK (expire_after_seconds BETWEEN 60 AND 2592000);

-- the organization's contact policy: attempts per phone number across all its campaigns
CREATE TABLE contact_policies (
    organization_id       text NOT NULL REFERENCES organizations (id),
    max_attempts_per_day  integer NOT NULL CHECK (max_attempts_per_day BETWEEN 1 AND 100),
    max_attempts_per_week integer NOT NULL CHECK (max_attempts_per_week BETWEEN 1 AND 700),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (organization_id)
);
-- attempts per phone across the organization, for the contact policy
CREATE INDEX calls_by_phone_created ON calls (organization_id, to_phone, created_at);
