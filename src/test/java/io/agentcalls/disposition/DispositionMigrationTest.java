package io.agentcalls.disposition;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcalls.support.ApiTest;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * V90 on today's data, in a schema of its own migrated to V70 first: sets become groups, each
 * distinct (code, label, category) of an organization one disposition, repeated names get suffixes.
 */
class DispositionMigrationTest extends ApiTest {

    private static final String SCHEMA = "v90_check";
    private static final String ORG = "org_" + "a".repeat(32);

    @Autowired
    DataSource dataSource;

    @AfterEach
    void dropSchema() {
        jdbc.sql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE").update();
    }

    @Test
    void todaysSetsBecomeGroupsWithTheirCodesAsDispositions() {
        migrate("70");
        sql("INSERT INTO %s.organizations (id, name) VALUES ('" + ORG + "', 'o')");
        sql("""
                INSERT INTO %s.disposition_sets (organization_id, id, name, created_at, deleted_at) VALUES
                  ('%2$s', 'dsp_1', 'Collections v1', now() - interval '3 days', NULL),
                  ('%2$s', 'dsp_2', 'collections V1', now() - interval '2 days', NULL),
                  ('%2$s', 'dsp_3', 'Retired', now() - interval '1 day', now())""");
        sql("""
                INSERT INTO %s.disposition_codes (organization_id, disposition_set_id, code, label, category, position)
                VALUES ('%2$s', 'dsp_1', 'PTP', 'Promise to pay', 'positive', 1),
                       ('%2$s', 'dsp_1', 'RTP', 'Refused to pay', 'negative', 2),
                       ('%2$s', 'dsp_2', 'PTP', 'Promise to pay', 'positive', 1),
                       ('%2$s', 'dsp_2', 'CB', 'Refused to pay', 'callback', 2),
                       ('%2$s', 'dsp_3', 'OLD', 'Old code', 'neutral', 1)""");

        migrate("90");

        List<Map<String, Object>> dispositions =
                rows("SELECT name, code, category, priority, deleted_at IS NOT NULL AS deleted FROM %s.dispositions"
                        + " ORDER BY name");
        assertThat(dispositions)
                .containsExactly(
                        Map.of(
                                "name",
                                "Old code",
                                "code",
                                "OLD",
                                "category",
                                "neutral",
                                "priority",
                                500,
                                "deleted",
                                true),
                        Map.of(
                                "name",
                                "Promise to pay",
                                "code",
                                "PTP",
                                "category",
                                "positive",
                                "priority",
                                500,
                                "deleted",
                                false),
                        Map.of(
                                "name",
                                "Refused to pay",
                                "code",
                                "RTP",
                                "category",
                                "negative",
                                "priority",
                                500,
                                "deleted",
                                false),
                        Map.of(
                                "name",
                                "Refused to pay (CB)",
                                "code",
                                "CB",
                                "category",
                                "callback",
                                "priority",
                                500,
                                "deleted",
                                false));
        assertThat(rows("""
                        SELECT k.disposition_set_id AS set, k.code, k.label, d.name FROM %s.disposition_codes k
                        JOIN %1$s.dispositions d ON d.organization_id = k.organization_id AND d.id = k.disposition_id
                        ORDER BY 1, k.position"""))
                .as("members keep their labels and point at their disposition")
                .containsExactly(
                        Map.of("set", "dsp_1", "code", "PTP", "label", "Promise to pay", "name", "Promise to pay"),
                        Map.of("set", "dsp_1", "code", "RTP", "label", "Refused to pay", "name", "Refused to pay"),
                        Map.of("set", "dsp_2", "code", "PTP", "label", "Promise to pay", "name", "Promise to pay"),
                        Map.of("set", "dsp_2", "code", "CB", "label", "Refused to pay", "name", "Refused to pay (CB)"),
                        Map.of("set", "dsp_3", "code", "OLD", "label", "Old code", "name", "Old code"));
        assertThat(rows("SELECT id, name FROM %s.disposition_sets ORDER BY id"))
                .containsExactly(
                        Map.of("id", "dsp_1", "name", "Collections v1"),
                        Map.of("id", "dsp_2", "name", "collections V1 (dsp_2)"),
                        Map.of("id", "dsp_3", "name", "Retired"));
    }

    private void migrate(String target) {
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(SCHEMA)
                .locations("classpath:db/migration")
                .target(target)
                .load()
                .migrate();
    }

    private void sql(String statement) {
        jdbc.sql(statement.formatted(SCHEMA, ORG)).update();
    }

    private List<Map<String, Object>> rows(String query) {
        return jdbc.sql(query.formatted(SCHEMA)).query().listOfRows();
    }
}
