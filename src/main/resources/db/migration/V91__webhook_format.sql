-- A webhook endpoint's format (issue 16, item 6): 'standard' (Standard Webhooks: signed, our event
-- types and call view) or 'timepay' (the TimePay Agents API's guide: Authorization: Bearer <secret>,
-- events Contacted / No Contact / Failed, its payload fields). Existing endpoints stay standard.
ALTER TABLE webhook_endpoints
    ADD COLUMN format text NOT NULL DEFAULT 'standard' CHECK (format IN ('standard', 'timepay'));
