import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Campaign stats and call list bench (single-file program, run by bench/stats.sh): seeds one
 * campaign with CUSTOMERS customers and CALLS finished calls (mixed statuses and dispositions) with
 * SQL, then times GET /api/v1/campaigns/{id}/stats and a few GET /api/v1/calls pages.
 *
 * Usage: PGPASSWORD=… java -cp postgresql.jar StatsBench.java JDBC_URL BASE_URL ADMIN_TOKEN CALLS CUSTOMERS
 */
public class StatsBench {

    public static void main(String[] args) throws Exception {
        String jdbcUrl = args[0];
        String baseUrl = args[1];
        int calls = Integer.parseInt(args[3]);
        int customers = Integer.parseInt(args[4]);
        HttpClient http = HttpClient.newHttpClient();
        String created = http.send(
                        HttpRequest.newBuilder(URI.create(baseUrl + "/admin/v1/organizations"))
                                .header("Authorization", "Bearer " + args[2])
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Stats bench\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        String org = created.replaceAll(".*\"id\":\"(org_[0-9a-f]+)\".*", "$1");
        String key = created.replaceAll(".*\"apiKey\":\"([^\"]+)\".*", "$1");

        long start = System.nanoTime();
        try (Connection c = connect(jdbcUrl); Statement s = c.createStatement()) {
            s.execute("INSERT INTO campaigns (organization_id, id, name) VALUES ('%s', 'cmp_stats', 'Stats')".formatted(org));
            s.execute("INSERT INTO disposition_sets (organization_id, id, name) VALUES ('%s', 'dsp_stats', 'S')".formatted(org));
            // a set (group) and its codes, each a disposition (V90)
            s.execute("""
                    WITH v (code, label, category, position) AS (
                        VALUES ('PTP', 'Promise to pay', 'positive', 1),
                                 ('RTP', 'Refused to pay', 'negative', 2),
                                 ('CALLBACK', 'Call back later', 'callback', 3)),
                    d AS (
                        INSERT INTO dispositions (organization_id, id, name, code, category)
                        SELECT '%1$s', new_id('dis'), label, code, category FROM v
                        RETURNING id, code, name, category)
                    INSERT INTO disposition_codes (organization_id, disposition_set_id, code, label, category, position,
                                                   disposition_id)
                    SELECT '%1$s', 'dsp_stats', d.code, d.name, d.category, v.position, d.id FROM d JOIN v USING (code)""".formatted(org));
            s.execute("""
                    INSERT INTO customers (organization_id, campaign_id, id, phone, payment_status, emi_amount)
                    SELECT '%s', 'cmp_stats', 'LOAN-' || g, '+9170' || lpad(g::text, 8, '0'),
                           (ARRAY['bounced','pending','partial','paid','received'])[1 + g %% 5], 4500
                    FROM generate_series(1, %d) g""".formatted(org, customers));
            s.execute("""
                    INSERT INTO calls (organization_id, id, campaign_id, customer_id, agent_id, disposition_set_id,
                                       from_number, to_phone, status, in_progress_at, ended_at, disposition_code,
                                       disposition_data)
                    SELECT '%1$s', new_id('call'), 'cmp_stats', 'LOAN-' || (1 + g %% %3$d), 'agt', 'dsp_stats',
                           '+918045550100', '+9170' || lpad((1 + g %% %3$d)::text, 8, '0'), st,
                           CASE WHEN st = 'completed' THEN now() END, now(),
                           CASE WHEN st = 'completed' THEN (ARRAY['PTP','RTP','CALLBACK'])[1 + g %% 3] END,
                           CASE WHEN st = 'completed' AND g %% 3 = 0
                                THEN jsonb_build_object('ptp_date', '2026-12-05', 'ptp_amount', 1000 + g %% 9000) END
                    FROM generate_series(1, %2$d) g,
                         LATERAL (SELECT (ARRAY['completed','completed','no_answer','busy','voicemail','failed',
                                               'failed_to_initiate','cancelled'])[1 + (g * 7) %% 8] AS st) x
                    """.formatted(org, calls, customers));
            s.execute("VACUUM ANALYZE calls");
            s.execute("VACUUM ANALYZE customers");
        }
        System.out.printf("seeded %,d calls and %,d customers in %.1f s%n", calls, customers, (System.nanoTime() - start) / 1e9);

        time(http, key, baseUrl + "/api/v1/campaigns/cmp_stats/stats", "campaign stats");
        time(http, key, baseUrl + "/api/v1/calls?campaignId=cmp_stats&limit=100", "calls, campaign filter, first page");
        time(http, key, baseUrl + "/api/v1/calls?campaignId=cmp_stats&status=busy&limit=100", "calls, campaign + status");
        time(http, key, baseUrl + "/api/v1/calls?customerId=LOAN-77&campaignId=cmp_stats", "calls of one customer");
    }

    /** The median of 7 requests, after 2 untimed ones. */
    static void time(HttpClient http, String key, String url, String what) throws Exception {
        long[] millis = new long[7];
        for (int i = -2; i < millis.length; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + key).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(response.statusCode() + " " + response.body());
            }
            if (i >= 0) {
                millis[i] = (System.nanoTime() - start) / 1_000_000;
            }
        }
        java.util.Arrays.sort(millis);
        System.out.printf("%-40s median %d ms (min %d, max %d)%n", what, millis[3], millis[0], millis[6]);
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
}
