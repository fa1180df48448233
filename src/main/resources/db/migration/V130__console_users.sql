-- Issue 14, the console: the people of an organization who sign in with an email and a password.
CREATE TABLE console_users (
    organization_id text NOT NULL REFERENCES organizations (id),
    id              text NOT NULL,
    email           text NOT NULL CHECK (email = lower(email)),
    -- Spring Security's DelegatingPasswordEncoder format: {bcrypt}$2a$...
    password_hash   text NOT NULL,
    role            text NOT NULL CHECK (role IN ('admin', 'operator', 'viewer')),
    created_at      timestamptz NOT NULL DEFAULT now(),
    disabled_at     timestamptz,
    PRIMARY KEY (organization_id, id)
);

-- A person signs in with an email alone, before any organization is known, so an email names one
-- user across organizations. Like the global work queues, this index is not led by organization_id:
-- distributed, console_users would be a reference table (small, read at sign-in only).
CREATE UNIQUE INDEX console_users_email ON console_users (email);

-- Failed sign-ins, by email and by client address, counted over a sliding window to throttle guessing.
-- In the database so every node sees every failure. Rows older than the window are deleted as the
-- next failure of the same subject is written, and by the retention purge (SignInFailurePurge).
CREATE TABLE console_sign_in_failures (
    subject    text NOT NULL,
    failed_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX console_sign_in_failures_subject ON console_sign_in_failures (subject, failed_at);
CREATE INDEX console_sign_in_failures_by_age ON console_sign_in_failures (failed_at);
