package io.agentcalls.disposition;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class DispositionRepository {

    private static final String INSERT_SET = """
            INSERT INTO disposition_sets (organization_id, id, name) VALUES (:organizationId, :id, :name)
            """;
    /** All codes of a set in one statement; position keeps the order the client gave. */
    private static final String INSERT_CODES = """
            INSERT INTO disposition_codes (organization_id, disposition_set_id, code, label, category, position)
            SELECT :organizationId, :setId, c.code, c.label, c.category, c.position
            FROM unnest(CAST(:codes AS text[]), CAST(:labels AS text[]), CAST(:categories AS text[]))
                 WITH ORDINALITY AS c(code, label, category, position)
            """;

    private static final String DELETE_CODES = """
            DELETE FROM disposition_codes WHERE organization_id = :organizationId AND disposition_set_id = :setId
            """;
    private static final String FIND = """
            SELECT s.id, s.name, s.created_at, s.updated_at, c.codes, c.labels, c.categories
            FROM disposition_sets s
            CROSS JOIN LATERAL (
                SELECT array_agg(code ORDER BY position) AS codes,
                       array_agg(label ORDER BY position) AS labels,
                       array_agg(category ORDER BY position) AS categories
                FROM disposition_codes
                WHERE organization_id = s.organization_id AND disposition_set_id = s.id) c
            WHERE s.organization_id = :organizationId AND s.id = :id AND s.deleted_at IS NULL
            """;
    private static final String LIST = """
            SELECT s.id, s.name, s.created_at, s.updated_at, c.codes, c.labels, c.categories
            FROM disposition_sets s
            CROSS JOIN LATERAL (
                SELECT array_agg(code ORDER BY position) AS codes,
                       array_agg(label ORDER BY position) AS labels,
                       array_agg(category ORDER BY position) AS categories
                FROM disposition_codes
                WHERE organization_id = s.organization_id AND disposition_set_id = s.id) c
            WHERE s.organization_id = :organizationId AND s.deleted_at IS NULL
              AND (CAST(:after AS text) IS NULL OR s.id > :after)
            ORDER BY s.id LIMIT :limit
            """;
    /** Also locks the set's row, so two PATCHes replacing the codes run one after the other. */
    private static final String UPDATE_SET = """
            UPDATE disposition_sets SET name = coalesce(:name, name), updated_at = now()
            WHERE organization_id = :organizationId AND id = :id AND deleted_at IS NULL
            """;

    private static final String SOFT_DELETE = """
            UPDATE disposition_sets SET deleted_at = now()
            WHERE organization_id = :organizationId AND id = :id AND deleted_at IS NULL
            """;

    private final JdbcClient jdbc;

    DispositionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insertSet(String organizationId, String id, String name) {
        jdbc.sql(INSERT_SET)
                .param("organizationId", organizationId)
                .param("id", id)
                .param("name", name)
                .update();
    }

    void replaceCodes(String organizationId, String setId, List<DispositionCode> codes) {
        jdbc.sql(DELETE_CODES)
                .param("organizationId", organizationId)
                .param("setId", setId)
                .update();
        jdbc.sql(INSERT_CODES)
                .param("organizationId", organizationId)
                .param("setId", setId)
                .param("codes", codes.stream().map(DispositionCode::code).toArray(String[]::new))
                .param("labels", codes.stream().map(DispositionCode::label).toArray(String[]::new))
                .param(
                        "categories",
                        codes.stream().map(DispositionCode::category).toArray(String[]::new))
                .update();
    }

    Optional<DispositionSet> find(String organizationId, String id) {
        return jdbc.sql(FIND)
                .param("organizationId", organizationId)
                .param("id", id)
                .query(DispositionRepository::dispositionSet)
                .optional();
    }

    List<DispositionSet> list(String organizationId, String after, int limit) {
        return jdbc.sql(LIST)
                .param("organizationId", organizationId)
                .param("after", after)
                .param("limit", limit)
                .query(DispositionRepository::dispositionSet)
                .list();
    }

    /** Renames (when name is not null) and touches the set; false when there is no such set. */
    boolean updateSet(String organizationId, String id, String name) {
        return jdbc.sql(UPDATE_SET)
                        .param("organizationId", organizationId)
                        .param("id", id)
                        .param("name", name)
                        .update()
                == 1;
    }

    boolean softDelete(String organizationId, String id) {
        return jdbc.sql(SOFT_DELETE)
                        .param("organizationId", organizationId)
                        .param("id", id)
                        .update()
                == 1;
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
