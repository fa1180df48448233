-- The tally trigger (V160) grouped both images of every updated row even when the update changed
-- no counted column, as most updates of calls do (the dial queue's claims and answers, leases,
-- heartbeats); bench/dial.sh measured it in every per-call update. Such an update now returns after
-- one comparison of the two images (docs/PERFORMANCE.md, "4 December, the dial loop").
CREATE OR REPLACE FUNCTION tally_changed_calls() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO call_tally_deltas (organization_id, campaign_id, status, disposition_set_id, disposition_code,
                                   outcome_local_hour, outcome_payment_status, outcome_language,
                                   calls, answered, ptp_calls, ptp_amount)
    SELECT r.organization_id, r.campaign_id, r.status, r.disposition_set_id, coalesce(r.disposition_code, ''),
           x.hour, CASE WHEN x.hour IS NOT NULL THEN coalesce(r.customer_payment_status, 'unset') END,
           CASE WHEN x.hour IS NOT NULL THEN coalesce(r.customer_language, 'unset') END,
           sum(r.sign), sum(CASE WHEN r.in_progress_at IS NOT NULL THEN r.sign ELSE 0 END),
           sum(CASE WHEN x.ptp IS NOT NULL THEN r.sign ELSE 0 END), sum(coalesce(x.ptp, 0) * r.sign)
    FROM (SELECT n.*, 1 AS sign FROM new_calls n) r,
         LATERAL (SELECT call_outcome_hour(r.status, r.initiated_at, r.ended_at, r.campaign_timezone) AS hour,
                         try_numeric(r.disposition_data ->> 'ptp_amount') AS ptp) x
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    HAVING sum(r.sign) <> 0 OR sum(CASE WHEN r.in_progress_at IS NOT NULL THEN r.sign ELSE 0 END) <> 0
        OR sum(CASE WHEN x.ptp IS NOT NULL THEN r.sign ELSE 0 END) <> 0 OR sum(coalesce(x.ptp, 0) * r.sign) <> 0;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO call_tally_deltas (organization_id, campaign_id, status, disposition_set_id, disposition_code,
                                   outcome_local_hour, outcome_payment_status, outcome_language,
                                   calls, answered, ptp_calls, ptp_amount)
    SELECT r.organization_id, r.campaign_id, r.status, r.disposition_set_id, coalesce(r.disposition_code, ''),
           x.hour, CASE WHEN x.hour IS NOT NULL THEN coalesce(r.customer_payment_status, 'unset') END,
           CASE WHEN x.hour IS NOT NULL THEN coalesce(r.customer_language, 'unset') END,
           sum(r.sign), sum(CASE WHEN r.in_progress_at IS NOT NULL THEN r.sign ELSE 0 END),
           sum(CASE WHEN x.ptp IS NOT NULL THEN r.sign ELSE 0 END), sum(coalesce(x.ptp, 0) * r.sign)
    FROM (SELECT o.*, -1 AS sign FROM old_calls o) r,
         LATERAL (SELECT call_outcome_hour(r.status, r.initiated_at, r.ended_at, r.campaign_timezone) AS hour,
                         try_numeric(r.disposition_data ->> 'ptp_amount') AS ptp) x
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    HAVING sum(r.sign) <> 0 OR sum(CASE WHEN r.in_progress_at IS NOT NULL THEN r.sign ELSE 0 END) <> 0
        OR sum(CASE WHEN x.ptp IS NOT NULL THEN r.sign ELSE 0 END) <> 0 OR sum(coalesce(x.ptp, 0) * r.sign) <> 0;
  ELSIF NOT EXISTS (
      -- an update that changed nothing a tally counts writes no delta: the dialer's claims and
      -- answers, leases and heartbeats touch only the dial and lease columns. A delta is a sum over
      -- the rows' counted values, so equal multisets of them before and after net to nothing; one
      -- hashed set difference finds that, cheaper than the grouping below (a join of the two
      -- transition tables by call id, tried first, doubled the cost of the dialer's 500-call claims)
      SELECT n.organization_id, n.campaign_id, n.status, n.disposition_set_id, n.disposition_code,
             n.initiated_at, n.ended_at, n.in_progress_at, n.disposition_data ->> 'ptp_amount',
             n.campaign_timezone, n.customer_payment_status, n.customer_language
      FROM new_calls n
      EXCEPT ALL
      SELECT o.organization_id, o.campaign_id, o.status, o.disposition_set_id, o.disposition_code,
             o.initiated_at, o.ended_at, o.in_progress_at, o.disposition_data ->> 'ptp_amount',
             o.campaign_timezone, o.customer_payment_status, o.customer_language
      FROM old_calls o) THEN
    RETURN NULL;
  ELSE
    INSERT INTO call_tally_deltas (organization_id, campaign_id, status, disposition_set_id, disposition_code,
                                   outcome_local_hour, outcome_payment_status, outcome_language,
                                   calls, answered, ptp_calls, ptp_amount)
    SELECT r.organization_id, r.campaign_id, r.status, r.disposition_set_id, coalesce(r.disposition_code, ''),
           x.hour, CASE WHEN x.hour IS NOT NULL THEN coalesce(r.customer_payment_status, 'unset') END,
           CASE WHEN x.hour IS NOT NULL THEN coalesce(r.customer_language, 'unset') END,
           sum(r.sign), sum(CASE WHEN r.in_progress_at IS NOT NULL THEN r.sign ELSE 0 END),
           sum(CASE WHEN x.ptp IS NOT NULL THEN r.sign ELSE 0 END), sum(coalesce(x.ptp, 0) * r.sign)
    FROM (SELECT o.*, -1 AS sign FROM old_calls o UNION ALL SELECT n.*, 1 AS sign FROM new_calls n) r,
         LATERAL (SELECT call_outcome_hour(r.status, r.initiated_at, r.ended_at, r.campaign_timezone) AS hour,
                         try_numeric(r.disposition_data ->> 'ptp_amount') AS ptp) x
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    HAVING sum(r.sign) <> 0 OR sum(CASE WHEN r.in_progress_at IS NOT NULL THEN r.sign ELSE 0 END) <> 0
        OR sum(CASE WHEN x.ptp IS NOT NULL THEN r.sign ELSE 0 END) <> 0 OR sum(coalesce(x.ptp, 0) * r.sign) <> 0;
  END IF;
  RETURN NULL;
END
$$;
