-- Calls and initiations: the rows the Initiate Call(s) job writes and the lifecycle follows.

CREATE TABLE initiations (
    organization_id  text NOT NULL REFERENCES organizations (id),
    id               text NOT NULL,
    campaign_id      text NOT NULL,
    api_key_id       text,
    idempotency_key  text,
    request          jsonb NOT NULL,
    state            text NOT NULL DEFAULT 'running' CHECK (state IN ('running', 'completed')),
    response_status  integer,
    -- the answer exactly as sent, so an idempotent replay is byte-for-byte the same
    response         text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    completed_at     timestamptz,
    PRIMARY KEY (organization_id, id)
);
-- an Idempotency-Key names one request per organization; keys older than 24 h are released
CREATE UNIQUE INDEX initiations_idempotency_key ON initiations (organization_id, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
CREATE INDEX initiations_by_campaign ON initiations (organization_id, campaign_id, id);

CREATE TABLE calls (
    organization_id    text NOT NULL REFERENCES organizations (id),
    id                 text NOT NULL,
    campaign_id        text NOT NULL,
    customer_id        text NOT NULL,
    initiation_id      text,
    batch              integer,
    agent_id           text NOT NULL,
    disposition_set_id text NOT NULL,
    from_number        text,
    to_phone           text NOT NULL,
    status             text NOT NULL DEFAULT 'queued' CHECK (status IN (
                           'queued', 'initiated', 'ringing', 'in_progress', 'completed', 'no_answer',
                           'busy', 'voicemail', 'failed', 'failed_to_initiate', 'cancelled')),
    attempt            integer NOT NULL DEFAULT 1,
    -- who is sending a queued call (its initiation, or a recovery run) and until when; an expired
    -- lease lets recovery send it again
    claimed_by         text,
    claimed_until      timestamptz,
    queued_at          timestamptz NOT NULL DEFAULT now(),
    initiated_at       timestamptz,
    ringing_at         timestamptz,
    in_progress_at     timestamptz,
    ended_at           timestamptz,
    duration_seconds   integer,
    disposition_code   text,
    disposition_data   jsonb,
    recording_url      text,
    transcript         text,
    failure_reason     text,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (organization_id, id)
);
-- No double-dialing, even across nodes: one active call per customer and per phone number.
CREATE UNIQUE INDEX calls_one_active_per_customer ON calls (organization_id, campaign_id, customer_id)
    WHERE status IN ('queued', 'initiated', 'ringing', 'in_progress');
CREATE UNIQUE INDEX calls_one_active_per_phone ON calls (organization_id, to_phone)
    WHERE status IN ('queued', 'initiated', 'ringing', 'in_progress');
CREATE INDEX calls_by_initiation_batch ON calls (organization_id, initiation_id, batch);
-- attempt caps count a customer's recent calls
CREATE INDEX calls_by_customer ON calls (organization_id, campaign_id, customer_id, created_at);
CREATE INDEX calls_by_campaign_status ON calls (organization_id, campaign_id, status);

-- Casts that answer null instead of failing, for filters on custom fields whose values are free text.
CREATE FUNCTION try_numeric(value text) RETURNS numeric
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN value ~ '^\s*-?[0-9]+(\.[0-9]+)?\s*$' THEN value::numeric END
$$;

CREATE FUNCTION try_date(value text) RETURNS date
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
  IF value IS NULL OR value !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN
    RETURN NULL;
  END IF;
  RETURN value::date;
EXCEPTION WHEN others THEN
  RETURN NULL;
END
$$;

-- Whether a local time of day falls in a calling window; a window whose end is before its start
-- crosses midnight, and 00:00-24:00 is all day.
CREATE FUNCTION in_calling_window(local_time time, window_start time, window_end time) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN window_start <= window_end
              THEN local_time >= window_start AND local_time < window_end
              ELSE local_time >= window_start OR local_time < window_end END
$$;
