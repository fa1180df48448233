-- Outbound webhooks: endpoints, their deliveries and every delivery attempt.
-- A delivery row is written in the same transaction as the call change that causes it
-- (docs/decisions/0005-webhook-outbox.md), so webhook_deliveries is the transactional outbox.

CREATE TABLE webhook_endpoints (
    organization_id            text NOT NULL REFERENCES organizations (id),
    id                         text NOT NULL,
    url                        text NOT NULL,
    events                     text[] NOT NULL,
    active                     boolean NOT NULL DEFAULT true,
    disabled_reason            text,
    -- kept in clear: HMAC signing needs the secret itself, not a hash
    secret                     text NOT NULL,
    -- after a rotation the old secret keeps signing until previous_secret_expires_at
    previous_secret            text,
    previous_secret_expires_at timestamptz,
    created_at                 timestamptz NOT NULL DEFAULT now(),
    updated_at                 timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (organization_id, id)
);

CREATE TABLE webhook_deliveries (
    organization_id    text NOT NULL,
    -- msg_…: also the webhook-id header, the same on every attempt so receivers can deduplicate
    id                 text NOT NULL,
    endpoint_id        text NOT NULL,
    event_type         text NOT NULL,
    -- the exact body sent and signed; every attempt sends the same bytes
    payload            text NOT NULL,
    status             text NOT NULL DEFAULT 'pending'
                       CHECK (status IN ('pending', 'delivered', 'failed', 'exhausted')),
    attempts           integer NOT NULL DEFAULT 0,
    -- attempts in the current retry schedule; a redelivery starts the schedule again
    schedule_position  integer NOT NULL DEFAULT 0,
    last_response_code integer,
    last_attempt_at    timestamptz,
    -- null while pending/failed means paused: the endpoint is disabled, or it answered 410
    next_attempt_at    timestamptz,
    -- the lease of the node attempting it; an expired lease is claimable again
    claimed_until      timestamptz,
    claim_token        text,
    created_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (organization_id, id),
    FOREIGN KEY (organization_id, endpoint_id)
        REFERENCES webhook_endpoints (organization_id, id) ON DELETE CASCADE
);
CREATE INDEX webhook_deliveries_by_endpoint ON webhook_deliveries (organization_id, endpoint_id, id);
-- The delivery queue, claimed by every node with FOR UPDATE SKIP LOCKED. It is the one index not led
-- by organization_id: the poller takes the earliest due work across all organizations. It is not
-- unique, so it does not stand in the way of distributing the table by organization.
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at)
    WHERE status IN ('pending', 'failed') AND next_attempt_at IS NOT NULL;

CREATE TABLE webhook_delivery_attempts (
    organization_id text NOT NULL,
    delivery_id     text NOT NULL,
    id              text NOT NULL,
    attempted_at    timestamptz NOT NULL,
    response_code   integer,
    -- at most 1 KB of what the receiver answered
    response_body   text,
    error           text,
    duration_ms     integer NOT NULL,
    PRIMARY KEY (organization_id, delivery_id, id),
    FOREIGN KEY (organization_id, delivery_id)
        REFERENCES webhook_deliveries (organization_id, id) ON DELETE CASCADE
);
