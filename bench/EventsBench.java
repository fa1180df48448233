import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Runner events bench (single-file program; run by bench/events.sh with the PostgreSQL driver on
 * the class path). Seeds initiated calls with SQL, then completes one set of them through
 * POST /api/v1/runner/events (signed batches of 100, several senders), an equal set with the bare
 * SQL UPDATE that writes the same columns (100 rows a statement, as many connections), and a third
 * with the two statements the service issues per batch (read by id, versioned UPDATE, one
 * transaction) sent straight from JDBC: the service's own cost is the gap to that.
 *
 * Usage: PGPASSWORD=… java -cp postgresql.jar EventsBench.java JDBC_URL BASE_URL SECRET CALLS SENDERS [SERVER_PID POSTMASTER_PID]
 * With the pids (Linux), it also prints the CPU time each path used: service, database, bench client.
 */
public class EventsBench {

    static final int BATCH = 100;
    /**
     * Untimed events first, in rounds of 50,000 until two rounds run within 5 % of each other (at
     * least 4, at most 10): the JIT keeps compiling the request path for a few hundred thousand
     * events on a busy two-core machine, and timing earlier measures the compiler, not the service.
     * Fewer with -Dwarmup=N, for bench/run.sh's smoke run, which checks the path rather than the rate.
     */
    static final int HTTP_WARMUP = Integer.getInteger("warmup", 500_000);

    static final int WARMUP_ROUND = Math.min(50_000, HTTP_WARMUP);

    static final int SQL_WARMUP = Math.min(50_000, HTTP_WARMUP);

    public static void main(String[] args) throws Exception {
        String jdbcUrl = args[0];
        String baseUrl = args[1];
        String secret = args[2];
        int calls = Integer.parseInt(args[3]);
        int senders = Integer.parseInt(args[4]);
        long serverPid = args.length > 6 ? Long.parseLong(args[5]) : -1;
        long postmasterPid = args.length > 6 ? Long.parseLong(args[6]) : -1;

        try (Connection c = connect(jdbcUrl)) {
            System.out.println("database: " + durability(c));
        }
        long seedStart = System.nanoTime();
        seed(jdbcUrl, calls);
        System.out.printf("seeded %,d calls in %.1f s%n", 3 * calls + HTTP_WARMUP + SQL_WARMUP, seconds(seedStart));

        warmUp(baseUrl, secret, ids(jdbcUrl, "W-"), senders);
        sql(jdbcUrl, ids(jdbcUrl, "V-"), senders);
        System.out.println("warmed up; timing");
        List<String> httpIds = ids(jdbcUrl, "H-");
        List<String> sqlIds = ids(jdbcUrl, "S-");
        Cpu before = Cpu.of(serverPid, postmasterPid);
        double httpRate = http(baseUrl, secret, httpIds, senders);
        Cpu afterHttp = Cpu.of(serverPid, postmasterPid);
        double sqlRate = sql(jdbcUrl, sqlIds, senders);
        Cpu afterSql = Cpu.of(serverPid, postmasterPid);
        double serviceSqlRate = serviceSql(jdbcUrl, ids(jdbcUrl, "R-"), senders);
        verify(jdbcUrl);
        if (serverPid > 0) {
            System.out.printf("CPU ms per 1,000 events, endpoint: service %.0f, database %.0f, bench client %.0f%n",
                    per1000(afterHttp.service - before.service, calls), per1000(afterHttp.database - before.database, calls),
                    per1000(afterHttp.client - before.client, calls));
            System.out.printf("CPU ms per 1,000 rows, bare SQL: database %.0f, bench client %.0f%n",
                    per1000(afterSql.database - afterHttp.database, calls), per1000(afterSql.client - afterHttp.client, calls));
        }
        System.out.printf("events endpoint: %,.0f events/s (%d senders, batches of %d)%n", httpRate, senders, BATCH);
        System.out.printf("bare SQL UPDATE: %,.0f rows/s (%d connections, %d rows a statement)%n", sqlRate, senders, BATCH);
        System.out.printf("service's statements from JDBC: %,.0f events/s (read + versioned UPDATE, one transaction)%n",
                serviceSqlRate);
        System.out.printf("ratio: %.2f (endpoint / bare UPDATE); %.2f (endpoint / service's statements)%n",
                httpRate / sqlRate, httpRate / serviceSqlRate);
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

    /** An organization, campaign, disposition set and sets of initiated calls: W, V (warm-up), H, S, R. */
    static void seed(String jdbcUrl, int calls) throws Exception {
        try (Connection c = connect(jdbcUrl); Statement s = c.createStatement()) {
            s.execute("INSERT INTO organizations (id, name) VALUES ('org_bench', 'Bench') ON CONFLICT DO NOTHING");
            s.execute("INSERT INTO campaigns (organization_id, id, name) VALUES ('org_bench', 'cmp_bench', 'Bench')");
            s.execute("INSERT INTO disposition_sets (organization_id, id, name) VALUES ('org_bench', 'dsp_bench', 'B')");
            // a set (group) and its codes, each a disposition (V90)
            s.execute("""
                    WITH v (code, label, category, position) AS (
                        VALUES ('PTP', 'Promise to pay', 'positive', 1),
                                 ('RTP', 'Refused to pay', 'negative', 2)),
                    d AS (
                        INSERT INTO dispositions (organization_id, id, name, code, category)
                        SELECT 'org_bench', new_id('dis'), label, code, category FROM v
                        RETURNING id, code, name, category)
                    INSERT INTO disposition_codes (organization_id, disposition_set_id, code, label, category, position,
                                                   disposition_id)
                    SELECT 'org_bench', 'dsp_bench', d.code, d.name, d.category, v.position, d.id FROM d JOIN v USING (code)""");
            for (String prefix : new String[] {"W-", "V-", "H-", "S-", "R-"}) {
                int n = prefix.startsWith("W") ? HTTP_WARMUP : prefix.startsWith("V") ? SQL_WARMUP : calls;
                s.execute("""
                        INSERT INTO calls (organization_id, id, campaign_id, customer_id, agent_id, disposition_set_id,
                                           from_number, to_phone, status, initiated_at)
                        SELECT 'org_bench', new_id('call'), 'cmp_bench', '%1$s' || g, 'agt_bench', 'dsp_bench',
                               '+918045550100', '+91%2$s' || lpad(g::text, 8, '0'), 'initiated', now()
                        FROM generate_series(1, %3$d) g""".formatted(prefix, "6" + "WVHSR".indexOf(prefix.charAt(0)), n));
            }
            s.execute("VACUUM ANALYZE calls");
        }
    }

    static List<String> ids(String jdbcUrl, String prefix) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection c = connect(jdbcUrl);
                PreparedStatement p = c.prepareStatement(
                        "SELECT id FROM calls WHERE organization_id = 'org_bench' AND customer_id LIKE ? ORDER BY id")) {
            p.setString(1, prefix + "%");
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    static void warmUp(String baseUrl, String secret, List<String> ids, int senders) throws Exception {
        double previous = 0;
        for (int round = 0; round * WARMUP_ROUND < ids.size(); round++) {
            List<String> chunk = ids.subList(round * WARMUP_ROUND, Math.min(ids.size(), (round + 1) * WARMUP_ROUND));
            double rate = http(baseUrl, secret, chunk, senders);
            System.out.printf("warm-up round %d: %,.0f events/s%n", round + 1, rate);
            if (round >= 3 && Math.abs(rate - previous) < 0.05 * previous) {
                return;
            }
            previous = rate;
        }
    }

    /** Completes every call through the events endpoint; returns events per second. */
    static double http(String baseUrl, String secret, List<String> ids, int senders) throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        runAll(senders, () -> {
            for (int from; (from = next.getAndAdd(BATCH)) < ids.size(); ) {
                StringBuilder body = new StringBuilder("{\"events\":[");
                String at = Instant.now().toString();
                for (int i = from; i < Math.min(ids.size(), from + BATCH); i++) {
                    if (i > from) {
                        body.append(',');
                    }
                    body.append("{\"callId\":\"").append(ids.get(i)).append("\",\"status\":\"completed\",\"at\":\"")
                            .append(at).append("\",\"durationSeconds\":74,\"disposition\":{\"code\":\"PTP\",")
                            .append("\"data\":{\"ptp_date\":\"2026-12-05\",\"ptp_amount\":4500}},")
                            .append("\"recordingUrl\":\"https://runner.example/rec/").append(ids.get(i))
                            .append(".mp3\"}");
                }
                byte[] bytes = body.append("]}").toString().getBytes(StandardCharsets.UTF_8);
                String timestamp = Long.toString(System.currentTimeMillis() / 1000);
                HttpResponse<String> response = client.send(
                        HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/runner/events"))
                                .header("Content-Type", "application/json")
                                .header("X-Runner-Timestamp", timestamp)
                                .header("X-Runner-Signature", sign(secret, timestamp, bytes))
                                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200 || !response.body().contains("\"rejected\":[]")) {
                    throw new IllegalStateException(response.statusCode() + " " + response.body());
                }
            }
            return null;
        });
        return ids.size() / seconds(start);
    }

    /** The same column changes with one UPDATE per 100 calls, no service in between; rows per second. */
    static double sql(String jdbcUrl, List<String> ids, int connections) throws Exception {
        String update = """
                UPDATE calls c SET status = 'completed', ended_at = u.ended_at, duration_seconds = u.duration,
                       disposition_code = u.code, disposition_data = CAST(u.data AS jsonb),
                       recording_url = u.recording, updated_at = now()
                FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS timestamptz[]), CAST(? AS integer[]),
                            CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]))
                     AS u(organization_id, id, ended_at, duration, code, data, recording)
                WHERE c.organization_id = u.organization_id AND c.id = u.id""";
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        runAll(connections, () -> {
            try (Connection c = connect(jdbcUrl); PreparedStatement p = c.prepareStatement(update)) {
                for (int from; (from = next.getAndAdd(BATCH)) < ids.size(); ) {
                    List<String> chunk = ids.subList(from, Math.min(ids.size(), from + BATCH));
                    int n = chunk.size();
                    String at = Instant.now().toString();
                    p.setArray(1, text(c, repeat("org_bench", n)));
                    p.setArray(2, text(c, chunk.toArray(String[]::new)));
                    p.setArray(3, text(c, repeat(at, n)));
                    p.setArray(4, text(c, repeat("74", n)));
                    p.setArray(5, text(c, repeat("PTP", n)));
                    p.setArray(6, text(c, repeat("{\"ptp_date\":\"2026-12-05\",\"ptp_amount\":4500}", n)));
                    p.setArray(7, text(c, chunk.stream().map(id -> "https://runner.example/rec/" + id + ".mp3")
                            .toArray(String[]::new)));
                    if (p.executeUpdate() != n) {
                        throw new IllegalStateException("not every call was updated");
                    }
                }
            }
            return null;
        });
        return ids.size() / seconds(start);
    }

    /** The statements of RunnerEventRepository, per 100 events: read by id, UPDATE if unchanged, commit. */
    static double serviceSql(String jdbcUrl, List<String> ids, int connections) throws Exception {
        // the same shape as RunnerEventRepository's read: the named codes once per disposition set
        String read = """
                WITH codes AS (SELECT CAST(? AS text[]) AS wanted),
                read AS MATERIALIZED (
                    SELECT c.*, d.label AS disposition_label, CAST(c.xmin AS text) AS version
                    FROM calls c
                    LEFT JOIN disposition_codes d ON d.organization_id = c.organization_id
                        AND d.disposition_set_id = c.disposition_set_id AND d.code = c.disposition_code
                    WHERE c.id = ANY(?)
                ),
                named AS (
                    SELECT k.organization_id, k.disposition_set_id,
                           CAST(json_object_agg(k.code, k.label) AS text) AS named_codes
                    FROM disposition_codes k, codes
                    WHERE (k.organization_id, k.disposition_set_id) IN (SELECT organization_id, disposition_set_id FROM read)
                      AND k.code = ANY(codes.wanted)
                    GROUP BY k.organization_id, k.disposition_set_id
                )
                SELECT c.*, n.named_codes
                FROM read c
                LEFT JOIN named n ON n.organization_id = c.organization_id AND n.disposition_set_id = c.disposition_set_id""";
        String update = """
                UPDATE calls c
                SET status = u.status, initiated_at = %1$s(u.initiated_at), ringing_at = %1$s(u.ringing_at),
                    in_progress_at = %1$s(u.in_progress_at), ended_at = %1$s(u.ended_at),
                    duration_seconds = u.duration_seconds, disposition_code = u.disposition_code,
                    disposition_data = CAST(u.disposition_data AS jsonb), recording_url = u.recording_url,
                    transcript = u.transcript, updated_at = %1$s(u.updated_at)
                FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),
                            CAST(? AS bigint[]), CAST(? AS bigint[]), CAST(? AS bigint[]), CAST(? AS bigint[]),
                            CAST(? AS integer[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),
                            CAST(? AS text[]), CAST(? AS bigint[]))
                     AS u(organization_id, id, version, status, initiated_at, ringing_at, in_progress_at, ended_at,
                          duration_seconds, disposition_code, disposition_data, recording_url, transcript, updated_at)
                WHERE c.organization_id = u.organization_id AND c.id = u.id AND c.xmin = CAST(u.version AS xid)
                RETURNING c.id""".formatted("TIMESTAMPTZ 'epoch' + INTERVAL '1 microsecond' * ");
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        runAll(connections, () -> {
            try (Connection c = connect(jdbcUrl);
                    PreparedStatement r = c.prepareStatement(read);
                    PreparedStatement u = c.prepareStatement(update)) {
                c.setAutoCommit(false);
                for (int from; (from = next.getAndAdd(BATCH)) < ids.size(); ) {
                    List<String> chunk = ids.subList(from, Math.min(ids.size(), from + BATCH));
                    int n = chunk.size();
                    r.setArray(1, text(c, new String[] {"PTP"}));
                    r.setArray(2, text(c, chunk.toArray(String[]::new)));
                    List<String> versions = new ArrayList<>();
                    List<String> readIds = new ArrayList<>();
                    try (ResultSet rs = r.executeQuery()) {
                        while (rs.next()) {
                            readIds.add(rs.getString("id"));
                            versions.add(rs.getString("version"));
                        }
                    }
                    Instant now = Instant.now();
                    String at = Long.toString(now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000);
                    u.setArray(1, text(c, repeat("org_bench", n)));
                    u.setArray(2, text(c, readIds.toArray(String[]::new)));
                    u.setArray(3, text(c, versions.toArray(String[]::new)));
                    u.setArray(4, text(c, repeat("completed", n)));
                    u.setArray(5, text(c, repeat(at, n)));
                    u.setArray(6, text(c, new String[n]));
                    u.setArray(7, text(c, new String[n]));
                    u.setArray(8, text(c, repeat(at, n)));
                    u.setArray(9, text(c, repeat("74", n)));
                    u.setArray(10, text(c, repeat("PTP", n)));
                    u.setArray(11, text(c, repeat("{\"ptp_date\":\"2026-12-05\",\"ptp_amount\":4500}", n)));
                    u.setArray(12, text(c, readIds.stream().map(id -> "https://runner.example/rec/" + id + ".mp3")
                            .toArray(String[]::new)));
                    u.setArray(13, text(c, new String[n]));
                    u.setArray(14, text(c, repeat(at, n)));
                    int written = 0;
                    try (ResultSet rs = u.executeQuery()) {
                        while (rs.next()) {
                            written++;
                        }
                    }
                    c.commit();
                    if (written != n) {
                        throw new IllegalStateException("not every call was updated");
                    }
                }
            }
            return null;
        });
        return ids.size() / seconds(start);
    }

    static void verify(String jdbcUrl) throws Exception {
        try (Connection c = connect(jdbcUrl);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FILTER (WHERE status <> 'completed') FROM calls"
                        + " WHERE organization_id = 'org_bench' AND customer_id NOT LIKE 'W-%'")) {
            rs.next();
            if (rs.getLong(1) != 0) {
                throw new IllegalStateException(rs.getLong(1) + " calls were not completed");
            }
        }
    }

    static double per1000(long nanos, int count) {
        return nanos / 1e6 / count * 1000;
    }

    /** CPU time so far of the server JVM, of PostgreSQL (the postmaster and its backends), and of this program. */
    record Cpu(long service, long database, long client) {
        static Cpu of(long serverPid, long postmasterPid) throws Exception {
            long client = ((com.sun.management.OperatingSystemMXBean)
                            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
            if (serverPid <= 0) {
                return new Cpu(0, 0, client);
            }
            java.util.Map<Long, long[]> procs = new java.util.HashMap<>(); // pid -> {ppid, ticks}
            try (var dirs = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
                for (var dir : (Iterable<java.nio.file.Path>) dirs::iterator) {
                    String name = dir.getFileName().toString();
                    if (!name.chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    try {
                        String stat = java.nio.file.Files.readString(dir.resolve("stat"));
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        procs.put(Long.parseLong(name),
                                new long[] {Long.parseLong(f[1]), Long.parseLong(f[11]) + Long.parseLong(f[12])});
                    } catch (Exception gone) {
                        // the process ended while listing
                    }
                }
            }
            long database = 0;
            for (var e : procs.entrySet()) {
                if (descendsFrom(e.getKey(), postmasterPid, procs)) {
                    database += e.getValue()[1];
                }
            }
            long service = procs.containsKey(serverPid) ? procs.get(serverPid)[1] : 0;
            long tick = 10_000_000L; // USER_HZ = 100 on Linux
            return new Cpu(service * tick, database * tick, client);
        }

        static boolean descendsFrom(long pid, long ancestor, java.util.Map<Long, long[]> procs) {
            for (long p = pid; procs.containsKey(p) && p > 1; p = procs.get(p)[0]) {
                if (p == ancestor) {
                    return true;
                }
            }
            return false;
        }
    }

    interface Task {
        Void call() throws Exception;
    }

    static void runAll(int threads, Task task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Void>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(task::call));
            }
            for (Future<Void> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static Array text(Connection c, String[] values) throws Exception {
        return c.createArrayOf("text", values);
    }

    static String[] repeat(String value, int n) {
        String[] values = new String[n];
        java.util.Arrays.fill(values, value);
        return values;
    }

    static String sign(String secret, String timestamp, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) '.');
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
