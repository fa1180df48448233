-- Issue 11, orphaned initiations: the node answering an initiation request holds a heartbeat lease on
-- it from the moment it is recorded until its answer is stored (answer_by, answer_until). A node that
-- dies in between stops renewing it; recovery on any node then completes the initiation from what its
-- calls came to (status, counts, the initiation.completed webhook), so its Idempotency-Key replays a
-- final answer instead of 409 until the key expires.
ALTER TABLE initiations
    ADD COLUMN answer_by    text,
    ADD COLUMN answer_until timestamptz;
CREATE INDEX initiations_answer_due ON initiations (answer_until) WHERE answer_until IS NOT NULL;
-- requests recorded before this migration and still running: due to recovery at once
UPDATE initiations SET answer_by = 'migration', answer_until = now() WHERE state = 'running';

-- Issue 11, request bodies (docs/decisions/0016-initiation-request-retention.md): a repeated
-- Idempotency-Key is compared with the first request by this hash of the recorded request (jsonb's
-- text is canonical: key order and spacing do not change it), so the body itself is kept only for the
-- key's 24 h; after that the purge reduces the filters to their field names (request_trimmed_at).
ALTER TABLE initiations
    ADD COLUMN request_hash       text,
    ADD COLUMN request_trimmed_at timestamptz;
UPDATE initiations SET request_hash = encode(sha256(convert_to(CAST(request AS text), 'UTF8')), 'hex');
-- the purge's walk, oldest first, over requests not reduced yet
CREATE INDEX initiations_requests_by_age ON initiations (created_at) WHERE request_trimmed_at IS NULL;
