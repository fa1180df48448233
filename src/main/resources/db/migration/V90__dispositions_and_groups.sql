-- Dispositions and disposition groups, as the TimePay Agents API documents them (issue 16).
--
-- A disposition is an organization's outcome: name, description, priority (0 highest), and for the
-- runner and reports a code (upper snake case) and a category. A group is a disposition set: the set
-- a call is classified into. Its members stay in disposition_codes, which keeps a copy of each
-- member's code, label (the disposition's name) and category, so everything that reads a call's
-- outcome (runner events, retries, stats, webhooks) reads it where it always did.

ALTER TABLE disposition_sets ADD COLUMN description text;

CREATE TABLE dispositions (
    organization_id text NOT NULL REFERENCES organizations (id),
    id              text NOT NULL,
    name            text NOT NULL,
    description     text,
    priority        integer NOT NULL DEFAULT 500 CHECK (priority BETWEEN 0 AND 1000),
    code            text NOT NULL,
    category        text NOT NULL DEFAULT 'neutral' CHECK (category IN ('positive', 'negative', 'neutral', 'callback')),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    deleted_at      timestamptz,
    PRIMARY KEY (organization_id, id)
);
-- Ids are random and unique across organizations; this lets DELETE answer the documented
-- "Access denied" for another organization's disposition (as campaigns do for Initiate Call(s)).
CREATE UNIQUE INDEX dispositions_by_id ON dispositions (id);

-- Today's sets become groups: each distinct (code, label, category) of an organization becomes one
-- disposition named by its label. Codes that only deleted sets have become deleted dispositions.
INSERT INTO dispositions (organization_id, id, name, code, category, created_at, updated_at, deleted_at)
SELECT k.organization_id, new_id('dis'), k.label, k.code, k.category, min(s.created_at), min(s.created_at),
       CASE WHEN bool_or(s.deleted_at IS NULL) THEN NULL ELSE now() END
FROM disposition_codes k
JOIN disposition_sets s ON s.organization_id = k.organization_id AND s.id = k.disposition_set_id
GROUP BY k.organization_id, k.code, k.label, k.category
ORDER BY k.organization_id, min(s.created_at), k.code;

ALTER TABLE disposition_codes ADD COLUMN disposition_id text;
UPDATE disposition_codes k SET disposition_id = d.id
FROM dispositions d
WHERE d.organization_id = k.organization_id AND d.code = k.code AND d.name = k.label AND d.category = k.category;
ALTER TABLE disposition_codes
    ALTER COLUMN disposition_id SET NOT NULL,
    ADD CONSTRAINT disposition_codes_disposition
        FOREIGN KEY (organization_id, disposition_id) REFERENCES dispositions (organization_id, id);
-- "used in group(s)": a disposition's memberships
CREATE INDEX disposition_codes_by_disposition ON disposition_codes (organization_id, disposition_id);

-- Names are unique per organization among live dispositions, and among live groups, ignoring case
-- (the documented 409s). Where today's data repeats a label (with another code or category) or a set
-- name, the later ones take their code, then their id, as a suffix; group members keep their label.
WITH ranked AS (
    SELECT organization_id, id,
           row_number() OVER (PARTITION BY organization_id, lower(name) ORDER BY created_at, id) AS n
    FROM dispositions WHERE deleted_at IS NULL)
UPDATE dispositions d SET name = d.name || ' (' || d.code || ')'
FROM ranked r WHERE r.organization_id = d.organization_id AND r.id = d.id AND r.n > 1;
WITH ranked AS (
    SELECT organization_id, id,
           row_number() OVER (PARTITION BY organization_id, lower(name) ORDER BY created_at, id) AS n
    FROM dispositions WHERE deleted_at IS NULL)
UPDATE dispositions d SET name = d.name || ' ' || d.id
FROM ranked r WHERE r.organization_id = d.organization_id AND r.id = d.id AND r.n > 1;
CREATE UNIQUE INDEX dispositions_unique_name ON dispositions (organization_id, lower(name)) WHERE deleted_at IS NULL;

WITH ranked AS (
    SELECT organization_id, id,
           row_number() OVER (PARTITION BY organization_id, lower(name) ORDER BY created_at, id) AS n
    FROM disposition_sets WHERE deleted_at IS NULL)
UPDATE disposition_sets s SET name = s.name || ' (' || s.id || ')'
FROM ranked r WHERE r.organization_id = s.organization_id AND r.id = s.id AND r.n > 1;
CREATE UNIQUE INDEX disposition_sets_unique_name ON disposition_sets (organization_id, lower(name))
    WHERE deleted_at IS NULL;
