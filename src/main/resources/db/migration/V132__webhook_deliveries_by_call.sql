-- Issue 14, the console's call detail lists the webhook deliveries of one call: the call a delivery
-- is about, set when it is enqueued (null for events about no call, and for deliveries made before).
ALTER TABLE webhook_deliveries ADD COLUMN call_id text;
CREATE INDEX webhook_deliveries_by_call ON webhook_deliveries (organization_id, call_id) WHERE call_id IS NOT NULL;
