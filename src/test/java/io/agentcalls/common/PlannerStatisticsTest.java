package io.agentcalls.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcalls.support.ModuleTest;
import io.agentcalls.support.TableStatistics;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A bulk write past the threshold analyzes the table; a smaller one leaves it alone. */
@ModuleTest
class PlannerStatisticsTest {

    @Autowired
    PlannerStatistics statistics;

    @Autowired
    JdbcClient jdbc;

    @Test
    void analyzesAfterABulkWriteOnly() {
        TableStatistics tables = new TableStatistics(jdbc);
        OffsetDateTime before = tables.analyzedAt("calls");

        assertThat(statistics.refreshAfterBulkWrite("calls", PlannerStatistics.BULK_WRITE - 1))
                .isFalse();
        assertThat(statistics.refreshAfterBulkWrite("calls", PlannerStatistics.BULK_WRITE))
                .isTrue();
        assertThat(tables.analyzedAt("calls")).isAfter(before);
    }
}
