-- Issue 11, bounded storage: the purge finds what is past its retention through these, oldest first,
-- across organizations (like the other global work queues, they are not led by organization_id).

-- idempotency keys still held, to release after 24 h
CREATE INDEX initiations_keys_by_age ON initiations (created_at) WHERE idempotency_key IS NOT NULL;

-- webhook deliveries, deleted with their attempts after agentcalls.retention.webhook-deliveries
CREATE INDEX webhook_deliveries_by_age ON webhook_deliveries (created_at);
