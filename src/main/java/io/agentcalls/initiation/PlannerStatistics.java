package io.agentcalls.initiation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings PostgreSQL's planner statistics of the tables an initiation reads up to date when a bulk
 * write has outdated them and autovacuum has not caught up yet (it looks once a minute, and only past
 * 10 % of a table). Without them the planner took a customer's primary-key lookup for a walk through
 * the campaign, and an update of a batch of calls by id for a scan of all the organization's queued
 * calls: 100,000 customers imported and initiated at once took 50 s instead of 10 s, growing with the
 * square of the campaign (docs/PERFORMANCE.md). The threshold is autovacuum's 10 % of the table over
 * a floor of 10,000 rows, below which a misplanned statement costs little and analyzing a young,
 * fast-growing table on every request would cost more.
 */
@Repository
class PlannerStatistics {

    static final long MIN_CHANGES = 10_000;

    private static final String STALE = """
            SELECT CASE WHEN :countRecorded THEN pg_stat_get_mod_since_analyze(c.oid) ELSE 0 END + :written
                   > :minChanges + 0.1 * greatest(c.reltuples, 0)
            FROM pg_class c
            WHERE c.oid = CAST(:table AS regclass)
            """;
    // one analyze at a time per table; whoever finds it taken carries on with the statistics there are
    private static final String TRY_LOCK = "SELECT pg_try_advisory_xact_lock(:key, hashtext(:table))";
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

    /** Analyzes the table when the rows changed since its last analyze pass the threshold. */
    boolean refreshIfStale(Table table) {
        return refresh(table, true, 0);
    }

    /**
     * Analyzes the table when the rows this request just wrote alone pass the threshold: the
     * statistics system may not have counted them yet, and the writes of other requests are
     * autovacuum's to catch up with.
     */
    boolean refreshAfterBulkWrite(Table table, long written) {
        return refresh(table, false, written);
    }

    /** @return whether this call analyzed the table (not when another request was analyzing it) */
    private boolean refresh(Table table, boolean countRecorded, long written) {
        if (!stale(table, countRecorded, written)) {
            return false;
        }
        Boolean analyzed = transaction.execute(status -> {
            boolean locked = jdbc.sql(TRY_LOCK)
                    .param("key", LOCK_KEY)
                    .param("table", table.sql)
                    .query(Boolean.class)
                    .single();
            if (!locked || !stale(table, countRecorded, written)) {
                return false;
            }
            jdbc.sql("ANALYZE " + table.sql).update();
            return true;
        });
        return Boolean.TRUE.equals(analyzed);
    }

    private boolean stale(Table table, boolean countRecorded, long written) {
        return jdbc.sql(STALE)
                .param("table", table.sql)
                .param("countRecorded", countRecorded)
                .param("written", written)
                .param("minChanges", MIN_CHANGES)
                .query(Boolean.class)
                .single();
    }
}
