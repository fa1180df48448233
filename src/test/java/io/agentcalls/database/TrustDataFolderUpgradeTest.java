package io.agentcalls.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data folder made by an earlier version (zonky's defaults: every local connection trusted) is put
 * on password authentication in place at the next start, its data kept.
 */
class TrustDataFolderUpgradeTest {

    @TempDir
    Path serviceData;

    @Test
    void anOldTrustFolderKeepsItsDataAndNowAsksForThePassword() throws Exception {
        Path folder = serviceData.resolve("postgres");
        try (EmbeddedPostgres old = EmbeddedPostgres.builder()
                .setDataDirectory(folder)
                .setCleanDataDirectory(false)
                .setPgBinaryResolver(PostgresBinaries.INSTANCE)
                .start()) {
            try (Connection trusted = DriverManager.getConnection(old.getJdbcUrl("postgres", "postgres"));
                    Statement sql = trusted.createStatement()) {
                sql.execute("CREATE TABLE kept (value text)");
                sql.execute("INSERT INTO kept VALUES ('from the old version')");
            }
        }

        PrivateEmbeddedPostgres.Running upgraded =
                PrivateEmbeddedPostgres.start(serviceData, new EmbeddedPostgresProperties(false, true));
        try (EmbeddedPostgres server = upgraded.server()) {
            String url = upgraded.database().jdbcUrl();
            assertThatThrownBy(() -> DriverManager.getConnection(url + "?user=postgres"))
                    .isInstanceOf(SQLException.class);
            String password =
                    Files.readString(serviceData.resolve("postgres-password")).strip();
            try (Connection connection = DriverManager.getConnection(url, "postgres", password);
                    Statement sql = connection.createStatement();
                    ResultSet kept = sql.executeQuery("SELECT value FROM kept")) {
                assertThat(kept.next()).isTrue();
                assertThat(kept.getString(1)).isEqualTo("from the old version");
            }
        }
    }
}
