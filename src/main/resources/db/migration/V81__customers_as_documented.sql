-- Customers as the TimePay Agents API documents them (issue 16): first and last name beside the full
-- name, the loan's tenure and current instalment, and a lead's date. Filters and agent variables name
-- them like any standard field.
ALTER TABLE customers
    ADD COLUMN first_name  text,
    ADD COLUMN last_name   text,
    ADD COLUMN loan_period integer CHECK (loan_period >= 0),
    ADD COLUMN current_emi integer CHECK (current_emi >= 0),
    ADD COLUMN lead_date   date;
