import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The console's page bench (single-file program, run by bench/console.sh): seeds one organization
 * with CUSTOMERS customers and CALLS finished calls over the last 30 days (mixed statuses and
 * dispositions), 30 days of initiations with skips, 10,000 do-not-call phones and a webhook endpoint
 * with 10,000 deliveries, all with SQL; then signs in to the console as a person would (the sign-in
 * form, its CSRF token, the session cookie) and times every console page, 10 untimed requests then 20
 * timed ones each, and the CSV export of all the calls.
 *
 * Usage: PGPASSWORD=… java -cp postgresql.jar ConsoleBench.java JDBC_URL BASE_URL ADMIN_TOKEN CUSTOMERS CALLS
 */
public class ConsoleBench {

    static final int TIMED = 20;
    /** Untimed requests first, so the page's code is compiled (JIT) before it is timed. */
    static final int WARM_UP = 10;
    static final String EMAIL = "bench@agentcalls.local";
    static final String PASSWORD = "bench-console-password";

    public static void main(String[] args) throws Exception {
        String jdbcUrl = args[0];
        String base = args[1];
        String admin = args[2];
        int customers = Integer.parseInt(args[3]);
        int calls = Integer.parseInt(args[4]);
        HttpClient api = HttpClient.newHttpClient();
        String created = send(api, post(base + "/admin/v1/organizations", admin, "{\"name\":\"Console bench\"}"));
        String org = group(created, "\"id\":\"(org_[0-9a-f]+)\"");
        String key = group(created, "\"apiKey\":\"([^\"]+)\"");
        String campaign = group(
                send(api, post(base + "/api/v1/campaigns", key, """
                        {"name":"Bench EMI","timezone":"Asia/Kolkata","callingWindow":{"start":"09:00","end":"19:00"}}""")),
                "\"id\":\"(cmp_[0-9a-f]+)\"");
        String webhook = null;
        HttpResponse<String> hook = api.send(
                post(base + "/api/v1/webhooks", key,
                        "{\"url\":\"http://127.0.0.1/agentcalls-bench-sink\",\"events\":[\"call.completed\"]}"),
                HttpResponse.BodyHandlers.ofString());
        if (hook.statusCode() == 201) {
            webhook = group(hook.body(), "\"id\":\"(whk_[0-9a-f]+)\"");
        } else {
            System.out.println("webhook endpoint not created (" + hook.statusCode() + "): its pages are not timed");
        }

        long start = System.nanoTime();
        try (Connection c = connect(jdbcUrl); Statement s = c.createStatement()) {
            seed(s, org, campaign, webhook, customers, calls);
        }
        System.out.printf("seeded %,d customers and %,d calls in %.1f s%n", customers, calls, (System.nanoTime() - start) / 1e9);

        if (System.getenv("CONSOLE_EXPLAIN") != null) {
            explain(jdbcUrl, org, campaign);
        }

        String user = "{\"email\":\"" + EMAIL + "\",\"password\":\"" + PASSWORD + "\",\"role\":\"admin\"}";
        send(api, post(base + "/admin/v1/organizations/" + org + "/users", admin, user));
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        signIn(browser, base);

        String someCall = "call_" + String.format("%012x", System.currentTimeMillis() - 3_600_000L);
        String half = String.format("%08d", customers / 2); // a customer in the middle, and its phone's digits
        Map<String, String> pages = new LinkedHashMap<>();
        for (String line : System.getenv().getOrDefault("CONSOLE_PAGES", "").split("\n")) {
            if (!line.isBlank()) {
                String[] parts = line.split("\\|", 2);
                pages.put(parts[0].strip(), parts[1].strip()
                        .replace("{campaign}", campaign)
                        .replace("{customer}", "LN" + half)
                        .replace("{half}", half)
                        .replace("{n}", Integer.toString(customers / 2))
                        .replace("{webhook}", webhook == null ? "" : webhook)
                        .replace("{call}", firstCallAfter(jdbcUrl, org, someCall)));
            }
        }
        System.out.printf("%-44s %10s %10s %10s%n", "page", "median ms", "p99 ms", "max ms");
        for (Map.Entry<String, String> page : pages.entrySet()) {
            if (page.getValue().contains("/webhooks/") && webhook == null) {
                continue;
            }
            time(browser, base + page.getValue(), page.getKey());
        }
        long exportStart = System.nanoTime();
        HttpResponse<java.io.InputStream> export = browser.send(
                HttpRequest.newBuilder(URI.create(base + "/console/calls/export.csv?campaign=" + campaign)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        long lines = 0;
        try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(export.body(), StandardCharsets.UTF_8))) {
            while (in.readLine() != null) {
                lines++;
            }
        }
        double seconds = (System.nanoTime() - exportStart) / 1e9;
        System.out.printf("CSV export: %d, %,d rows in %.1f s (%,d rows/s)%n",
                export.statusCode(), lines - 1, seconds, (long) ((lines - 1) / seconds));

        if (System.getenv("CONSOLE_TRIGGER_COST") != null) {
            try (Connection c = connect(jdbcUrl)) {
                tallyTriggerCost(c, org, campaign, calls);
            }
        }
    }

    /**
     * What the calls' tally triggers (V160) cost the writes of calls, each write timed with its
     * trigger and with the trigger disabled, twice in turn, every time rolled back: an initiation's
     * insert of queued calls in one statement (one delta per statement), and an update of every
     * busy call's status, one statement. With CONSOLE_TRIGGER_COST set; at a million calls it takes
     * about ten minutes (the inserts). Holds the calls table while it runs: the server's own work
     * on calls waits.
     */
    static void tallyTriggerCost(Connection c, String org, String campaign, int calls) throws SQLException {
        String insert = """
                INSERT INTO calls (organization_id, id, campaign_id, customer_id, agent_id, disposition_set_id,
                                   to_phone, status)
                SELECT '%1$s', 'call_' || lpad(to_hex((extract(epoch FROM now()) * 1000)::bigint), 12, '0')
                               || substr(md5('q' || g), 1, 20),
                       '%2$s', 'Q' || g, 'agt_bench', 'dsp_console', '+9177' || lpad(g::text, 8, '0'), 'queued'
                FROM generate_series(1, %3$d) g
                """.formatted(org, campaign, calls);
        String update = """
                UPDATE calls SET status = 'no_answer' WHERE organization_id = '%1$s' AND campaign_id = '%2$s'
                AND status = 'busy'
                """.formatted(org, campaign);
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            for (String[] write : new String[][] {
                {"insert of " + String.format("%,d", calls) + " queued calls", insert, "calls_tally_insert"},
                {"status update of every busy call", update, "calls_tally_update"}
            }) {
                long[] with = new long[2];
                long[] without = new long[2];
                int rows = 0;
                for (int round = 0; round < 2; round++) {
                    long start = System.nanoTime();
                    rows = s.executeUpdate(write[1]);
                    with[round] = (System.nanoTime() - start) / 1_000_000;
                    c.rollback();
                    s.execute("ALTER TABLE calls DISABLE TRIGGER " + write[2]);
                    start = System.nanoTime();
                    s.executeUpdate(write[1]);
                    without[round] = (System.nanoTime() - start) / 1_000_000;
                    c.rollback();
                }
                System.out.printf("tally trigger cost, %s (%,d rows): %d and %d ms with it, %d and %d ms without%n",
                        write[0], rows, with[0], with[1], without[0], without[1]);
            }
        }
        c.setAutoCommit(true);
    }

    static void seed(Statement s, String org, String campaign, String webhook, int customers, int calls)
            throws SQLException {
        s.execute("INSERT INTO disposition_sets (organization_id, id, name) VALUES ('%s', 'dsp_console', 'Collections')"
                .formatted(org));
        s.execute("""
                WITH v (code, label, category, position) AS (
                    VALUES ('PTP', 'Promise to pay', 'positive', 1), ('RTP', 'Refused to pay', 'negative', 2),
                           ('CALLBACK', 'Call back later', 'callback', 3), ('WRONG', 'Wrong number', 'negative', 4)),
                d AS (
                    INSERT INTO dispositions (organization_id, id, name, code, category)
                    SELECT '%1$s', new_id('dis'), label, code, category FROM v
                    RETURNING id, code, name, category)
                INSERT INTO disposition_codes (organization_id, disposition_set_id, code, label, category, position,
                                               disposition_id)
                SELECT '%1$s', 'dsp_console', d.code, d.name, d.category, v.position, d.id FROM d JOIN v USING (code)"""
                .formatted(org));
        s.execute("""
                INSERT INTO customers (organization_id, campaign_id, id, name, phone, language, payment_status,
                                       emi_amount, emi_due_date, loan_amount, custom)
                SELECT '%s', '%s', 'LN' || lpad(g::text, 8, '0'), 'Customer ' || g, '+9198' || lpad(g::text, 8, '0'),
                       (ARRAY['hindi','english','tamil','marathi','telugu'])[1 + g %% 5],
                       (ARRAY['bounced','pending','partial','paid','received'])[1 + g %% 5],
                       1000 + g %% 9000, DATE '2026-01-01' + g %% 60, 50000 + (g %% 50) * 10000,
                       jsonb_build_object('branch', (ARRAY['mumbai','pune','delhi','chennai'])[1 + g %% 4])
                FROM generate_series(1, %d) g""".formatted(org, campaign, customers));
        // one call per customer in turn, spread over the last 30 days; the id carries its time, as new_id makes it
        s.execute("""
                INSERT INTO calls (organization_id, id, campaign_id, customer_id, agent_id, disposition_set_id,
                                   from_number, to_phone, status, queued_at, initiated_at, in_progress_at, ended_at,
                                   duration_seconds, disposition_code, disposition_data, created_at, updated_at,
                                   customer_payment_status, customer_language, campaign_timezone)
                SELECT '%1$s', 'call_' || lpad(to_hex((extract(epoch FROM t) * 1000)::bigint), 12, '0')
                               || substr(md5(g::text), 1, 20),
                       '%2$s', 'LN' || lpad((1 + g %% %4$d)::text, 8, '0'), 'agt_bench', 'dsp_console', '+918045550100',
                       '+9198' || lpad((1 + g %% %4$d)::text, 8, '0'), st, t, t, CASE WHEN st = 'completed' THEN t END,
                       t + interval '1 minute', CASE WHEN st = 'completed' THEN 30 + g %% 200 END,
                       CASE WHEN st = 'completed' THEN (ARRAY['PTP','RTP','CALLBACK','WRONG'])[1 + g %% 4] END,
                       CASE WHEN st = 'completed' AND g %% 4 = 0
                            THEN jsonb_build_object('ptp_date', '2026-12-05', 'ptp_amount', 1000 + g %% 9000) END,
                       t, t + interval '1 minute',
                       (ARRAY['bounced','pending','partial','paid','received'])[1 + (1 + g %% %4$d) %% 5],
                       (ARRAY['hindi','english','tamil','marathi','telugu'])[1 + (1 + g %% %4$d) %% 5], 'Asia/Kolkata'
                FROM generate_series(1, %3$d) g,
                     LATERAL (SELECT now() - interval '30 days' + (interval '30 days' * g / %3$d) AS t,
                                     (ARRAY['completed','completed','no_answer','busy','voicemail','failed',
                                            'failed_to_initiate','cancelled'])[1 + (g * 7) %% 8] AS st) x
                """.formatted(org, campaign, calls, customers));
        s.execute("""
                INSERT INTO initiations (organization_id, id, campaign_id, request, state, response_status, response,
                                         created_at, completed_at)
                SELECT '%1$s', 'ini_' || lpad(to_hex((extract(epoch FROM t) * 1000)::bigint), 12, '0')
                               || substr(md5(d::text), 1, 20), '%2$s', '{}', 'completed', 200,
                       jsonb_build_object('success', true, 'results', jsonb_build_object('skipped', jsonb_build_object(
                           'activeCall', d * 3, 'doNotCall', 100 + d, 'attemptLimit', 50 * (d %% 3),
                           'outsideCallingWindow', 10 * (d %% 7))))::text, t, t
                FROM generate_series(0, 29) d, LATERAL (SELECT now() - interval '1 day' * d AS t) x
                """.formatted(org, campaign));
        s.execute("""
                INSERT INTO do_not_call (organization_id, phone)
                SELECT '%s', '+9197' || lpad(g::text, 8, '0') FROM generate_series(1, 10000) g""".formatted(org));
        if (webhook != null) {
            s.execute("""
                    INSERT INTO webhook_deliveries (organization_id, id, endpoint_id, event_type, payload, status,
                                                    attempts, last_response_code, last_attempt_at, created_at)
                    SELECT '%s', 'msg_' || lpad(to_hex((extract(epoch FROM t) * 1000)::bigint), 12, '0')
                                 || substr(md5(g::text), 1, 20), '%s', 'call.completed', '{}',
                           CASE WHEN g %% 10 = 0 THEN 'exhausted' ELSE 'delivered' END, 1 + (g %% 10 = 0)::int * 7,
                           CASE WHEN g %% 10 = 0 THEN 503 ELSE 200 END, t, t
                    FROM generate_series(1, 10000) g,
                         LATERAL (SELECT now() - interval '10 days' + interval '10 days' * g / 10000 AS t) x
                    """.formatted(org, webhook));
        }
        s.execute("VACUUM ANALYZE customers");
        s.execute("VACUUM ANALYZE calls");
        s.execute("VACUUM ANALYZE initiations");
    }

    /**
     * The plans of the console's list statements on this data (CONSOLE_EXPLAIN set): the same shapes as
     * call/CallSearchRepository and customer/CustomerSearchRepository, with values inlined.
     */
    static void explain(String jdbcUrl, String org, String campaign) throws SQLException {
        String calls = """
                SELECT c.id, c.queued_at, u.name, d.label FROM calls c
                LEFT JOIN customers u ON u.organization_id = c.organization_id AND u.campaign_id = c.campaign_id
                    AND u.id = c.customer_id
                LEFT JOIN disposition_codes d ON d.organization_id = c.organization_id
                    AND d.disposition_set_id = c.disposition_set_id AND d.code = c.disposition_code
                WHERE c.organization_id = '%s' """.formatted(org);
        String[] statements = {
            calls + "ORDER BY c.id DESC LIMIT 51",
            calls + "AND c.status = ANY('{busy}') ORDER BY c.id DESC LIMIT 51",
            calls + "AND c.id >= 'call_" + String.format("%012x", System.currentTimeMillis() - 3 * 86_400_000L)
                    + "' AND c.id < 'call_" + String.format("%012x", System.currentTimeMillis() - 2 * 86_400_000L)
                    + "' ORDER BY c.id DESC LIMIT 51",
            calls + "AND c.to_phone = '+919800500000' AND (c.campaign_id, c.customer_id) IN (SELECT p.campaign_id, p.id"
                    + " FROM customers p WHERE p.organization_id = '" + org + "' AND p.phone = '+919800500000')"
                    + " ORDER BY c.id DESC LIMIT 51",
            calls + "AND (c.campaign_id, c.customer_id) IN (SELECT n.campaign_id, n.id FROM customers n"
                    + " WHERE n.organization_id = '" + org + "' AND lower(n.name) COLLATE \"C\" LIKE 'customer 50000%'"
                    + " ORDER BY lower(n.name) COLLATE \"C\", n.campaign_id, n.id LIMIT 1000) ORDER BY c.id DESC LIMIT 51",
            "SELECT id, name FROM customers WHERE organization_id = '" + org + "' AND campaign_id = '" + campaign
                    + "' AND lower(name) COLLATE \"C\" LIKE 'customer 7777%' ORDER BY id LIMIT 51",
        };
        try (Connection c = connect(jdbcUrl); Statement s = c.createStatement()) {
            for (String sql : statements) {
                System.out.println("EXPLAIN " + sql.replaceAll("\\s+", " "));
                try (var rs = s.executeQuery("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + sql)) {
                    while (rs.next()) {
                        System.out.println("  " + rs.getString(1));
                    }
                }
            }
        }
    }

    static String firstCallAfter(String jdbcUrl, String org, String after) throws SQLException {
        try (Connection c = connect(jdbcUrl);
                var s = c.prepareStatement(
                        "SELECT id FROM calls WHERE organization_id = ? AND id > ? ORDER BY id LIMIT 1")) {
            s.setString(1, org);
            s.setString(2, after);
            try (var rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : "call_none";
            }
        }
    }

    static void signIn(HttpClient browser, String base) throws Exception {
        HttpResponse<String> form = browser.send(
                HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString());
        String csrf = group(form.body(), "name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
        String body = "email=" + enc(EMAIL) + "&password=" + enc(PASSWORD) + "&_csrf=" + enc(csrf);
        HttpResponse<String> signedIn = browser.send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String location = signedIn.headers().firstValue("Location").orElse("");
        if (signedIn.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("sign-in failed: " + signedIn.statusCode() + " " + location);
        }
    }

    /** WARM_UP untimed requests, then TIMED timed ones; prints the median, p99 (nearest rank) and max. */
    static void time(HttpClient browser, String url, String what) throws Exception {
        long[] micros = new long[TIMED];
        for (int i = -WARM_UP; i < TIMED; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response =
                    browser.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) { // reported in the table, and the other pages still timed
                System.out.printf("%-44s answered %d: %s%n", what, response.statusCode(), url);
                return;
            }
            if (i >= 0) {
                micros[i] = (System.nanoTime() - start) / 1000;
            }
        }
        Arrays.sort(micros);
        int p99 = (int) Math.ceil(0.99 * TIMED) - 1;
        double median = (micros[TIMED / 2 - 1] + micros[TIMED / 2]) / 2000.0;
        System.out.printf("%-44s %10.1f %10.1f %10.1f%n", what, median, micros[p99] / 1000.0, micros[TIMED - 1] / 1000.0);
    }

    static HttpRequest post(String url, String bearer, String json) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
    }

    static String send(HttpClient http, HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    static String group(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no " + regex + " in " + text.substring(0, Math.min(300, text.length())));
        }
        return m.group(1);
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The embedded PostgreSQL's password, from PGPASSWORD as psql would take it. */
    static Connection connect(String jdbcUrl) throws SQLException {
        String password = System.getenv("PGPASSWORD");
        if (password == null || password.isBlank()) {
            throw new IllegalStateException("set PGPASSWORD to the content of <data dir>/postgres-password");
        }
        return DriverManager.getConnection(jdbcUrl, "postgres", password.strip());
    }
}
