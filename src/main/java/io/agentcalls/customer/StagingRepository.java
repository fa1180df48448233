package io.agentcalls.customer;

import io.agentcalls.customer.ImportResult.RowError;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The set-based half of an upsert: a staging table private to the transaction (filled by
 * {@link StagingWriter}), then duplicates out and one INSERT … SELECT … ON CONFLICT into customers.
 */
@Repository
class StagingRepository {

    // sorts and hashes of a million staged rows stay in memory instead of spilling to disk
    private static final String RAISE_WORK_MEM = "SET LOCAL work_mem = '64MB'";
    private static final String CREATE = """
            CREATE TEMP TABLE customer_staging (
                row_number     integer NOT NULL,
                id             text NOT NULL,
                name           text,
                first_name     text,
                last_name      text,
                phone          text NOT NULL,
                language       text,
                payment_status text,
                emi_amount     numeric(14, 2),
                emi_due_date   date,
                loan_amount    numeric(14, 2),
                loan_period    integer,
                current_emi    integer,
                lead_date      date,
                timezone       text,
                custom         jsonb NOT NULL
            ) ON COMMIT DROP
            """;
    // temporary tables are never analyzed by autovacuum; the plans below need the row count
    private static final String ANALYZE = "ANALYZE customer_staging";
    private static final String REMOVE_DUPLICATES = """
            WITH duplicates AS (
                DELETE FROM customer_staging later
                WHERE EXISTS (SELECT 1 FROM customer_staging earlier
                              WHERE earlier.id = later.id AND earlier.row_number < later.row_number)
                RETURNING later.row_number, later.id
            )
            SELECT row_number, id, count(*) OVER () AS total FROM duplicates ORDER BY row_number LIMIT :limit
            """;
    // unchanged rows are not rewritten (no new row version, no index churn) and so not returned
    private static final String UPSERT = """
            WITH written AS (
                INSERT INTO customers AS c (organization_id, campaign_id, id, name, first_name, last_name, phone,
                                            language, payment_status, emi_amount, emi_due_date, loan_amount,
                                            loan_period, current_emi, lead_date, timezone, custom)
                SELECT :organizationId, :campaignId, id, name, first_name, last_name, phone, language, payment_status,
                       emi_amount, emi_due_date, loan_amount, loan_period, current_emi, lead_date, timezone, custom
                FROM customer_staging
                ON CONFLICT (organization_id, campaign_id, id) DO UPDATE
                SET name = excluded.name, first_name = excluded.first_name, last_name = excluded.last_name,
                    phone = excluded.phone, language = excluded.language,
                    payment_status = excluded.payment_status, emi_amount = excluded.emi_amount,
                    emi_due_date = excluded.emi_due_date, loan_amount = excluded.loan_amount,
                    loan_period = excluded.loan_period, current_emi = excluded.current_emi,
                    lead_date = excluded.lead_date, timezone = excluded.timezone, custom = excluded.custom,
                    updated_at = now()
                WHERE (c.name, c.first_name, c.last_name, c.phone, c.language, c.payment_status, c.emi_amount,
                       c.emi_due_date, c.loan_amount, c.loan_period, c.current_emi, c.lead_date, c.timezone, c.custom)
                      IS DISTINCT FROM
                      (excluded.name, excluded.first_name, excluded.last_name, excluded.phone, excluded.language,
                       excluded.payment_status, excluded.emi_amount, excluded.emi_due_date, excluded.loan_amount,
                       excluded.loan_period, excluded.current_emi, excluded.lead_date, excluded.timezone,
                       excluded.custom)
                RETURNING xmax = 0 AS inserted
            )
            SELECT count(*) FROM written WHERE inserted
            """;
    // Add Customer(s): only new ids are written; the staged rows whose id the campaign has already are
    // answered, in row order, as not added
    private static final String INSERT_NEW = """
            WITH written AS (
                INSERT INTO customers (organization_id, campaign_id, id, name, first_name, last_name, phone,
                                       language, payment_status, emi_amount, emi_due_date, loan_amount,
                                       loan_period, current_emi, lead_date, timezone, custom)
                SELECT :organizationId, :campaignId, id, name, first_name, last_name, phone, language, payment_status,
                       emi_amount, emi_due_date, loan_amount, loan_period, current_emi, lead_date, timezone, custom
                FROM customer_staging
                ON CONFLICT (organization_id, campaign_id, id) DO NOTHING
                RETURNING id
            )
            SELECT s.row_number, s.id, w.id IS NOT NULL AS written
            FROM customer_staging s LEFT JOIN written w ON w.id = s.id
            ORDER BY s.row_number
            """;

    static final String EXISTS = "already exists in the campaign (Update Customer changes it)";

    private final JdbcClient jdbc;

    StagingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void create() {
        jdbc.sql(RAISE_WORK_MEM).update();
        jdbc.sql(CREATE).update();
    }

    record Duplicates(long count, List<RowError> first) {}

    /** Keeps the first row of every id, deletes the later ones and reports them. */
    Duplicates removeDuplicates(int listed) {
        jdbc.sql(ANALYZE).update();
        List<RowError> first = new ArrayList<>();
        long[] total = {0};
        jdbc.sql(REMOVE_DUPLICATES).param("limit", listed).query(rs -> {
            total[0] = rs.getLong("total");
            first.add(new RowError(rs.getLong("row_number"), rs.getString("id"), "duplicate id in this request"));
        });
        return new Duplicates(total[0], first);
    }

    /** The ids {@link #insertNew} wrote, and the rows it left because their id exists, in row order. */
    record Inserted(List<String> written, List<RowError> existing) {}

    /** Writes the staged rows whose id the campaign does not have yet, leaving the others as they are. */
    Inserted insertNew(String organizationId, String campaignId) {
        List<String> written = new ArrayList<>();
        List<RowError> existing = new ArrayList<>();
        jdbc.sql(INSERT_NEW)
                .param("organizationId", organizationId)
                .param("campaignId", campaignId)
                .query(rs -> {
                    if (rs.getBoolean("written")) {
                        written.add(rs.getString("id"));
                    } else {
                        existing.add(new RowError(rs.getLong("row_number"), rs.getString("id"), EXISTS));
                    }
                });
        return new Inserted(written, existing);
    }

    /** Writes the staged rows into the campaign; returns how many were new. */
    long upsert(String organizationId, String campaignId) {
        return jdbc.sql(UPSERT)
                .param("organizationId", organizationId)
                .param("campaignId", campaignId)
                .query(Long.class)
                .single();
    }
}
