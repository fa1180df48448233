-- Voice connections (issue 13): an organization's account at a voice-AI provider, the provider
-- webhooks already applied (Vapi's server messages carry no timestamp of their own in the
-- secret header, so a replay is recognised here), and the provider side of agents and numbers.

CREATE TABLE voice_connections (
    organization_id      text NOT NULL REFERENCES organizations (id),
    id                   text NOT NULL,
    -- a VoiceProvider bean's name (checked by the service, so a new provider needs no migration)
    provider             text NOT NULL,
    name                 text NOT NULL,
    -- encrypted at rest (SecretCipher), never returned; the last four characters are shown instead
    api_key              text,
    api_key_last4        text,
    webhook_secret       text,
    max_concurrent_calls integer NOT NULL DEFAULT 10 CHECK (max_concurrent_calls > 0),
    calls_per_second     double precision CHECK (calls_per_second > 0),
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (organization_id, id)
);
CREATE UNIQUE INDEX voice_connections_unique_name ON voice_connections (organization_id, name);
-- provider webhooks name the connection alone (the URL pasted into the provider): ids are random and
-- unique across organizations, and the lookup by id is the only one that does not start with the
-- organization
CREATE UNIQUE INDEX voice_connections_id ON voice_connections (id);

-- One row per provider message applied; the unique key makes a second delivery of the same
-- message (a replay, or two nodes receiving it at once) a conflict instead of a second change.
CREATE TABLE provider_webhook_receipts (
    organization_id text NOT NULL,
    connection_id   text NOT NULL,
    replay_key      text NOT NULL,
    received_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (organization_id, connection_id, replay_key),
    FOREIGN KEY (organization_id, connection_id)
        REFERENCES voice_connections (organization_id, id) ON DELETE CASCADE
);
CREATE INDEX provider_webhook_receipts_received ON provider_webhook_receipts (organization_id, received_at);

-- The agent names its connection (same organization, by the composite key) and the provider's
-- assistant or agent id; outcome_mapping turns the provider's post-call analysis into a disposition.
ALTER TABLE agents
    ADD COLUMN voice_connection_id text,
    ADD COLUMN provider_agent_id   text,
    ADD COLUMN outcome_mapping     jsonb,
    ADD CONSTRAINT agents_voice_connection FOREIGN KEY (organization_id, voice_connection_id)
        REFERENCES voice_connections (organization_id, id) ON DELETE SET NULL (voice_connection_id);
CREATE INDEX agents_voice_connection ON agents (organization_id, voice_connection_id)
    WHERE voice_connection_id IS NOT NULL;

ALTER TABLE phone_numbers ADD COLUMN provider_number_id text;
