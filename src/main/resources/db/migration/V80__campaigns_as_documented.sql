-- Campaigns as the TimePay Agents API documents them (issue 16): a campaign type, a description,
-- the first and last calling day (the documented startTime/endTime are the calling window's start
-- and end, which exist already), languages, region, tags, a workflow id kept for the integrator,
-- and the documented statuses besides active: paused, completed and draft. Only an active campaign
-- is called; archived remains what DELETE makes of a campaign.
ALTER TABLE campaigns
    ADD COLUMN description   text,
    ADD COLUMN campaign_type text CHECK (campaign_type IN ('emi', 'edi', 'lead')),
    ADD COLUMN start_date    date,
    ADD COLUMN end_date      date,
    ADD COLUMN languages     text[] NOT NULL DEFAULT '{}',
    ADD COLUMN region        text CHECK (region IN ('north', 'south', 'east', 'west', 'central')),
    ADD COLUMN tags          text[] NOT NULL DEFAULT '{}',
    ADD COLUMN workflow_id   text,
    ADD COLUMN paused_at     timestamptz,
    ADD CONSTRAINT campaigns_schedule_in_order CHECK (start_date IS NULL OR end_date IS NULL OR start_date <= end_date);

ALTER TABLE campaigns DROP CONSTRAINT campaigns_status_check;
ALTER TABLE campaigns ADD CONSTRAINT campaigns_status_check
    CHECK (status IN ('active', 'paused', 'completed', 'draft', 'archived'));
