package io.agentcalls.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentcalls.support.ApiTest;
import io.agentcalls.support.CallingSetup;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An initiation brings the planner statistics of customers and calls up to date once a bulk write
 * has outdated them past the threshold, and leaves them alone otherwise.
 */
class PlannerStatisticsTest extends ApiTest {

    @Autowired
    PlannerStatistics statistics;

    @Test
    void analyzesAfterABulkWriteOnly() {
        OffsetDateTime before = analyzedAt("calls");

        assertThat(statistics.refreshAfterBulkWrite("calls", PlannerStatistics.BULK_WRITE - 1))
                .isFalse();
        assertThat(statistics.refreshAfterBulkWrite("calls", PlannerStatistics.BULK_WRITE))
                .isTrue();
        assertThat(analyzedAt("calls")).isAfter(before);
    }

    @Test
    void aDryRunRightAfterABulkImportAnalyzesCustomersFirst() {
        CallingSetup setup = CallingSetup.create(this);
        int customers = (int) (PlannerStatistics.MIN_CHANGES + reltuples("customers") / 5 + 100);
        OffsetDateTime beforeUpsert = analyzedAt("customers");
        setup.upsert(setup.customers("P", customers));
        // the statistics system counts the upsert's rows once each connection that wrote them flushes
        // its counters: within a second, or ten when it wrote again less than a second before; unless
        // autovacuum analyzes the table first (which resets the count)
        await().atMost(Duration.ofSeconds(30))
                .until(() -> changedSinceAnalyze("customers") >= customers
                        || analyzedAt("customers").isAfter(beforeUpsert));

        assertThat(setup.initiate(Map.of("dryRun", true)).status()).isEqualTo(200);

        // autovacuum may have got there first; either way the plan was made on fresh statistics
        assertThat(analyzedAt("customers")).isAfter(beforeUpsert);
        assertThat(statistics.refreshIfStale("customers")).isFalse();
    }

    private long reltuples(String table) {
        return jdbc.sql("SELECT greatest(reltuples, 0)::bigint FROM pg_class WHERE oid = CAST(:t AS regclass)")
                .param("t", table)
                .query(Long.class)
                .single();
    }

    private long changedSinceAnalyze(String table) {
        return jdbc.sql("SELECT n_mod_since_analyze FROM pg_stat_user_tables WHERE relid = CAST(:t AS regclass)")
                .param("t", table)
                .query(Long.class)
                .single();
    }

    /** The latest analyze of the table, by anyone; long ago when it was never analyzed. */
    private OffsetDateTime analyzedAt(String table) {
        return jdbc.sql("SELECT coalesce(greatest(last_analyze, last_autoanalyze), '2000-01-01Z')"
                        + " FROM pg_stat_user_tables WHERE relid = CAST(:t AS regclass)")
                .param("t", table)
                .query(OffsetDateTime.class)
                .single();
    }
}
