-- Issue 11: webhook deliveries and retry claims are leased like dispatch (V60): to a node (its
-- identity, common.NodeIdentity) with a short expiry that the node's heartbeat renews, so a dead
-- node's work is resumed within seconds instead of after a fixed lease of minutes, and a stopping
-- node hands it back at once.

-- the node attempting a delivery; claimed_until is now its heartbeat lease
ALTER TABLE webhook_deliveries ADD COLUMN claimed_by text;
-- the heartbeat renews, and a stopping node hands back, the deliveries it holds: the few in flight
CREATE INDEX webhook_deliveries_claimed ON webhook_deliveries (claimed_by) WHERE claimed_until IS NOT NULL;

-- the node creating a call's retry; retry_claimed_until is now its heartbeat lease
ALTER TABLE calls ADD COLUMN retry_claimed_by text;
CREATE INDEX calls_retry_claimed ON calls (retry_claimed_by) WHERE retry_claimed_until IS NOT NULL;

-- Fairness between organizations (issue 11, item 7): the poller takes each organization's earliest
-- due deliveries, up to what its cap on deliveries in flight leaves, so one organization's backlog
-- or hanging endpoint never fills every worker. One probe per organization, led by organization_id.
CREATE INDEX webhook_deliveries_due_by_organization ON webhook_deliveries (organization_id, next_attempt_at)
    WHERE status IN ('pending', 'failed') AND next_attempt_at IS NOT NULL;
