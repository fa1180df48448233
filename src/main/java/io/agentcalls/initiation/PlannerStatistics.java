package io.agentcalls.initiation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * a young, fast-growing table on every request would cost more; a table never analyzed at all, though,
 * leaves the planner blind enough to scan a few thousand rows per customer, so it is analyzed early.
 */
@Repository
class PlannerStatistics {

    private static final Logger log = LoggerFactory.getLogger(PlannerStatistics.class);

    static final long MIN_CHANGES = 10_000;
    /** A table never analyzed leaves the planner blind however small it is; it gets its first look early. */
    static final long FIRST_ANALYSIS = 1_000;
    /**
     * A request's own insert worth analyzing for: below it a misjudged share of queued calls costs
     * dispatch less than the analyze itself (about a second on a table of millions).
     */
    static final long BULK_WRITE = 50_000;

    private static final String STALE = """
            SELECT CASE WHEN coalesce(pg_stat_get_last_analyze_time(c.oid), pg_stat_get_last_autoanalyze_time(c.oid))
                             IS NULL
                        THEN pg_stat_get_mod_since_analyze(c.oid) >= :firstAnalysis
                        ELSE pg_stat_get_mod_since_analyze(c.oid) > :minChanges + 0.1 * greatest(c.reltuples, 0)
                   END
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
     * factor, 10 % of the table, and the floor; or, if it was never analyzed, a thousand rows.
     */
    boolean refreshIfStale(Table table) {
        return stale(table) && analyze(table, true);
    }

    /**
     * Analyzes the table after this request wrote {@link #BULK_WRITE} rows or more, whatever the
     * table's size: a bulk insert of queued calls changes what the planner must know about them (how
     * many calls are queued, how many the organization has) long before it is 10 % of the table, and
     * the statistics system may not even have counted the rows yet.
     */
    boolean refreshAfterBulkWrite(Table table, long written) {
        return written >= BULK_WRITE && analyze(table, false);
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
            long started = System.nanoTime();
            jdbc.sql("ANALYZE " + table.sql).update();
            log.info("Analyzed {} in {} ms", table.sql, (System.nanoTime() - started) / 1_000_000);
            return true;
        });
        return Boolean.TRUE.equals(analyzed);
    }

    private boolean stale(Table table) {
        return jdbc.sql(STALE)
                .param("table", table.sql)
                .param("minChanges", MIN_CHANGES)
                .param("firstAnalysis", FIRST_ANALYSIS)
                .query(Boolean.class)
                .single();
    }
}
