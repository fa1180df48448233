package io.agentcalls.initiation.record;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Skips over time, read from the answers the initiations recorded (their {@code skipped} counts,
 * in the results of a completed one or the refusal of one whose customers were all skipped). Dry
 * runs are left out: they called nobody. The day range is a range of the time-ordered ids, so the
 * read stays on the primary key.
 */
@Repository
class SkipHistoryRepository {

    private static final String BY_DAY = """
            SELECT CAST(date_trunc('day', created_at AT TIME ZONE 'UTC') AS date) AS day,
                   sum(coalesce(CAST(s ->> 'activeCall' AS bigint), 0)) AS active_call,
                   sum(coalesce(CAST(s ->> 'doNotCall' AS bigint), 0)) AS do_not_call,
                   sum(coalesce(CAST(s ->> 'attemptLimit' AS bigint), 0)) AS attempt_limit,
                   sum(coalesce(CAST(s ->> 'outsideCallingWindow' AS bigint), 0)) AS outside_window
            FROM (SELECT created_at, jsonb_path_query_first(r, 'strict $.**.skipped') AS s
                  FROM (SELECT created_at, CAST(response AS jsonb) AS r FROM initiations
                        WHERE organization_id = :organizationId AND id >= :fromId AND id < :untilId
                          AND response IS NOT NULL) answers
                  WHERE NOT jsonb_path_exists(r, '$.results.dryRun ? (@ == true)')) skips
            WHERE jsonb_typeof(s) = 'object'
            GROUP BY 1 ORDER BY 1
            """;

    record Day(LocalDate day, long activeCall, long doNotCall, long attemptLimit, long outsideWindow) {}

    private final JdbcClient jdbc;

    SkipHistoryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Day> byDay(String organizationId, Instant from, Instant until) {
        return jdbc.sql(BY_DAY)
                .param("organizationId", organizationId)
                .param("fromId", idAt(from))
                .param("untilId", idAt(until))
                .query((rs, n) -> new Day(
                        rs.getObject("day", LocalDate.class),
                        rs.getLong("active_call"),
                        rs.getLong("do_not_call"),
                        rs.getLong("attempt_limit"),
                        rs.getLong("outside_window")))
                .list();
    }

    /** The smallest initiation id made at this instant: "ini_", 12 hex digits of epoch ms, then random. */
    private static String idAt(Instant instant) {
        return "ini_" + String.format("%012x", instant.toEpochMilli());
    }
}
