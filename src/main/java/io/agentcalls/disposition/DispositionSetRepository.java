package io.agentcalls.disposition;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A group as a disposition set: its members as codes with the label and category each shows in
 * this set ({@code /api/v1/disposition-sets}, and what the rest of the service reads).
 */
@Repository
class DispositionSetRepository {

    /** One entry of a set: the disposition it is, with the code, label and category the set shows. */
    record Entry(String dispositionId, String code, String label, String category) {}

    /** All members of a set in one statement; position keeps the order the client gave. */
    private static final String INSERT_CODES = """
            INSERT INTO disposition_codes (organization_id, disposition_set_id, code, label, category, position,
                                           disposition_id)
            SELECT :organizationId, :setId, c.code, c.label, c.category, c.position, c.disposition_id
            FROM unnest(CAST(:codes AS text[]), CAST(:labels AS text[]), CAST(:categories AS text[]),
                        CAST(:dispositionIds AS text[]))
                 WITH ORDINALITY AS c(code, label, category, disposition_id, position)
            """;

    private static final String DELETE_CODES = """
            DELETE FROM disposition_codes WHERE organization_id = :organizationId AND disposition_set_id = :setId
            """;
    private static final String SELECT = """
            SELECT s.id, s.name, s.created_at, s.updated_at, c.codes, c.labels, c.categories
            FROM disposition_sets s
            CROSS JOIN LATERAL (
                SELECT array_agg(code ORDER BY position) AS codes,
                       array_agg(label ORDER BY position) AS labels,
                       array_agg(category ORDER BY position) AS categories
                FROM disposition_codes
                WHERE organization_id = s.organization_id AND disposition_set_id = s.id) c
            """;
    private static final String FIND = SELECT + """
            WHERE s.organization_id = :organizationId AND s.id = :id AND s.deleted_at IS NULL
            """;
    private static final String LIST = SELECT + """
            WHERE s.organization_id = :organizationId AND s.deleted_at IS NULL
              AND (CAST(:after AS text) IS NULL OR s.id > :after)
            ORDER BY s.id LIMIT :limit
            """;
    /** The set's codes whose dispositions the live group also holds (one disposition, two groups). */
    private static final String CODES_ALSO_IN = """
            SELECT k.code FROM disposition_codes k
            WHERE k.organization_id = :organizationId AND k.disposition_set_id = :setId
              AND EXISTS (SELECT 1 FROM disposition_codes g
                          JOIN disposition_sets s ON s.organization_id = g.organization_id AND s.id = g.disposition_set_id
                          WHERE g.organization_id = k.organization_id AND g.disposition_set_id = :groupId
                            AND g.disposition_id = k.disposition_id AND s.deleted_at IS NULL)
            """;

    private final JdbcClient jdbc;

    DispositionSetRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void replaceCodes(String organizationId, String setId, List<Entry> entries) {
        jdbc.sql(DELETE_CODES)
                .param("organizationId", organizationId)
                .param("setId", setId)
                .update();
        jdbc.sql(INSERT_CODES)
                .param("organizationId", organizationId)
                .param("setId", setId)
                .param("codes", entries.stream().map(Entry::code).toArray(String[]::new))
                .param("labels", entries.stream().map(Entry::label).toArray(String[]::new))
                .param("categories", entries.stream().map(Entry::category).toArray(String[]::new))
                .param(
                        "dispositionIds",
                        entries.stream().map(Entry::dispositionId).toArray(String[]::new))
                .update();
    }

    Optional<DispositionSet> find(String organizationId, String id) {
        return jdbc.sql(FIND)
                .param("organizationId", organizationId)
                .param("id", id)
                .query(DispositionSetRepository::dispositionSet)
                .optional();
    }

    Set<String> codesAlsoIn(String organizationId, String setId, String groupId) {
        return Set.copyOf(jdbc.sql(CODES_ALSO_IN)
                .param("organizationId", organizationId)
                .param("setId", setId)
                .param("groupId", groupId)
                .query(String.class)
                .list());
    }

    List<DispositionSet> list(String organizationId, String after, int limit) {
        return jdbc.sql(LIST)
                .param("organizationId", organizationId)
                .param("after", after)
                .param("limit", limit)
                .query(DispositionSetRepository::dispositionSet)
                .list();
    }

    private static DispositionSet dispositionSet(ResultSet rs, int row) throws SQLException {
        String[] codes = textArray(rs, "codes");
        String[] labels = textArray(rs, "labels");
        String[] categories = textArray(rs, "categories");
        List<DispositionCode> entries = new ArrayList<>(codes.length);
        for (int i = 0; i < codes.length; i++) {
            entries.add(new DispositionCode(codes[i], labels[i], categories[i]));
        }
        return new DispositionSet(
                rs.getString("id"),
                rs.getString("name"),
                List.copyOf(entries),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class));
    }

    private static String[] textArray(ResultSet rs, String column) throws SQLException {
        java.sql.Array array = rs.getArray(column);
        return array == null ? new String[0] : (String[]) array.getArray();
    }
}
