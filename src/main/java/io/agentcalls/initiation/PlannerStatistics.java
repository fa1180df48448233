package io.agentcalls.initiation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings PostgreSQL's planner statistics of the tables an initiation reads up to date when a bulk
 * write has outdated them and autovacuum has not caught up yet (it looks once a minute). Without
 * statistics, the planner ties a customer's primary-key lookup with a walk through the whole campaign
 * in {@code customers_selection_order}, and reading each dispatch batch becomes a scan of the campaign
 * per call: 20,000 customers imported and initiated at once took 10.7 s instead of 1.1 s, and the cost
 * grows with the square of the campaign (docs/PERFORMANCE.md). The trigger is autovacuum's own analyze
 * threshold, so this only does, at once, what autovacuum is about to do.
 */
@Repository
class PlannerStatistics {

    /** autovacuum_analyze_threshold and autovacuum_analyze_scale_factor at their defaults. */
    private static final String STALE = """
            SELECT coalesce(s.n_mod_since_analyze, 0) + :pendingChanges
                   > 50 + 0.1 * greatest(c.reltuples, 0)
            FROM pg_class c LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid
            WHERE c.oid = CAST(:table AS regclass)
            """;
    // one analyze at a time per table: the others wait, see fresh statistics and skip theirs
    private static final String LOCK = "SELECT pg_advisory_xact_lock(:key, hashtext(:table))";
    private static final int LOCK_KEY = 0x5354_4154; // "STAT"

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    PlannerStatistics(JdbcClient jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /** The tables an initiation plans against; the names are fixed here, never taken from a request. */
    enum Table {
        CUSTOMERS("customers"),
        CALLS("calls");

        private final String sql;

        Table(String sql) {
            this.sql = sql;
        }
    }

    /**
     * Analyzes the table when the rows changed since its last analyze, plus {@code pendingChanges}
     * this request made that the statistics system may not have counted yet, pass autovacuum's
     * threshold.
     *
     * @return whether this call analyzed the table
     */
    boolean refreshIfStale(Table table, long pendingChanges) {
        if (!stale(table, pendingChanges)) {
            return false;
        }
        Boolean analyzed = transaction.execute(status -> {
            jdbc.sql(LOCK)
                    .param("key", LOCK_KEY)
                    .param("table", table.sql)
                    .query()
                    .singleValue();
            if (!stale(table, pendingChanges)) {
                return false;
            }
            jdbc.sql("ANALYZE " + table.sql).update();
            return true;
        });
        return Boolean.TRUE.equals(analyzed);
    }

    private boolean stale(Table table, long pendingChanges) {
        return jdbc.sql(STALE)
                .param("table", table.sql)
                .param("pendingChanges", pendingChanges)
                .query(Boolean.class)
                .single();
    }
}
