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
                phone          text NOT NULL,
                language       text,
                payment_status text,
                emi_amount     numeric(14, 2),
                emi_due_date   date,
                loan_amount    numeric(14, 2),
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
                INSERT INTO customers AS c (organization_id, campaign_id, id, name, phone, language, payment_status,
                                            emi_amount, emi_due_date, loan_amount, timezone, custom)
                SELECT :organizationId, :campaignId, id, name, phone, language, payment_status,
                       emi_amount, emi_due_date, loan_amount, timezone, custom
                FROM customer_staging
                ON CONFLICT (organization_id, campaign_id, id) DO UPDATE
                SET name = excluded.name, phone = excluded.phone, language = excluded.language,
                    payment_status = excluded.payment_status, emi_amount = excluded.emi_amount,
                    emi_due_date = excluded.emi_due_date, loan_amount = excluded.loan_amount,
                    timezone = excluded.timezone, custom = excluded.custom, updated_at = now()
                WHERE (c.name, c.phone, c.language, c.payment_status, c.emi_amount, c.emi_due_date,
                       c.loan_amount, c.timezone, c.custom)
                      IS DISTINCT FROM
                      (excluded.name, excluded.phone, excluded.language, excluded.payment_status,
                       excluded.emi_amount, excluded.emi_due_date, excluded.loan_amount, excluded.timezone,
                       excluded.custom)
                RETURNING xmax = 0 AS inserted
            )
            SELECT count(*) FROM written WHERE inserted
            """;

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

    /** Writes the staged rows into the campaign; returns how many were new. */
    long upsert(String organizationId, String campaignId) {
        return jdbc.sql(UPSERT)
                .param("organizationId", organizationId)
                .param("campaignId", campaignId)
                .query(Long.class)
                .single();
    }
}
