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
 * file, run as {@code PGPASSWORD=… java -cp <postgresql jar> bench/Bare.java <mode> <port> ...} (no psql
 * needed). It logs the server's durability settings on standard error: the baselines commit on the
 * same server, with the same settings, as the service.
 *
 * <ul>
 *   <li>{@code initiation <port> <organizationId> <campaignId>}: the initiation's selection (the
 *       campaign's customers that pass the safeguards, in the selection order) inserted as call rows
 *       into a scratch copy of {@code calls} ({@code LIKE calls INCLUDING ALL}: same defaults, checks,
 *       generated columns and indexes, plus the foreign key to organizations and the storage
 *       parameters), committed, then dropped; then, for reference, the same insert without the
 *       safeguards. Prints {@code seconds=… insert_only_seconds=… rows=…}; each time is the INSERT and
 *       its COMMIT.
 *   <li>{@code filter <port> <organizationId> <campaignId>}: the dry run's filter as a plain count,
 *       two unmeasured runs and 20 measured ones; prints each time in milliseconds.
 *   <li>{@code sql <port>}: runs the SQL read from standard input and prints every row, tab-separated
 *       (for {@code EXPLAIN (ANALYZE, BUFFERS)} while profiling).
 * </ul>
 */
public class Bare {

    private static final String SCRATCH = "bench_bare_calls";

    /**
     * The call rows both bare inserts write: the columns the service's INSERT fills, in the same
     * order, numbered into batches of 500 in the selection order.
     */
    private static final String INSERT_CALLS_FROM_CUSTOMERS = """
            INSERT INTO %s (organization_id, id, campaign_id, customer_id, initiation_id, batch, agent_id,
                            disposition_set_id, from_number, to_phone, attempt)
            SELECT c.organization_id, new_id('call'), c.campaign_id, c.id, 'ini_bare',
                   ((row_number() OVER (ORDER BY c.emi_due_date NULLS LAST, c.id) - 1) / 500) + 1,
                   'agt_bare', 'dsp_bare', '+918045550100', c.phone, 1
            FROM customers c
            """.formatted(SCRATCH);

    /**
     * The selection written by hand: the campaign's customers that the seed's safeguards let through
     * (no active call for the customer or the phone, not on the do-not-call list, under the attempt
     * caps in the customer's local day and week, inside the calling window), in the selection order,
     * numbered into batches of 500 and inserted. No counts, no classification, no API: the database's
     * share of the job.
     */
    private static final String SELECTION_AND_INSERT = INSERT_CALLS_FROM_CUSTOMERS + """
            JOIN campaigns p ON p.organization_id = c.organization_id AND p.id = c.campaign_id
            CROSS JOIN LATERAL (SELECT coalesce(c.timezone, p.timezone) AS tz) z
            WHERE c.organization_id = ? AND c.campaign_id = ?
              AND NOT EXISTS (SELECT 1 FROM calls k WHERE k.organization_id = c.organization_id
                                AND k.campaign_id = c.campaign_id AND k.customer_id = c.id AND k.active)
              AND NOT EXISTS (SELECT 1 FROM calls k WHERE k.organization_id = c.organization_id
                                AND k.to_phone = c.phone AND k.active)
              AND NOT EXISTS (SELECT 1 FROM do_not_call d WHERE d.organization_id = c.organization_id
                                AND d.phone = c.phone)
              AND (SELECT count(*) FROM calls k
                   WHERE k.organization_id = c.organization_id AND k.campaign_id = c.campaign_id
                     AND k.customer_id = c.id AND k.status <> 'failed_to_initiate'
                     AND k.created_at >= (date_trunc('day', now() AT TIME ZONE z.tz) - interval '6 days') AT TIME ZONE z.tz
                  ) < p.max_attempts_per_week
              AND (SELECT count(*) FROM calls k
                   WHERE k.organization_id = c.organization_id AND k.campaign_id = c.campaign_id
                     AND k.customer_id = c.id AND k.status <> 'failed_to_initiate'
                     AND k.created_at >= date_trunc('day', now() AT TIME ZONE z.tz) AT TIME ZONE z.tz
                  ) < p.max_attempts_per_day
              AND in_calling_window((now() AT TIME ZONE z.tz)::time, p.calling_window_start, p.calling_window_end)
            ORDER BY c.emi_due_date NULLS LAST, c.id
            """;

    /**
     * The dry run's filter (custom field, numeric range, payment status) as a plain count of the
     * campaign's matching customers: the scan every dry run needs before it classifies anything.
     */
    private static final String FILTER_COUNT = """
            SELECT count(*) FROM customers c
            WHERE c.organization_id = ? AND c.campaign_id = ?
              AND c.custom ->> 'branch' = 'mumbai' AND c.emi_amount BETWEEN 1000 AND 5000
              AND c.payment_status IN ('bounced', 'pending')
            """;

    /** For reference: the insert of the same rows without the safeguards. */
    private static final String INSERT_ONLY = INSERT_CALLS_FROM_CUSTOMERS + """
            WHERE c.organization_id = ? AND c.campaign_id = ?
            ORDER BY c.emi_due_date NULLS LAST, c.id
            """;

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            usage();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + Integer.parseInt(args[1]) + "/postgres";
        try (Connection db = connect(url)) {
            System.err.println("[bare] " + durability(db));
            switch (args[0]) {
                case "initiation" -> {
                    if (args.length != 4) {
                        usage();
                    }
                    initiation(db, args[2], args[3]);
                }
                case "filter" -> {
                    if (args.length != 4) {
                        usage();
                    }
                    filter(db, args[2], args[3]);
                }
                case "sql" -> sql(db);
                default -> usage();
            }
        }
    }

    /**
     * The embedded PostgreSQL asks for its password (AGENTCALLS_DATA_DIR/postgres-password), which
     * the bench scripts pass as PGPASSWORD, as psql would take it.
     */
    static Connection connect(String jdbcUrl) throws SQLException {
        String password = System.getenv("PGPASSWORD");
        if (password == null || password.isBlank()) {
            throw new IllegalStateException("set PGPASSWORD to the content of <data dir>/postgres-password");
        }
        return DriverManager.getConnection(jdbcUrl, "postgres", password.strip());
    }

    /** The settings that decide what a commit costs, so a baseline shows it ran on the service's. */
    static String durability(Connection db) throws SQLException {
        StringBuilder settings = new StringBuilder();
        try (Statement show = db.createStatement()) {
            for (String name : new String[] {"fsync", "synchronous_commit", "full_page_writes"}) {
                try (ResultSet rs = show.executeQuery("SHOW " + name)) {
                    rs.next();
                    settings.append(settings.length() == 0 ? "" : " ").append(name).append('=').append(rs.getString(1));
                }
            }
        }
        return settings.toString();
    }

    private static void initiation(Connection db, String organizationId, String campaignId) throws SQLException {
        Timed selection = insertIntoScratch(db, SELECTION_AND_INSERT, organizationId, campaignId);
        Timed insertOnly = insertIntoScratch(db, INSERT_ONLY, organizationId, campaignId);
        System.out.printf(
                "seconds=%.3f insert_only_seconds=%.3f rows=%d%n", selection.seconds(), insertOnly.seconds(), selection.rows());
    }

    private record Timed(double seconds, long rows) {}

    /** Runs one INSERT into a fresh scratch copy of calls; the time is the statement and its commit. */
    private static Timed insertIntoScratch(Connection db, String insert, String organizationId, String campaignId)
            throws SQLException {
        try (Statement ddl = db.createStatement()) {
            ddl.execute("DROP TABLE IF EXISTS " + SCRATCH);
            ddl.execute("CREATE TABLE " + SCRATCH + " (LIKE calls INCLUDING ALL)");
            // LIKE copies no foreign keys and no storage parameters; calls checks its organization for
            // every row and keeps half of each page free (fillfactor), so must the copy
            ddl.execute("ALTER TABLE " + SCRATCH + " ADD FOREIGN KEY (organization_id) REFERENCES organizations (id)");
            try (ResultSet options = ddl.executeQuery(
                    "SELECT array_to_string(reloptions, ', ') FROM pg_class WHERE oid = 'calls'::regclass")) {
                options.next();
                if (options.getString(1) != null) {
                    ddl.execute("ALTER TABLE " + SCRATCH + " SET (" + options.getString(1) + ")");
                }
            }
        }
        db.setAutoCommit(false);
        long rows;
        long start = System.nanoTime();
        try (var statement = db.prepareStatement(insert)) {
            statement.setString(1, organizationId);
            statement.setString(2, campaignId);
            rows = statement.executeUpdate();
        }
        db.commit();
        double seconds = (System.nanoTime() - start) / 1e9;
        db.setAutoCommit(true);
        try (Statement ddl = db.createStatement()) {
            ddl.execute("DROP TABLE " + SCRATCH);
        }
        return new Timed(seconds, rows);
    }

    /** Two unmeasured counts, then 20 measured ones; prints each time in milliseconds, one a line. */
    private static void filter(Connection db, String organizationId, String campaignId) throws SQLException {
        try (var count = db.prepareStatement(FILTER_COUNT)) {
            count.setString(1, organizationId);
            count.setString(2, campaignId);
            for (int i = -2; i < 20; i++) {
                long start = System.nanoTime();
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                }
                if (i >= 0) {
                    System.out.printf("%.1f%n", (System.nanoTime() - start) / 1e6);
                }
            }
        }
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
        System.err.println("usage: Bare initiation|filter <port> <organizationId> <campaignId> | Bare sql <port> < statement.sql");
        System.exit(2);
    }
}
