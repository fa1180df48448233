package io.agentcalls.disposition;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The dispositions table: live rows only (a deleted disposition is gone for the API, decision 0002). */
@Repository
class DispositionRepository {

    private static final String COLUMNS = "id, name, description, priority, code, category, created_at, updated_at";
    /** A name taken by a live disposition (any case) inserts nothing: the documented 409. */
    private static final String INSERT = """
            INSERT INTO dispositions (organization_id, id, name, description, priority, code, category)
            VALUES (:organizationId, :id, :name, :description, :priority, :code, :category)
            ON CONFLICT (organization_id, lower(name)) WHERE deleted_at IS NULL DO NOTHING
            """;

    private static final String FIND = "SELECT " + COLUMNS + """
             FROM dispositions
            WHERE organization_id = :organizationId AND id = :id AND deleted_at IS NULL
            """;
    private static final String OWNER =
            "SELECT organization_id FROM dispositions WHERE id = :id AND deleted_at IS NULL";
    /** Locks the rows until the transaction ends: none can be deleted while a group takes it. */
    private static final String SHARE_LIVE = """
            SELECT id, code FROM dispositions
            WHERE organization_id = :organizationId AND id = ANY(:ids) AND deleted_at IS NULL
            FOR SHARE
            """;

    private static final String LOCK = """
            SELECT id FROM dispositions
            WHERE organization_id = :organizationId AND id = :id AND deleted_at IS NULL
            FOR UPDATE
            """;
    private static final String SEARCH = """
             FROM dispositions
            WHERE organization_id = :organizationId AND deleted_at IS NULL
              AND (CAST(:pattern AS text) IS NULL OR name ILIKE :pattern ESCAPE '\\'
                   OR description ILIKE :pattern ESCAPE '\\')
            """;
    private static final String PAGE = "SELECT " + COLUMNS + SEARCH + """
            ORDER BY priority, lower(name), id
            LIMIT :limit OFFSET :offset
            """;
    private static final String COUNT = "SELECT count(*)" + SEARCH;
    private static final String UPDATE = """
            UPDATE dispositions
            SET name = coalesce(:name, name), description = coalesce(:description, description),
                priority = coalesce(:priority, priority), category = coalesce(:category, category), updated_at = now()
            WHERE organization_id = :organizationId AND id = :id AND deleted_at IS NULL
            """;
    private static final String SOFT_DELETE = """
            UPDATE dispositions SET deleted_at = now()
            WHERE organization_id = :organizationId AND id = :id AND deleted_at IS NULL
            """;
    /** The live disposition a set's entry names by code, label and category, if there is one. */
    private static final String FIND_ENTRY = "SELECT " + COLUMNS + """
             FROM dispositions
            WHERE organization_id = :organizationId AND deleted_at IS NULL
              AND code = :code AND lower(name) = lower(:name) AND category = :category
            """;

    private final JdbcClient jdbc;

    DispositionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when a live disposition of the organization has that name already */
    boolean insert(String organizationId, String id, NewDisposition d) {
        return jdbc.sql(INSERT)
                        .param("organizationId", organizationId)
                        .param("id", id)
                        .param("name", d.name())
                        .param("description", d.description())
                        .param("priority", d.priority())
                        .param("code", d.code())
                        .param("category", d.category())
                        .update()
                == 1;
    }

    record NewDisposition(String name, String description, int priority, String code, String category) {}

    Optional<Disposition> find(String organizationId, String id) {
        return jdbc.sql(FIND)
                .param("organizationId", organizationId)
                .param("id", id)
                .query(DispositionRepository::disposition)
                .optional();
    }

    Optional<Disposition> findEntry(String organizationId, String code, String name, String category) {
        return jdbc
                .sql(FIND_ENTRY)
                .param("organizationId", organizationId)
                .param("code", code)
                .param("name", name)
                .param("category", category)
                .query(DispositionRepository::disposition)
                .list()
                .stream()
                .findFirst();
    }

    /** The organization of a live disposition, whichever it is: tells "not yours" from "none". */
    Optional<String> owner(String id) {
        return jdbc.sql(OWNER).param("id", id).query(String.class).optional();
    }

    /** The codes of those of these ids that are live dispositions of the organization, share-locked. */
    Map<String, String> shareLive(String organizationId, Collection<String> ids) {
        Map<String, String> codes = new HashMap<>();
        jdbc.sql(SHARE_LIVE)
                .param("organizationId", organizationId)
                .param("ids", ids.toArray(String[]::new))
                .query(rs -> {
                    codes.put(rs.getString("id"), rs.getString("code"));
                });
        return codes;
    }

    boolean lock(String organizationId, String id) {
        return jdbc.sql(LOCK)
                .param("organizationId", organizationId)
                .param("id", id)
                .query(String.class)
                .optional()
                .isPresent();
    }

    List<Disposition> page(String organizationId, String pattern, int limit, long offset) {
        return jdbc.sql(PAGE)
                .param("organizationId", organizationId)
                .param("pattern", pattern)
                .param("limit", limit)
                .param("offset", offset)
                .query(DispositionRepository::disposition)
                .list();
    }

    long count(String organizationId, String pattern) {
        return jdbc.sql(COUNT)
                .param("organizationId", organizationId)
                .param("pattern", pattern)
                .query(Long.class)
                .single();
    }

    /**
     * Changes the given fields (null ones stay).
     *
     * @return false when there is no such disposition
     * @throws DuplicateKeyException when the new name is another live disposition's
     */
    boolean update(String organizationId, String id, DispositionChanges changes) {
        return jdbc.sql(UPDATE)
                        .param("organizationId", organizationId)
                        .param("id", id)
                        .param(
                                "name",
                                changes.name() == null ? null : changes.name().strip())
                        .param("description", changes.description())
                        .param("priority", changes.priority())
                        .param("category", changes.category())
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

    private static Disposition disposition(ResultSet rs, int row) throws SQLException {
        return new Disposition(
                rs.getString("id"),
                rs.getString("name"),
                rs.getString("description"),
                rs.getInt("priority"),
                rs.getString("code"),
                rs.getString("category"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class));
    }
}
