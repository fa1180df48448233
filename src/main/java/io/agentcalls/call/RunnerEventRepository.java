package io.agentcalls.call;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The statements of a batch of runner events: lock the calls, read their codes, write them back. */
@Repository
class RunnerEventRepository {

    // The runner knows only call ids: the one lookup by id alone (index calls_by_id). Locked in a
    // fixed order so concurrent batches touching the same calls cannot deadlock.
    private static final String LOCK_BY_ID = """
            SELECT %s, d.label AS disposition_label FROM calls c
            %s
            WHERE c.id = ANY(:ids)
            ORDER BY c.organization_id, c.id
            FOR UPDATE OF c
            """.formatted(CallRowMapper.COLUMNS, CallRowMapper.LABEL_JOIN);
    private static final String DISPOSITION_CODES = """
            SELECT d.organization_id, d.disposition_set_id, d.code, d.label FROM disposition_codes d
            JOIN unnest(CAST(:organizationIds AS text[]), CAST(:setIds AS text[])) AS s(organization_id, set_id)
              ON d.organization_id = s.organization_id AND d.disposition_set_id = s.set_id
            """;
    private static final String SAVE_PROGRESS = """
            UPDATE calls c
            SET status = u.status, initiated_at = u.initiated_at, ringing_at = u.ringing_at,
                in_progress_at = u.in_progress_at, ended_at = u.ended_at, duration_seconds = u.duration_seconds,
                disposition_code = u.disposition_code, disposition_data = CAST(u.disposition_data AS jsonb),
                recording_url = u.recording_url, transcript = u.transcript, updated_at = u.updated_at
            FROM unnest(CAST(:organizationIds AS text[]), CAST(:ids AS text[]), CAST(:statuses AS text[]),
                        CAST(:initiatedAt AS timestamptz[]), CAST(:ringingAt AS timestamptz[]),
                        CAST(:inProgressAt AS timestamptz[]), CAST(:endedAt AS timestamptz[]),
                        CAST(:durations AS integer[]), CAST(:codes AS text[]), CAST(:data AS text[]),
                        CAST(:recordings AS text[]), CAST(:transcripts AS text[]), CAST(:updatedAt AS timestamptz[]))
                 AS u(organization_id, id, status, initiated_at, ringing_at, in_progress_at, ended_at,
                      duration_seconds, disposition_code, disposition_data, recording_url, transcript, updated_at)
            WHERE c.organization_id = u.organization_id AND c.id = u.id
            """;

    private final JdbcClient jdbc;
    private final CallRowMapper mapper;

    RunnerEventRepository(JdbcClient jdbc, CallRowMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    List<CallRow> lockById(Collection<String> ids) {
        return jdbc.sql(LOCK_BY_ID)
                .param("ids", ids.toArray(String[]::new))
                .query(mapper)
                .list();
    }

    record SetKey(String organizationId, String dispositionSetId) {}

    /** The codes of these disposition sets: set → code → label. */
    Map<SetKey, Map<String, String>> dispositionCodes(Collection<SetKey> sets) {
        Map<SetKey, Map<String, String>> codes = new HashMap<>();
        jdbc.sql(DISPOSITION_CODES)
                .param(
                        "organizationIds",
                        sets.stream().map(SetKey::organizationId).toArray(String[]::new))
                .param("setIds", sets.stream().map(SetKey::dispositionSetId).toArray(String[]::new))
                .query(rs -> {
                    codes.computeIfAbsent(
                                    new SetKey(rs.getString("organization_id"), rs.getString("disposition_set_id")),
                                    k -> new HashMap<>())
                            .put(rs.getString("code"), rs.getString("label"));
                });
        return codes;
    }

    /** Writes the folded state of these calls (already locked by {@link #lockById}) in one statement. */
    void saveProgress(List<CallRow> rows) {
        jdbc.sql(SAVE_PROGRESS)
                .param("organizationIds", column(rows, CallRow::organizationId))
                .param("ids", column(rows, CallRow::id))
                .param("statuses", column(rows, r -> r.status().value()))
                .param("initiatedAt", column(rows, r -> CallRow.time(r.initiatedAt())))
                .param("ringingAt", column(rows, r -> CallRow.time(r.ringingAt())))
                .param("inProgressAt", column(rows, r -> CallRow.time(r.inProgressAt())))
                .param("endedAt", column(rows, r -> CallRow.time(r.endedAt())))
                .param(
                        "durations",
                        column(
                                rows,
                                r -> r.durationSeconds() == null
                                        ? null
                                        : r.durationSeconds().toString()))
                .param("codes", column(rows, CallRow::dispositionCode))
                .param("data", column(rows, r -> mapper.json(r.dispositionData())))
                .param("recordings", column(rows, CallRow::recordingUrl))
                .param("transcripts", column(rows, CallRow::transcript))
                .param("updatedAt", column(rows, r -> CallRow.time(r.updatedAt())))
                .update();
    }

    private static String[] column(List<CallRow> rows, Function<CallRow, String> value) {
        return rows.stream().map(value).toArray(String[]::new);
    }
}
