-- The console's search (issue 14): a customer by phone, or by the start of the name, among an
-- organization's customers, and their calls through calls_by_customer. Nothing is added to calls:
-- every index there is paid by each of a million-call initiation's inserts, and the console's call
-- list pages by the primary key, whose time-ordered ids also bound a date range.
CREATE INDEX customers_by_phone ON customers (organization_id, phone);
-- "C" order, so a prefix LIKE is a range of it and a name search takes its matches in one fixed order
CREATE INDEX customers_by_name ON customers (organization_id, (lower(name) COLLATE "C"), campaign_id, id);
