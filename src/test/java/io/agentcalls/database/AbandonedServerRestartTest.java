package io.agentcalls.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A JVM killed before it stopped its PostgreSQL (Surefire kills a test JVM that is slow to exit) leaves
 * the server running on a folder that is not empty. The next clean start, as every test run is, must
 * stop that server and begin on an empty folder instead of failing at initdb.
 */
class AbandonedServerRestartTest {

    /**
     * Under {@code target/}, not a JUnit temporary folder: zonky unpacks its binaries once per JVM into
     * the first server's folder and later tests run them from there, so the folder must outlive this test.
     */
    private final Path serviceData = Path.of("target", "abandoned-server-test").toAbsolutePath();

    @Test
    void aCleanStartStopsTheAbandonedServerAndBeginsOnAnEmptyFolder() throws Exception {
        EmbeddedPostgresProperties clean = new EmbeddedPostgresProperties(true, false);
        PrivateEmbeddedPostgres.Running abandoned = PrivateEmbeddedPostgres.start(serviceData, clean);
        long abandonedPid = postmasterPid();
        try (Connection connection = connect(abandoned.database());
                Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE left_behind (value text)");
        }
        // not closed: as a killed JVM leaves it

        PrivateEmbeddedPostgres.Running fresh = PrivateEmbeddedPostgres.start(serviceData, clean);
        try {
            ProcessHandle old = ProcessHandle.of(abandonedPid).orElse(null);
            if (old != null) {
                old.onExit().get(10, TimeUnit.SECONDS);
            }
            assertThat(ProcessHandle.of(abandonedPid).filter(ProcessHandle::isAlive))
                    .as("the abandoned server is stopped")
                    .isEmpty();
            assertThat(postmasterPid()).isNotEqualTo(abandonedPid);
            try (Connection connection = connect(fresh.database());
                    Statement sql = connection.createStatement();
                    ResultSet tables =
                            sql.executeQuery("SELECT count(*) FROM pg_tables WHERE tablename = 'left_behind'")) {
                tables.next();
                assertThat(tables.getInt(1))
                        .as("a clean start begins on an empty folder")
                        .isZero();
            }
        } finally {
            fresh.server().close();
        }
    }

    private long postmasterPid() throws Exception {
        return Long.parseLong(Files.readAllLines(serviceData.resolve("postgres/postmaster.pid"))
                .get(0)
                .trim());
    }

    private static Connection connect(EmbeddedDatabase database) throws Exception {
        return DriverManager.getConnection(database.jdbcUrl(), "postgres", database.password());
    }
}
