package io.agentcalls.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcalls.support.ApiTest;
import io.agentcalls.support.CallingSetup;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The console's requests sent wrong by a signed-in client without a browser: malformed numbers,
 * dates, cursors and keys, NUL characters, another organization's ids. Each is a page naming the
 * problem (400/403/404), never a 500, and nothing is written. Also the live stream's first event.
 */
class ConsoleFormsTest extends ApiTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*content=\"([^\"]+)\"");
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private HttpClient client;
    private CallingSetup lender;
    private String token;

    @BeforeEach
    void signedIn() throws Exception {
        lender = CallingSetup.create(this);
        lender.upsert(lender.customers("FORM", 3));
        String org = "org_" + lender.key.substring(3, lender.key.indexOf('_', 3));
        String email = "forms-" + System.nanoTime() + "@lender.example";
        Response user = send(
                "POST",
                "/admin/v1/organizations/" + org + "/users",
                ADMIN_TOKEN,
                "application/json",
                json("email", email, "password", "forms-password", "role", "operator"));
        assertThat(user.status()).as(user.raw()).isEqualTo(201);
        client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        String login = page("/login").body();
        Matcher field = CSRF_FIELD.matcher(login);
        assertThat(field.find()).as(login).isTrue();
        HttpResponse<String> signIn =
                form("/login", Map.of("email", email, "password", "forms-password"), field.group(1));
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        Matcher meta = CSRF.matcher(page("/console/campaigns").body());
        assertThat(meta.find()).isTrue();
        token = meta.group(1);
    }

    @Test
    void malformedFiltersAreNamedInThePreviewAndNothingIsLaunched() throws Exception {
        String preview = "/console/campaigns/" + lender.campaignId + "/launch/preview";
        HttpResponse<String> numbers = form(
                preview,
                Map.of(
                        "agentId",
                        lender.agentId,
                        "dispositionId",
                        lender.dispositionId,
                        "emiAmountMin",
                        "lots",
                        "dueFrom",
                        "yesterday",
                        "limit",
                        "99999999999999999999"),
                token);
        assertThat(numbers.statusCode()).isEqualTo(200);
        assertThat(numbers.body())
                .contains("EMI amount from must be a number")
                .contains("Due from must be a date")
                .contains("Limit must be a whole number");

        HttpResponse<String> nul = form(
                preview,
                Map.of(
                        "agentId",
                        lender.agentId,
                        "dispositionId",
                        lender.dispositionId,
                        "languages",
                        "hin\u0000di",
                        "customField",
                        "branch\u0000",
                        "customValue",
                        "x"),
                token);
        assertThat(nul.statusCode()).isEqualTo(200);
        assertThat(nul.body()).contains("Languages is not a valid value");

        HttpResponse<String> unknownField = form(
                preview,
                Map.of(
                        "agentId",
                        lender.agentId,
                        "dispositionId",
                        lender.dispositionId,
                        "customField",
                        "no_such_field",
                        "customValue",
                        "x"),
                token);
        assertThat(unknownField.statusCode()).isEqualTo(200);
        assertThat(unknownField.body()).contains("filters.no_such_field").doesNotContain("Matched");

        HttpResponse<String> badKey = form(
                "/console/campaigns/" + lender.campaignId + "/launch",
                Map.of("agentId", lender.agentId, "dispositionId", lender.dispositionId, "idempotencyKey", "has space"),
                token);
        assertThat(badKey.statusCode()).isEqualTo(400);
        assertThat(badKey.body()).contains("Idempotency-Key");

        HttpResponse<String> otherAgent = form(
                "/console/campaigns/" + lender.campaignId + "/launch",
                Map.of(
                        "agentId",
                        "agt_" + "0".repeat(32),
                        "dispositionId",
                        lender.dispositionId,
                        "idempotencyKey",
                        "k-1"),
                token);
        assertThat(otherAgent.statusCode()).isEqualTo(404);
        assertThat(otherAgent.body()).contains("Agent not found");

        assertThat(jdbc.sql("SELECT count(*) FROM calls WHERE campaign_id = :id")
                        .param("id", lender.campaignId)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void malformedLinksAndOtherOrganizationsIdsArePagesNot500s() throws Exception {
        assertThat(page("/console/campaigns?cursor=%25%25%25").statusCode()).isEqualTo(400);
        assertThat(page("/console/campaigns?cursor=" + "A".repeat(500)).statusCode())
                .isEqualTo(400);
        assertThat(page("/console/outcomes?campaignId=" + lender.campaignId + "&from=soon")
                        .statusCode())
                .isEqualTo(400);
        assertThat(page("/console/outcomes?campaignId=" + lender.campaignId + "&from=2026-02-01&to=2026-01-01")
                        .statusCode())
                .isEqualTo(400);
        assertThat(page("/console/campaigns/cmp_" + "0".repeat(32)).statusCode())
                .isEqualTo(404);
        assertThat(page("/console/campaigns/not-an-id").statusCode()).isEqualTo(404);
        assertThat(page("/console/calls/call_" + "0".repeat(32)).statusCode()).isEqualTo(404);
        assertThat(page("/console/calls/x").body()).contains("Not found");
        assertThat(page("/console/calls/call_" + "0".repeat(32) + "/recording").statusCode())
                .isEqualTo(404);
        HttpResponse<String> forged =
                form("/console/campaigns/" + lender.campaignId + "/pause", Map.of(), "wrong-token");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT status FROM campaigns WHERE id = :id")
                        .param("id", lender.campaignId)
                        .query(String.class)
                        .single())
                .isEqualTo("active");
    }

    @Test
    void cancelPausesTheCampaignAndCancelsItsCallsNotYetAnswered() throws Exception {
        assertThat(lender.initiate(Map.of()).status()).isEqualTo(200);
        HttpResponse<String> cancelled = form("/console/campaigns/" + lender.campaignId + "/cancel", Map.of(), token);
        assertThat(cancelled.statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT status FROM campaigns WHERE id = :id")
                        .param("id", lender.campaignId)
                        .query(String.class)
                        .single())
                .isEqualTo("paused");
        assertThat(jdbc.sql("SELECT DISTINCT status FROM calls WHERE campaign_id = :id")
                        .param("id", lender.campaignId)
                        .query(String.class)
                        .list())
                .containsExactly("cancelled");
        assertThat(page("/console/campaigns/" + lender.campaignId).body())
                .contains("3 call(s) not yet answered cancelled");
    }

    @Test
    void theLiveStreamSendsTheFiguresAsAnEvent() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/console/campaigns/" + lender.campaignId + "/live"))
                .header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(20))
                .build();
        HttpResponse<java.io.InputStream> stream = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            assertThat(lines.readLine()).isEqualTo("event:figures");
            String data = lines.readLine();
            assertThat(data).startsWith("data:").contains("id=\"total\"").doesNotContain("\n");
        }
    }

    private HttpResponse<String> page(String path) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> form(String path, Map<String, String> fields, String csrf) throws Exception {
        String body = fields.entrySet().stream()
                        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                        .collect(Collectors.joining("&"))
                + "&_csrf=" + enc(csrf);
        return client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
