-- Demo data (AGENTCALLS_DEMO=true): fixed ids, safe to run on every start.
INSERT INTO organizations (id, name)
VALUES ('org_000000000000000000000000000de000', 'Demo Lender')
ON CONFLICT DO NOTHING;

-- a campaign as the TimePay Agents API describes one too (its type, schedule, languages, region, tags);
-- a demo data folder from before those fields gets them on its next start
INSERT INTO campaigns (organization_id, id, name, timezone, calling_window_start, calling_window_end, description,
                       campaign_type, start_date, end_date, languages, region, tags)
VALUES ('org_000000000000000000000000000de000', 'cmp_000000000000000000000000000de001', 'Demo: November EMI',
        'Asia/Kolkata', '00:00', '24:00', 'Demo EMI reminders for 200 borrowers', 'emi', DATE '2025-01-01',
        DATE '2099-12-31', '{hindi,english,tamil,marathi}', 'west', '{demo,emi}')
ON CONFLICT (organization_id, id) DO UPDATE
SET description = coalesce(campaigns.description, excluded.description),
    campaign_type = coalesce(campaigns.campaign_type, excluded.campaign_type),
    start_date = coalesce(campaigns.start_date, excluded.start_date),
    end_date = coalesce(campaigns.end_date, excluded.end_date),
    languages = CASE WHEN campaigns.languages = '{}' THEN excluded.languages ELSE campaigns.languages END,
    region = coalesce(campaigns.region, excluded.region),
    tags = CASE WHEN campaigns.tags = '{}' THEN excluded.tags ELSE campaigns.tags END;

INSERT INTO agents (organization_id, id, name, language, voice, prompt, variables, required_variables)
VALUES ('org_000000000000000000000000000de000', 'agt_000000000000000000000000000de001', 'EMI reminder (Hindi)',
        'hindi', 'female-1',
        'Namaste {{name}}, your EMI of {{emi_amount}} is due on {{emi_due_date}}.',
        '{}', '{name,emi_amount,emi_due_date}')
ON CONFLICT DO NOTHING;

-- Dispositions and their groups: "Collections v1" is what the demo initiates with; "Call Back" is
-- the group of outcomes that mean "call again".
INSERT INTO dispositions (organization_id, id, name, description, priority, code, category)
VALUES ('org_000000000000000000000000000de000', 'dis_000000000000000000000000000de001', 'Promise to pay',
        'The customer commits to pay by a date', 0, 'PTP', 'positive'),
       ('org_000000000000000000000000000de000', 'dis_000000000000000000000000000de002', 'Refused to pay',
        'The customer will not pay', 200, 'RTP', 'negative'),
       ('org_000000000000000000000000000de000', 'dis_000000000000000000000000000de003', 'Call back later',
        'The customer asks to be called again', 100, 'CALLBACK', 'callback'),
       ('org_000000000000000000000000000de000', 'dis_000000000000000000000000000de004', 'Wrong number',
        'The person answering is not the customer', 300, 'WRONG_NUMBER', 'negative')
ON CONFLICT DO NOTHING;

INSERT INTO disposition_sets (organization_id, id, name, description)
VALUES ('org_000000000000000000000000000de000', 'dsp_000000000000000000000000000de001', 'Collections v1',
        'What an EMI reminder call can end with'),
       ('org_000000000000000000000000000de000', 'dsp_000000000000000000000000000de002', 'Call Back',
        'Call customer again if given dispositions are found')
ON CONFLICT DO NOTHING;

INSERT INTO disposition_codes (organization_id, disposition_set_id, code, label, category, position, disposition_id)
SELECT d.organization_id, m.set_id, d.code, d.name, d.category, m.position, d.id
FROM (VALUES ('dsp_000000000000000000000000000de001', 'dis_000000000000000000000000000de001', 1),
             ('dsp_000000000000000000000000000de001', 'dis_000000000000000000000000000de002', 2),
             ('dsp_000000000000000000000000000de001', 'dis_000000000000000000000000000de003', 3),
             ('dsp_000000000000000000000000000de001', 'dis_000000000000000000000000000de004', 4),
             ('dsp_000000000000000000000000000de002', 'dis_000000000000000000000000000de003', 1))
     AS m(set_id, disposition_id, position)
JOIN dispositions d ON d.organization_id = 'org_000000000000000000000000000de000' AND d.id = m.disposition_id
ON CONFLICT DO NOTHING;

INSERT INTO phone_numbers (organization_id, id, number, active, max_concurrent_calls)
VALUES ('org_000000000000000000000000000de000', 'num_000000000000000000000000000de001', '+918045550100', true, 20)
ON CONFLICT DO NOTHING;

-- 200 borrowers with varied status, language, due date and custom fields
INSERT INTO customers (organization_id, campaign_id, id, name, phone, language, payment_status, emi_amount,
                       emi_due_date, loan_amount, custom)
SELECT 'org_000000000000000000000000000de000', 'cmp_000000000000000000000000000de001',
       'LOAN-2025-' || lpad(n::text, 5, '0'),
       (ARRAY['Asha', 'Ravi', 'Meena', 'Arjun', 'Farah', 'Vikram', 'Lakshmi', 'Imran'])[1 + n % 8] || ' ' ||
       (ARRAY['Sharma', 'Iyer', 'Khan', 'Patel', 'Reddy', 'Das'])[1 + n % 6],
       '+9198' || lpad((10000000 + n * 7919)::text, 8, '0'),
       (ARRAY['hindi', 'english', 'tamil', 'marathi'])[1 + n % 4],
       (ARRAY['bounced', 'pending', 'partial', 'paid', 'received'])[1 + n % 5],
       round((2000 + (n * 137) % 18000)::numeric, 2),
       DATE '2025-08-01' + (n % 45),
       round((50000 + (n * 7331) % 450000)::numeric, 2),
       jsonb_build_object('branch', (ARRAY['mumbai', 'delhi', 'pune', 'chennai'])[1 + n % 4],
                          'product_type', (ARRAY['personal_loan', 'home_loan', 'gold_loan'])[1 + n % 3])
FROM generate_series(1, 200) AS n
ON CONFLICT DO NOTHING;

INSERT INTO campaign_custom_fields (organization_id, campaign_id, name)
VALUES ('org_000000000000000000000000000de000', 'cmp_000000000000000000000000000de001', 'branch'),
       ('org_000000000000000000000000000de000', 'cmp_000000000000000000000000000de001', 'product_type')
ON CONFLICT DO NOTHING;
