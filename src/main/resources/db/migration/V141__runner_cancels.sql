-- Issue 11: durable runner cancels and ambiguous runner answers made definite.

-- The outbox of cancels the workflow runner must hear (owned by the runner module). A row is written
-- in the transaction that cancels its calls (or records them failed on an ambiguous answer), claimed
-- by any node (FOR UPDATE SKIP LOCKED, a heartbeat lease like all leased work), sent until the runner
-- acknowledges it, then deleted: what stays is only what the runner has not confirmed yet.
CREATE TABLE runner_cancels (
    organization_id text NOT NULL,
    id              text NOT NULL,
    call_ids        text[] NOT NULL,
    -- cancelled: a client cancelled the calls; ambiguous_answer: a batch timed out or its connection
    -- broke after it was sent, so the runner may hold the calls
    reason          text NOT NULL CHECK (reason IN ('cancelled', 'ambiguous_answer')),
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error      text,
    claimed_by      text,
    claimed_until   timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (organization_id, id)
);
-- the queue every node claims from, across organizations (small: rows leave once acknowledged)
CREATE INDEX runner_cancels_due ON runner_cancels (next_attempt_at);
CREATE INDEX runner_cancels_claimed ON runner_cancels (claimed_by) WHERE claimed_until IS NOT NULL;

-- What the runner was told about a call: 'pending' from the cancel (or the ambiguous answer) until
-- the runner acknowledged it, then 'acknowledged'. A call the runner placed anyway (its events came
-- after the cancel) is flagged.
ALTER TABLE calls
    ADD COLUMN runner_cancel text CHECK (runner_cancel IN ('pending', 'acknowledged')),
    ADD COLUMN placed_despite_cancel boolean NOT NULL DEFAULT false;

-- A call that failed to initiate on an ambiguous answer may still be placed by the runner: until the
-- runner acknowledges its cancel it holds its customer and phone like an active call, so the partial
-- unique indexes and the selection's safeguards keep a new initiation from calling them again.
-- The column is dropped and added again rather than given a new expression (ALTER COLUMN … SET
-- EXPRESSION is PostgreSQL 17's, and an external PostgreSQL may be 14); the indexes on it go with it
-- and are made again below, as V60 and V120 made them.
DROP INDEX calls_one_active_per_customer;
DROP INDEX calls_one_active_per_phone;
DROP INDEX calls_active_by_age;
DROP INDEX calls_dial_in_flight;
DROP INDEX calls_dial_in_flight_by_campaign;
DROP INDEX calls_dial_in_flight_by_connection;
ALTER TABLE calls DROP COLUMN active;
ALTER TABLE calls
    ADD COLUMN active boolean NOT NULL
        GENERATED ALWAYS AS (
            status IN ('queued', 'initiated', 'ringing', 'in_progress')
            OR (status = 'failed_to_initiate' AND coalesce(runner_cancel, '') = 'pending')) STORED;
CREATE UNIQUE INDEX calls_one_active_per_customer ON calls (organization_id, campaign_id, customer_id) WHERE active;
CREATE UNIQUE INDEX calls_one_active_per_phone ON calls (organization_id, to_phone) WHERE active;
CREATE INDEX calls_active_by_age ON calls (queued_at) WHERE active;
CREATE INDEX calls_dial_in_flight ON calls (organization_id, from_number)
    WHERE active AND dial_state IN ('dialing', 'placed', 'unknown');
CREATE INDEX calls_dial_in_flight_by_campaign ON calls (organization_id, campaign_id)
    WHERE active AND dial_state IN ('dialing', 'placed', 'unknown');
CREATE INDEX calls_dial_in_flight_by_connection ON calls (organization_id, connection_id)
    WHERE active AND dial_state IN ('dialing', 'placed', 'unknown');
