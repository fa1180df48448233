-- Call lifecycle: runner events, stuck-call reconciliation and the simulated runner's playback.

-- The runner's events name only the call id (ids are globally unique random ids; the runner is
-- never told an organization), so the events endpoint must find a call by id alone. This is the
-- one lookup that does not lead with organization_id; every statement after it filters by the
-- organization of the call it found.
CREATE INDEX calls_by_id ON calls (id);

-- The stuck-call job scans all organizations for calls the runner went quiet on. Partial, so only
-- the few initiated/ringing calls are in it and the hot UPDATEs of other statuses skip it.
CREATE INDEX calls_stuck ON calls (updated_at) WHERE status IN ('initiated', 'ringing');

-- The simulated runner's durable playback: one row per accepted call, claimed by any node with
-- FOR UPDATE SKIP LOCKED when due. The plan (outcome, durations, disposition) is decided when the
-- call is accepted, so a restart resumes the same call the same way.
CREATE TABLE simulated_call_steps (
    organization_id      text NOT NULL,
    call_id              text NOT NULL,
    from_number          text NOT NULL DEFAULT '',
    max_concurrent_calls integer NOT NULL,
    -- dial: waiting for a free line (initiated); answer: ringing; hangup: in progress
    step                 text NOT NULL CHECK (step IN ('dial', 'answer', 'hangup')),
    due_at               timestamptz NOT NULL,
    plan                 jsonb NOT NULL,
    PRIMARY KEY (organization_id, call_id)
);
-- a work queue shared by all organizations, claimed in due order
CREATE INDEX simulated_call_steps_due ON simulated_call_steps (step, due_at);
-- lines in use per caller number: calls ringing or in progress
CREATE INDEX simulated_call_steps_lines ON simulated_call_steps (organization_id, from_number)
    WHERE step <> 'dial';

