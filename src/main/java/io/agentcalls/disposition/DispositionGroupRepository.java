package io.agentcalls.disposition;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Groups (the disposition_sets table) and their members (disposition_codes, one row per member with
 * a copy of its code, name as label, and category). Membership changes lock the group row first, so
 * two of them on one group run one after the other.
 */
@Repository
class DispositionGroupRepository {

    /** A group row without its members. */
    record GroupRow(String id, String name, String description, OffsetDateTime createdAt, OffsetDateTime updatedAt) {}

    private static final String COLUMNS = "id, name, description, created_at, updated_at";
    private static final String INSERT = """
            INSERT INTO disposition_sets (organization_id, id, name, description)
            VALUES (:organizationId, :id, :name, :description)
            ON CONFLICT (organization_id, lower(name)) WHERE deleted_at IS NULL DO NOTHING
            """;
    private static final String FIND = "SELECT " + COLUMNS + """
             FROM disposition_sets
            WHERE organization_id = :organizationId AND id = :id AND deleted_at IS NULL
            """;
    private static final String SEARCH = """
             FROM disposition_sets
            WHERE organization_id = :organizationId AND deleted_at IS NULL
              AND (CAST(:pattern AS text) IS NULL OR name ILIKE :pattern ESCAPE '\\'
                   OR description ILIKE :pattern ESCAPE '\\')
            """;
    private static final String PAGE = "SELECT " + COLUMNS + SEARCH + """
            ORDER BY lower(name), id
            LIMIT :limit OFFSET :offset
            """;
    private static final String COUNT = "SELECT count(*)" + SEARCH;
    /** Locks and touches the group; with null arguments that is all it does. */
    private static final String UPDATE = """
            UPDATE disposition_sets
            SET name = coalesce(:name, name), description = coalesce(:description, description), updated_at = now()
            WHERE organization_id = :organizationId AND id = :id AND deleted_at IS NULL
            """;

    private static final String SOFT_DELETE = """
            UPDATE disposition_sets SET deleted_at = now()
            WHERE organization_id = :organizationId AND id = :id AND deleted_at IS NULL
            """;
    private static final String MEMBERS = """
            SELECT k.disposition_set_id, d.id, d.name, d.description, d.priority, d.code, d.category
            FROM disposition_codes k
            JOIN dispositions d ON d.organization_id = k.organization_id AND d.id = k.disposition_id
            WHERE k.organization_id = :organizationId AND k.disposition_set_id = ANY(:groupIds)
            ORDER BY k.disposition_set_id, k.position
            """;
    private static final String CLEAR = """
            DELETE FROM disposition_codes WHERE organization_id = :organizationId AND disposition_set_id = :groupId
            """;
    /** Appends the live dispositions named, in the order given, after the group's last member. */
    private static final String APPEND = """
            INSERT INTO disposition_codes (organization_id, disposition_set_id, code, label, category, position,
                                           disposition_id)
            SELECT d.organization_id, :groupId, d.code, d.name, d.category,
                   coalesce((SELECT max(position) FROM disposition_codes
                             WHERE organization_id = :organizationId AND disposition_set_id = :groupId), 0)
                       + x.position,
                   d.id
            FROM unnest(CAST(:ids AS text[])) WITH ORDINALITY AS x(id, position)
            JOIN dispositions d ON d.organization_id = :organizationId AND d.id = x.id AND d.deleted_at IS NULL
            """;

    private static final String REMOVE = """
            DELETE FROM disposition_codes
            WHERE organization_id = :organizationId AND disposition_set_id = :groupId AND disposition_id = ANY(:ids)
            """;
    private static final String HOLDERS = """
            SELECT s.name FROM disposition_codes k
            JOIN disposition_sets s ON s.organization_id = k.organization_id AND s.id = k.disposition_set_id
            WHERE k.organization_id = :organizationId AND k.disposition_id = :dispositionId AND s.deleted_at IS NULL
            ORDER BY lower(s.name), s.id
            """;
    private static final String REFRESH = """
            UPDATE disposition_codes SET label = :name, category = :category
            WHERE organization_id = :organizationId AND disposition_id = :dispositionId
            """;

    private final JdbcClient jdbc;

    DispositionGroupRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when a live group of the organization has that name already */
    boolean insert(String organizationId, String id, String name, String description) {
        return jdbc.sql(INSERT)
                        .param("organizationId", organizationId)
                        .param("id", id)
                        .param("name", name)
                        .param("description", description)
                        .update()
                == 1;
    }

    Optional<GroupRow> find(String organizationId, String id) {
        return jdbc.sql(FIND)
                .param("organizationId", organizationId)
                .param("id", id)
                .query(DispositionGroupRepository::group)
                .optional();
    }

    List<GroupRow> page(String organizationId, String pattern, int limit, long offset) {
        return jdbc.sql(PAGE)
                .param("organizationId", organizationId)
                .param("pattern", pattern)
                .param("limit", limit)
                .param("offset", offset)
                .query(DispositionGroupRepository::group)
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
     * Renames and/or describes (null stays) and touches the group, locking it.
     *
     * @return false when there is no such group
     * @throws org.springframework.dao.DuplicateKeyException when the name is another live group's
     */
    boolean update(String organizationId, String id, String name, String description) {
        return jdbc.sql(UPDATE)
                        .param("organizationId", organizationId)
                        .param("id", id)
                        .param("name", name)
                        .param("description", description)
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

    /** The members of each group, in order (a group without members is absent). */
    Map<String, List<DispositionGroup.Detail>> members(String organizationId, Collection<String> groupIds) {
        Map<String, List<DispositionGroup.Detail>> members = new LinkedHashMap<>();
        jdbc.sql(MEMBERS)
                .param("organizationId", organizationId)
                .param("groupIds", groupIds.toArray(String[]::new))
                .query(rs -> {
                    members.computeIfAbsent(rs.getString("disposition_set_id"), k -> new java.util.ArrayList<>())
                            .add(new DispositionGroup.Detail(
                                    rs.getString("id"),
                                    rs.getString("name"),
                                    rs.getString("description"),
                                    rs.getInt("priority"),
                                    rs.getString("code"),
                                    rs.getString("category")));
                });
        return members;
    }

    void clear(String organizationId, String groupId) {
        jdbc.sql(CLEAR)
                .param("organizationId", organizationId)
                .param("groupId", groupId)
                .update();
    }

    /** Appends these dispositions (live, of the organization, not members yet: the caller checked). */
    void append(String organizationId, String groupId, List<String> dispositionIds) {
        jdbc.sql(APPEND)
                .param("organizationId", organizationId)
                .param("groupId", groupId)
                .param("ids", dispositionIds.toArray(String[]::new))
                .update();
    }

    void remove(String organizationId, String groupId, Collection<String> dispositionIds) {
        jdbc.sql(REMOVE)
                .param("organizationId", organizationId)
                .param("groupId", groupId)
                .param("ids", dispositionIds.toArray(String[]::new))
                .update();
    }

    /** The names of the live groups that hold the disposition, in name order. */
    List<String> liveGroupNamesHolding(String organizationId, String dispositionId) {
        return jdbc.sql(HOLDERS)
                .param("organizationId", organizationId)
                .param("dispositionId", dispositionId)
                .query(String.class)
                .list();
    }

    /** Every group holding the disposition shows its current name and category. */
    void refreshMember(String organizationId, Disposition disposition) {
        jdbc.sql(REFRESH)
                .param("organizationId", organizationId)
                .param("dispositionId", disposition.id())
                .param("name", disposition.name())
                .param("category", disposition.category())
                .update();
    }

    private static GroupRow group(ResultSet rs, int row) throws SQLException {
        return new GroupRow(
                rs.getString("id"),
                rs.getString("name"),
                rs.getString("description"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class));
    }
}
