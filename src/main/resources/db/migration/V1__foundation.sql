-- Foundation schema. Every table carries organization_id and it leads every key and index,
-- so the schema can later be distributed by organization.

-- Time-ordered random ids: 12 hex digits of epoch milliseconds, then 20 random hex digits,
-- behind a type prefix. New rows append to the primary-key index instead of splitting pages.
CREATE FUNCTION new_id(prefix text) RETURNS text
LANGUAGE sql VOLATILE PARALLEL SAFE AS $$
  SELECT prefix || '_'
      || lpad(to_hex((extract(epoch FROM clock_timestamp()) * 1000)::bigint), 12, '0')
      || substr(replace(gen_random_uuid()::text, '-', ''), 1, 20)
$$;

CREATE TABLE organizations (
    id          text PRIMARY KEY,
    name        text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE api_keys (
    organization_id text NOT NULL REFERENCES organizations (id),
    id              text NOT NULL,
    name            text NOT NULL,
    key_prefix      text NOT NULL,
    key_hash        text NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    last_used_at    timestamptz,
    revoked_at      timestamptz,
    PRIMARY KEY (organization_id, id),
    UNIQUE (organization_id, key_hash)
);

CREATE TABLE campaigns (
    organization_id        text NOT NULL REFERENCES organizations (id),
    id                     text NOT NULL,
    name                   text NOT NULL,
    timezone               text NOT NULL DEFAULT 'Asia/Kolkata',
    calling_window_start   time NOT NULL DEFAULT '08:00',
    calling_window_end     time NOT NULL DEFAULT '19:00',
    max_attempts_per_day   integer NOT NULL DEFAULT 3 CHECK (max_attempts_per_day > 0),
    max_attempts_per_week  integer NOT NULL DEFAULT 7 CHECK (max_attempts_per_week > 0),
    status                 text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'archived')),
    created_at             timestamptz NOT NULL DEFAULT now(),
    updated_at             timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (organization_id, id)
);

CREATE TABLE customers (
    organization_id text NOT NULL,
    campaign_id     text NOT NULL,
    id              text NOT NULL,
    name            text,
    phone           text NOT NULL,
    language        text,
    payment_status  text CHECK (payment_status IN ('bounced', 'pending', 'partial', 'paid', 'received')),
    emi_amount      numeric(14, 2),
    emi_due_date    date,
    loan_amount     numeric(14, 2),
    timezone        text,
    custom          jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (organization_id, campaign_id, id),
    FOREIGN KEY (organization_id, campaign_id) REFERENCES campaigns (organization_id, id)
);
-- the selection order of Initiate Call(s): emi_due_date ascending, no date last, then id
CREATE INDEX customers_selection_order ON customers (organization_id, campaign_id, emi_due_date NULLS LAST, id);
CREATE INDEX customers_custom ON customers USING gin (custom jsonb_path_ops);

-- which custom field names exist in a campaign, kept on import, for filter validation
CREATE TABLE campaign_custom_fields (
    organization_id text NOT NULL,
    campaign_id     text NOT NULL,
    name            text NOT NULL,
    PRIMARY KEY (organization_id, campaign_id, name),
    FOREIGN KEY (organization_id, campaign_id) REFERENCES campaigns (organization_id, id)
);

CREATE TABLE agents (
    organization_id    text NOT NULL REFERENCES organizations (id),
    id                 text NOT NULL,
    name               text NOT NULL,
    language           text,
    voice              text,
    prompt             text NOT NULL,
    variables          text[] NOT NULL DEFAULT '{}',
    required_variables text[] NOT NULL DEFAULT '{}',
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    deleted_at         timestamptz,
    PRIMARY KEY (organization_id, id)
);

CREATE TABLE disposition_sets (
    organization_id text NOT NULL REFERENCES organizations (id),
    id              text NOT NULL,
    name            text NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    deleted_at      timestamptz,
    PRIMARY KEY (organization_id, id)
);

CREATE TABLE disposition_codes (
    organization_id    text NOT NULL,
    disposition_set_id text NOT NULL,
    code               text NOT NULL,
    label              text NOT NULL,
    category           text NOT NULL CHECK (category IN ('positive', 'negative', 'neutral', 'callback')),
    position           integer NOT NULL,
    PRIMARY KEY (organization_id, disposition_set_id, code),
    FOREIGN KEY (organization_id, disposition_set_id) REFERENCES disposition_sets (organization_id, id) ON DELETE CASCADE
);

CREATE TABLE phone_numbers (
    organization_id      text NOT NULL REFERENCES organizations (id),
    id                   text NOT NULL,
    number               text NOT NULL,
    active               boolean NOT NULL DEFAULT true,
    max_concurrent_calls integer NOT NULL DEFAULT 10 CHECK (max_concurrent_calls > 0),
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    deleted_at           timestamptz,
    PRIMARY KEY (organization_id, id)
);
CREATE UNIQUE INDEX phone_numbers_unique_number ON phone_numbers (organization_id, number) WHERE deleted_at IS NULL;

CREATE TABLE do_not_call (
    organization_id text NOT NULL REFERENCES organizations (id),
    phone           text NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (organization_id, phone)
);
