-- Campaigns and customers.

-- Campaign ids are globally unique anyway (random, time-ordered). This index breaks the rule that
-- organization_id leads every index on purpose: Initiate Call(s) must answer 403 when a caller names
-- a campaign of another organization (the seed's behaviour), and that check looks a campaign up by
-- id alone. Without the index it would scan every organization's campaigns.
CREATE UNIQUE INDEX campaigns_id_unique ON campaigns (id);
