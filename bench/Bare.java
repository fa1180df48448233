import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
 *   <li>{@code events <port> <calls file> <threads> <batch>}: the state changes of bench/Events.java's
 *       runner events written straight into those calls: per phase ({@code ringing}, {@code in_progress},
 *       {@code completed} with its disposition) one {@code UPDATE calls … FROM unnest(…)} per batch,
 *       {@code threads} connections at a time. Prints {@code seconds=… events=… updated=…}.
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

    /** The service stores an event by updating its call, so the bare write is the same update. */
    private static final String EVENT_UPDATE = """
            UPDATE calls c
            SET status = p.status,
                ringing_at = CASE WHEN p.status = 'ringing' THEN p.at ELSE c.ringing_at END,
                in_progress_at = CASE WHEN p.status = 'in_progress' THEN p.at ELSE c.in_progress_at END,
                ended_at = CASE WHEN p.status = 'completed' THEN p.at ELSE c.ended_at END,
                duration_seconds = coalesce(p.duration, c.duration_seconds),
                disposition_code = coalesce(p.code, c.disposition_code),
                disposition_data = coalesce(CAST(p.data AS jsonb), c.disposition_data),
                updated_at = now()
            FROM unnest(CAST(? AS text[]), CAST(? AS text[])) AS u(organization_id, id),
                 (SELECT CAST(? AS text) AS status, CAST(? AS timestamptz) AS at, CAST(? AS integer) AS duration,
                         CAST(? AS text) AS code, CAST(? AS text) AS data) p
            WHERE c.organization_id = u.organization_id AND c.id = u.id
            """;

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
                case "events" -> {
                    if (args.length != 5) {
                        usage();
                    }
                    events(url, Path.of(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
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

    private static void events(String url, Path callsFile, int threads, int batch) throws Exception {
        List<String[]> calls = new ArrayList<>();
        for (String line : Files.readAllLines(callsFile)) {
            if (!line.isBlank()) {
                calls.add(line.split("\t", 2));
            }
        }
        // phase, seconds after now, duration, code, data: what bench/Events.java sends
        Object[][] phases = {
            {"ringing", 1, null, null, null},
            {"in_progress", 5, null, null, null},
            {"completed", 65, 60, "PTP", "{\"ptp_amount\":4500}"}
        };
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Connection> connections = new ArrayList<>();
        ThreadLocal<Connection> connection = ThreadLocal.withInitial(() -> {
            try {
                Connection opened = DriverManager.getConnection(url, "postgres", "");
                synchronized (connections) {
                    connections.add(opened);
                }
                return opened;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        Instant base = Instant.now();
        long updated = 0;
        long start = System.nanoTime();
        for (Object[] phase : phases) {
            List<Future<Integer>> updates = new ArrayList<>();
            for (int from = 0; from < calls.size(); from += batch) {
                List<String[]> slice = calls.subList(from, Math.min(calls.size(), from + batch));
                updates.add(pool.submit(() -> {
                    Connection db = connection.get();
                    try (var update = db.prepareStatement(EVENT_UPDATE)) {
                        update.setArray(1, db.createArrayOf("text", slice.stream().map(c -> c[0]).toArray()));
                        update.setArray(2, db.createArrayOf("text", slice.stream().map(c -> c[1]).toArray()));
                        update.setString(3, (String) phase[0]);
                        update.setTimestamp(4, Timestamp.from(base.plusSeconds((Integer) phase[1])));
                        update.setObject(5, phase[2]);
                        update.setObject(6, phase[3]);
                        update.setObject(7, phase[4]);
                        return update.executeUpdate();
                    }
                }));
            }
            for (Future<Integer> count : updates) {
                updated += count.get();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        for (Connection opened : connections) {
            opened.close();
        }
        System.out.printf("seconds=%.3f events=%d updated=%d%n", seconds, (long) calls.size() * phases.length, updated);
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
        System.err.println("usage: Bare initiation <port> <organizationId> <campaignId>"
                + " | Bare events <port> <calls file> <threads> <batch> | Bare sql <port> < statement.sql");
        System.exit(2);
    }
}
