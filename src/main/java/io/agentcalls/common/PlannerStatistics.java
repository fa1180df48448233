package io.agentcalls.common;

import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings PostgreSQL's planner statistics of a table up to date when a bulk write has outdated them
 * and autovacuum has not caught up yet (it looks once a minute, and only past 10 % of a table).
 * Without them the planner took a customer's primary-key lookup for a walk through the campaign, and
 * an update of a batch of calls by id for a scan of every queued call, growing with the square of the
 * campaign (docs/PERFORMANCE.md, the first round, 1). Below 10,000 rows a misplanned statement costs
 * little, and analyzing a young, fast-growing table on every request would cost more; a table never
 * analyzed at all, though, leaves the planner blind enough to scan a few thousand rows per customer,
 * so it is analyzed early. The module that owns a table decides when to ask, and names the table.
 */
@Repository
public class PlannerStatistics {

    private static final Logger log = LoggerFactory.getLogger(PlannerStatistics.class);

    public static final long MIN_CHANGES = 10_000;
    /** A table never analyzed leaves the planner blind however small it is; it gets its first look early. */
    public static final long FIRST_ANALYSIS = 1_000;
    /**
     * A request's own insert worth analyzing for: below it a misjudged share of queued calls costs
     * dispatch less than the analyze itself (docs/PERFORMANCE.md, "PlannerStatistics and autovacuum").
     */
    public static final long BULK_WRITE = 50_000;

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

    /** A table's name as its owner spells it: a constant of the owning module, never a request's. */
    private static final Pattern TABLE = Pattern.compile("[a-z_]+");

    /**
     * Analyzes the table when the rows changed since its last analyze pass autovacuum's scale
     * factor, 10 % of the table, and the floor; or, if it was never analyzed, a thousand rows.
     */
    public boolean refreshIfStale(String table) {
        return stale(checked(table)) && analyze(table, true);
    }

    /**
     * Analyzes the table after this request wrote {@link #BULK_WRITE} rows or more, whatever the
     * table's size: a bulk insert of queued calls changes what the planner must know about them (how
     * many calls are queued, how many the organization has) long before it is 10 % of the table, and
     * the statistics system may not even have counted the rows yet.
     */
    public boolean refreshAfterBulkWrite(String table, long written) {
        return written >= BULK_WRITE && analyze(checked(table), false);
    }

    /** @return whether this call analyzed the table (not when another request was analyzing it) */
    private boolean analyze(String table, boolean onlyIfStillStale) {
        Boolean analyzed = transaction.execute(status -> {
            boolean locked = jdbc.sql(TRY_LOCK)
                    .param("key", LOCK_KEY)
                    .param("table", table)
                    .query(Boolean.class)
                    .single();
            if (!locked || (onlyIfStillStale && !stale(table))) {
                return false;
            }
            long started = System.nanoTime();
            jdbc.sql("ANALYZE " + table).update();
            log.info("Analyzed {} in {} ms", table, (System.nanoTime() - started) / 1_000_000);
            return true;
        });
        return Boolean.TRUE.equals(analyzed);
    }

    private boolean stale(String table) {
        return jdbc.sql(STALE)
                .param("table", table)
                .param("minChanges", MIN_CHANGES)
                .param("firstAnalysis", FIRST_ANALYSIS)
                .query(Boolean.class)
                .single();
    }

    private static String checked(String table) {
        if (!TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException("Not a table name: " + table);
        }
        return table;
    }
}
