package io.agentcalls.support;

import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What PostgreSQL's statistics system says about a table, for tests of when it is analyzed. */
public final class TableStatistics {

    private final JdbcClient jdbc;

    public TableStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The planner's estimate of the table's rows. */
    public long reltuples(String table) {
        return jdbc.sql("SELECT greatest(reltuples, 0)::bigint FROM pg_class WHERE oid = CAST(:t AS regclass)")
                .param("t", table)
                .query(Long.class)
                .single();
    }

    /** Rows changed since the table was last analyzed, as far as the statistics system counted them. */
    public long changedSinceAnalyze(String table) {
        return jdbc.sql("SELECT n_mod_since_analyze FROM pg_stat_user_tables WHERE relid = CAST(:t AS regclass)")
                .param("t", table)
                .query(Long.class)
                .single();
    }

    /** The latest analyze of the table, by anyone; long ago when it was never analyzed. */
    public OffsetDateTime analyzedAt(String table) {
        return jdbc.sql("SELECT coalesce(greatest(last_analyze, last_autoanalyze), '2000-01-01Z')"
                        + " FROM pg_stat_user_tables WHERE relid = CAST(:t AS regclass)")
                .param("t", table)
                .query(OffsetDateTime.class)
                .single();
    }
}
