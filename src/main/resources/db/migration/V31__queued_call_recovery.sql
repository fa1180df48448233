-- Crash recovery scans queued calls across all organizations, oldest first. Like the webhook queue,
-- this index is not led by organization_id: the work is global, and the index is small because
-- calls leave 'queued' within seconds.
CREATE INDEX calls_queued ON calls (queued_at) WHERE status = 'queued';
