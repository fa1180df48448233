import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The bare-SQL baselines of bench/run.sh, run straight against the server's embedded PostgreSQL so
 * the service's own figures stand beside what the database alone needs for the same work. A single
 * file, run as {@code java -cp <postgresql jar> bench/Bare.java <mode> <port> ...} (no psql needed).
 *
 * <ul>
 *   <li>{@code initiation <port> <organizationId> <campaignId>}: the initiation's selection (every
 *       customer of the campaign, in the selection order) inserted as call rows into a scratch copy of
 *       {@code calls} ({@code LIKE calls INCLUDING ALL}: same defaults, checks and indexes), committed,
 *       then dropped. Prints {@code seconds=… rows=…}; the time is the INSERT and its COMMIT.
 *   <li>{@code sql <port>}: runs the SQL read from standard input and prints every row, tab-separated
 *       (for {@code EXPLAIN (ANALYZE, BUFFERS)} while profiling).
 * </ul>
 */
public class Bare {

    private static final String SCRATCH = "bench_bare_calls";

    /** The same columns the service's INSERT fills, in the same order, from the same selection. */
    private static final String INSERT = """
            INSERT INTO %s (organization_id, id, campaign_id, customer_id, initiation_id, batch, agent_id,
                            disposition_set_id, from_number, to_phone, claimed_by, claimed_until)
            SELECT c.organization_id, new_id('call'), c.campaign_id, c.id, 'ini_bare',
                   ((row_number() OVER (ORDER BY c.emi_due_date NULLS LAST, c.id) - 1) / 500) + 1,
                   'agt_bare', 'dsp_bare', '+918045550100', c.phone, 'ini_bare', now() + interval '5 minutes'
            FROM customers c
            WHERE c.organization_id = ? AND c.campaign_id = ?
            ORDER BY c.emi_due_date NULLS LAST, c.id
            """.formatted(SCRATCH);

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            usage();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + Integer.parseInt(args[1]) + "/postgres";
        try (Connection db = DriverManager.getConnection(url, "postgres", "")) {
            switch (args[0]) {
                case "initiation" -> {
                    if (args.length != 4) {
                        usage();
                    }
                    initiation(db, args[2], args[3]);
                }
                case "sql" -> sql(db);
                default -> usage();
            }
        }
    }

    private static void initiation(Connection db, String organizationId, String campaignId) throws SQLException {
        try (Statement ddl = db.createStatement()) {
            ddl.execute("DROP TABLE IF EXISTS " + SCRATCH);
            ddl.execute("CREATE TABLE " + SCRATCH + " (LIKE calls INCLUDING ALL)");
        }
        db.setAutoCommit(false);
        long rows;
        long start = System.nanoTime();
        try (var insert = db.prepareStatement(INSERT)) {
            insert.setString(1, organizationId);
            insert.setString(2, campaignId);
            rows = insert.executeUpdate();
        }
        db.commit();
        double seconds = (System.nanoTime() - start) / 1e9;
        db.setAutoCommit(true);
        try (Statement ddl = db.createStatement()) {
            ddl.execute("DROP TABLE " + SCRATCH);
        }
        System.out.printf("seconds=%.3f rows=%d%n", seconds, rows);
    }

    private static void sql(Connection db) throws IOException, SQLException {
        String text = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
        try (Statement statement = db.createStatement()) {
            boolean hasRows = statement.execute(text);
            while (true) {
                if (hasRows) {
                    try (ResultSet rs = statement.getResultSet()) {
                        int columns = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            StringBuilder line = new StringBuilder();
                            for (int i = 1; i <= columns; i++) {
                                line.append(i > 1 ? "\t" : "").append(rs.getString(i));
                            }
                            System.out.println(line);
                        }
                    }
                } else if (statement.getUpdateCount() == -1) {
                    break;
                }
                hasRows = statement.getMoreResults();
            }
        }
    }

    private static void usage() {
        System.err.println("usage: Bare initiation <port> <organizationId> <campaignId> | Bare sql <port> < statement.sql");
        System.exit(2);
    }
}
