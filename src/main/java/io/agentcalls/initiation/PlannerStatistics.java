package io.agentcalls.initiation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings PostgreSQL's planner statistics of the tables an initiation reads up to date when a bulk
 * write has outdated them and autovacuum has not caught up yet (it looks once a minute, and only past
 * 10 % of a table). Without them the planner took a customer's primary-key lookup for a walk through
 * the campaign, and an update of a batch of calls by id for a scan of every queued call: 100,000
 * customers imported and initiated at once took 50 s instead of 10 s, growing with the square of the
 * campaign (docs/PERFORMANCE.md). Below 10,000 rows a misplanned statement costs little, and analyzing
 * a young, fast-growing table on every request would cost more.
 */
@Repository
class PlannerStatistics {

    static final long MIN_CHANGES = 10_000;

    private static final String STALE = """
            SELECT pg_stat_get_mod_since_analyze(c.oid) > :minChanges + 0.1 * greatest(c.reltuples, 0)
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

    /**
     * Analyzes the table when the rows changed since its last analyze pass autovacuum's scale
     * factor, 10 % of the table, and the floor.
     */
    boolean refreshIfStale(Table table) {
        return stale(table) && analyze(table, true);
    }

    /**
     * Analyzes the table after this request wrote at least the floor's worth of rows, whatever the
     * table's size: a bulk insert of queued calls changes what the planner must know about them (how
     * many calls are queued, how many the organization has) long before it is 10 % of the table, and
     * the statistics system may not even have counted the rows yet.
     */
    boolean refreshAfterBulkWrite(Table table, long written) {
        return written >= MIN_CHANGES && analyze(table, false);
    }

    /** @return whether this call analyzed the table (not when another request was analyzing it) */
    private boolean analyze(Table table, boolean onlyIfStillStale) {
        Boolean analyzed = transaction.execute(status -> {
            boolean locked = jdbc.sql(TRY_LOCK)
                    .param("key", LOCK_KEY)
                    .param("table", table.sql)
                    .query(Boolean.class)
                    .single();
            if (!locked || (onlyIfStillStale && !stale(table))) {
                return false;
            }
            jdbc.sql("ANALYZE " + table.sql).update();
            return true;
        });
        return Boolean.TRUE.equals(analyzed);
    }

    private boolean stale(Table table) {
        return jdbc.sql(STALE)
                .param("table", table.sql)
                .param("minChanges", MIN_CHANGES)
                .query(Boolean.class)
                .single();
    }
}
