package io.agentcalls.initiation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentcalls.common.PlannerStatistics;
import io.agentcalls.support.ApiTest;
import io.agentcalls.support.CallingSetup;
import io.agentcalls.support.TableStatistics;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An initiation brings the planner statistics of customers up to date once a bulk write has
 * outdated them past the threshold, before it plans its selection.
 */
class InitiationStatisticsApiTest extends ApiTest {

    @Autowired
    PlannerStatistics statistics;

    @Test
    void aDryRunRightAfterABulkImportAnalyzesCustomersFirst() {
        TableStatistics tables = new TableStatistics(jdbc);
        CallingSetup setup = CallingSetup.create(this);
        int customers = (int) (PlannerStatistics.MIN_CHANGES + tables.reltuples("customers") / 5 + 100);
        OffsetDateTime beforeUpsert = tables.analyzedAt("customers");
        setup.upsert(setup.customers("P", customers));
        // the statistics system counts the upsert's rows once each connection that wrote them flushes
        // its counters: within a second, or ten when it wrote again less than a second before; unless
        // autovacuum analyzes the table first (which resets the count)
        await().atMost(Duration.ofSeconds(30))
                .until(() -> tables.changedSinceAnalyze("customers") >= customers
                        || tables.analyzedAt("customers").isAfter(beforeUpsert));

        assertThat(setup.initiate(Map.of("dryRun", true)).status()).isEqualTo(200);

        // autovacuum may have got there first; either way the plan was made on fresh statistics
        assertThat(tables.analyzedAt("customers")).isAfter(beforeUpsert);
        assertThat(statistics.refreshIfStale("customers")).isFalse();
    }
}
