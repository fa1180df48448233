package io.agentcalls.call;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * The two statements of a batch of runner events: read the calls (with the codes the events name),
 * then write back the changed ones only if nobody changed them in between. Optimistic, because a
 * call rarely gets two batches at once, and skipping row locks halves the writes of the hot path.
 */
@Repository
class RunnerEventRepository {

    // The runner knows only call ids: the one lookup by id alone (index calls_by_id). xmin is the
    // row version: any UPDATE of the call changes it. The codes the events name are looked up once
    // per disposition set of the batch, not once per call.
    private static final String READ_BY_ID = """
            WITH read AS MATERIALIZED (
                SELECT %s, d.label AS disposition_label, CAST(c.xmin AS text) AS version
                FROM calls c
                %s
                WHERE c.id = ANY(:ids)
            ),
            named AS (
                SELECT k.organization_id, k.disposition_set_id,
                       CAST(json_object_agg(k.code, k.label) AS text) AS named_codes
                FROM disposition_codes k
                WHERE (k.organization_id, k.disposition_set_id) IN (SELECT organization_id, disposition_set_id FROM read)
                  AND k.code = ANY(:codes)
                GROUP BY k.organization_id, k.disposition_set_id
            )
            SELECT c.*, n.named_codes
            FROM read c
            LEFT JOIN named n ON n.organization_id = c.organization_id AND n.disposition_set_id = c.disposition_set_id
            """.formatted(CallRowMapper.COLUMNS, CallRowMapper.LABEL_JOIN);
    // Times travel as microseconds since the epoch: cheaper to write and to read than text.
    private static final String SAVE_IF_UNCHANGED = """
            UPDATE calls c
            SET status = u.status, initiated_at = %1$s(u.initiated_at), ringing_at = %1$s(u.ringing_at),
                in_progress_at = %1$s(u.in_progress_at), ended_at = %1$s(u.ended_at),
                duration_seconds = u.duration_seconds, disposition_code = u.disposition_code,
                disposition_data = CAST(u.disposition_data AS jsonb), recording_url = u.recording_url,
                transcript = u.transcript, updated_at = %1$s(u.updated_at),
                placed_despite_cancel = u.placed_despite_cancel
            FROM unnest(CAST(:organizationIds AS text[]), CAST(:ids AS text[]), CAST(:versions AS text[]),
                        CAST(:statuses AS text[]), CAST(:initiatedAt AS bigint[]), CAST(:ringingAt AS bigint[]),
                        CAST(:inProgressAt AS bigint[]), CAST(:endedAt AS bigint[]),
                        CAST(:durations AS integer[]), CAST(:codes AS text[]), CAST(:data AS text[]),
                        CAST(:recordings AS text[]), CAST(:transcripts AS text[]), CAST(:updatedAt AS bigint[]),
                        CAST(:placedDespiteCancel AS boolean[]))
                 AS u(organization_id, id, version, status, initiated_at, ringing_at, in_progress_at, ended_at,
                      duration_seconds, disposition_code, disposition_data, recording_url, transcript, updated_at,
                      placed_despite_cancel)
            WHERE c.organization_id = u.organization_id AND c.id = u.id AND c.xmin = CAST(u.version AS xid)
            RETURNING c.id
            """.formatted("TIMESTAMPTZ 'epoch' + INTERVAL '1 microsecond' * ");
    /** Calls whose new outcome means "call again" (see {@link CallBacks}); they enter the retry queue. */
    private static final String MARK_CALL_BACKS = """
            UPDATE calls c SET call_back = true, call_back_at = u.at
            FROM unnest(CAST(:organizationIds AS text[]), CAST(:ids AS text[]), CAST(:at AS timestamptz[]))
                 AS u(organization_id, id, at)
            WHERE c.organization_id = u.organization_id AND c.id = u.id
            """;

    private static final TypeReference<Map<String, String>> CODES = new TypeReference<>() {};

    /** A call as read, its row version, and the labels of the codes the events name that its set has. */
    record ReadCall(CallRow row, String version, Map<String, String> namedCodes) {}

    /** A call's new state, to be written if its row is still at {@code version}. */
    record Write(CallRow row, String version) {}

    private final JdbcClient jdbc;
    private final CallRowMapper mapper;
    private final ObjectMapper objectMapper;

    RunnerEventRepository(JdbcClient jdbc, CallRowMapper mapper, ObjectMapper objectMapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
        this.objectMapper = objectMapper;
    }

    List<ReadCall> read(Collection<String> ids, Collection<String> codes) {
        Map<String, Map<String, String>> parsed = new HashMap<>(); // calls of one set share their codes
        return jdbc.sql(READ_BY_ID)
                .param("ids", ids.toArray(String[]::new))
                .param("codes", codes.toArray(String[]::new))
                .query((rs, n) -> {
                    String named = rs.getString("named_codes");
                    return new ReadCall(
                            mapper.mapRow(rs, n),
                            rs.getString("version"),
                            named == null
                                    ? Map.of()
                                    : parsed.computeIfAbsent(named, json -> objectMapper.readValue(json, CODES)));
                })
                .list();
    }

    /** @return the ids written; a call missing from it was changed since it was read */
    List<String> saveIfUnchanged(List<Write> writes) {
        List<CallRow> rows = writes.stream().map(Write::row).toList();
        return jdbc.sql(SAVE_IF_UNCHANGED)
                .param("organizationIds", column(rows, CallRow::organizationId))
                .param("ids", column(rows, CallRow::id))
                .param("versions", writes.stream().map(Write::version).toArray(String[]::new))
                .param("statuses", column(rows, r -> r.status().value()))
                .param("initiatedAt", column(rows, r -> micros(r.initiatedAt())))
                .param("ringingAt", column(rows, r -> micros(r.ringingAt())))
                .param("inProgressAt", column(rows, r -> micros(r.inProgressAt())))
                .param("endedAt", column(rows, r -> micros(r.endedAt())))
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
                .param("updatedAt", column(rows, r -> micros(r.updatedAt())))
                .param(
                        "placedDespiteCancel",
                        rows.stream().map(CallRow::placedDespiteCancel).toArray(Boolean[]::new))
                .query(String.class)
                .list();
    }

    void markCallBacks(List<CallBacks.CallBack> callBacks) {
        if (callBacks.isEmpty()) {
            return;
        }
        jdbc.sql(MARK_CALL_BACKS)
                .param(
                        "organizationIds",
                        callBacks.stream()
                                .map(CallBacks.CallBack::organizationId)
                                .toArray(String[]::new))
                .param("ids", callBacks.stream().map(CallBacks.CallBack::callId).toArray(String[]::new))
                .param(
                        "at",
                        callBacks.stream()
                                .map(b -> b.at() == null ? null : b.at().toString())
                                .toArray(String[]::new))
                .update();
    }

    private static String micros(OffsetDateTime time) {
        if (time == null) {
            return null;
        }
        Instant instant = time.toInstant();
        return Long.toString(instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000);
    }

    private static String[] column(List<CallRow> rows, Function<CallRow, String> value) {
        return rows.stream().map(value).toArray(String[]::new);
    }
}
