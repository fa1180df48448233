package io.agentcalls.console.screens;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcalls.call.CallFixtures;
import io.agentcalls.support.ApiTest;
import io.agentcalls.support.CallingSetup;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The console's lists, export, import, compliance, webhooks and settings screens (issue 14, part B)
 * sent what a browser would not: wrong filters and values, another organization's ids, and changes
 * by a role that may not make them. Each gets a 4xx page naming the problem, and nothing changes.
 */
class PartBScreensHttpTest extends ApiTest {

    private static final String PASSWORD = "console-screens-password";

    @Test
    void theCallListFiltersExportsAndRefusesWhatItCannotRead() throws Exception {
        CallingSetup own = CallingSetup.create(this);
        String org = CallFixtures.organizationOf(own.key);
        CallFixtures fixtures = new CallFixtures(jdbc);
        String set = fixtures.dispositionSet(org);
        jdbc.sql("INSERT INTO customers (organization_id, campaign_id, id, name, phone)"
                        + " VALUES (:org, :campaign, 'X-1', '=HYPERLINK(\"evil\")', '+919811100001')")
                .param("org", org)
                .param("campaign", own.campaignId)
                .update();
        String busy = fixtures.call(org, own.campaignId, set, "busy", "X-1", null, null);
        Thread.sleep(2); // ids are time-ordered by the millisecond: the second call is the newer
        String completed = fixtures.call(org, own.campaignId, set, "completed", "X-1", null, null);
        ConsoleSession viewer = session(org, "viewer");

        HttpResponse<String> list = viewer.get("/console/calls?status=busy");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(busy).doesNotContain(completed);
        // a status no call has is answered from the tallies, without walking the calls
        assertThat(viewer.get("/console/calls?status=ringing").body())
                .contains("No calls match")
                .doesNotContain(busy);
        jdbc.sql("UPDATE calls SET status = 'ringing', ended_at = NULL WHERE id = :id")
                .param("id", busy)
                .update();
        assertThat(viewer.get("/console/calls?status=ringing&campaign=" + own.campaignId)
                        .body())
                .as("the moment one has it, it is listed")
                .contains(busy);
        assertThat(viewer.get("/console/calls?status=busy").body()).contains("No calls match");
        jdbc.sql("UPDATE calls SET status = 'busy', ended_at = now() WHERE id = :id")
                .param("id", busy)
                .update();

        HttpResponse<String> export = viewer.get("/console/calls/export.csv?campaign=" + own.campaignId);
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        List<CSVRecord> rows = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .get()
                .parse(new StringReader(export.body()))
                .getRecords();
        assertThat(rows).extracting(r -> r.get("call_id")).containsExactly(completed, busy);
        assertThat(rows.get(0).get("customer_name"))
                .as("a formula in a client's text is not run by a spreadsheet")
                .isEqualTo("'=HYPERLINK(\"evil\")");
        assertThat(rows.get(1).get("status")).isEqualTo("busy");

        assertRefused(viewer.get("/console/calls?status=ringing_loudly"), 400, "status must be one of");
        assertRefused(viewer.get("/console/calls?from=2026-13-01"), 400, "from must be a day");
        assertRefused(viewer.get("/console/calls?from=2026-02-02&to=2026-02-01"), 400, "from must not be after to");
        assertRefused(viewer.get("/console/calls?q=" + "a".repeat(101)), 400, "at most 100 characters");
        assertRefused(viewer.get("/console/calls?q=12"), 400, "not a phone number");
        assertRefused(viewer.get("/console/calls?cursor=%21%21"), 400, "cursor");
        assertRefused(viewer.get("/console/calls/export.csv?status=nope"), 400, "status must be one of");

        CallingSetup other = CallingSetup.create(this);
        assertRefused(viewer.get("/console/calls?campaign=" + other.campaignId), 404, "not found");
        assertRefused(viewer.get("/console/customers?campaign=" + other.campaignId), 404, "not found");
        assertRefused(viewer.get("/console/customers/" + other.campaignId + "/X-1"), 404, "not found");
        assertRefused(viewer.get("/console/customers/" + own.campaignId + "/NOPE"), 404, "not found");
        assertThat(viewer.get("/console/customers/" + own.campaignId + "/X-1").body())
                .contains(busy, completed);
    }

    @Test
    void aViewerAndAnOperatorAreRefusedWhatTheirRoleDoesNotAllowAndNothingChanges() {
        CallingSetup own = CallingSetup.create(this);
        String org = CallFixtures.organizationOf(own.key);
        ConsoleSession viewer = session(org, "viewer");
        ConsoleSession operator = session(org, "operator");
        long keys = count("api_keys", org);

        assertRefused(viewer.post("/console/compliance/dnc", Map.of("phones", "+919811100002")), 403, "role");
        assertRefused(
                viewer.upload(
                        "/console/import",
                        Map.of("campaign", own.campaignId),
                        "file",
                        "id,name,phone\nV-1,V,9811100003\n"),
                403,
                "role");
        assertRefused(viewer.post("/console/compliance/dnc/remove", Map.of("phone", "+919811100002")), 403, "role");
        assertRefused(viewer.post("/console/settings/api-keys", Map.of("name", "viewer's")), 403, "role");
        assertRefused(operator.post("/console/settings/api-keys", Map.of("name", "operator's")), 403, "role");
        assertRefused(
                operator.post(
                        "/console/settings/users",
                        Map.of("email", "x@lender.example", "password", PASSWORD, "role", "admin")),
                403,
                "role");
        assertRefused(
                operator.post("/console/settings/campaigns/" + own.campaignId, Map.of("maxAttemptsPerDay", "9")),
                403,
                "role");
        assertRefused(operator.post("/console/webhooks/whk_x/deliveries/msg_x/redeliver", Map.of()), 403, "role");
        assertThat(count("do_not_call", org)).isZero();
        assertThat(count("customers", org)).isZero();
        assertThat(count("api_keys", org)).isEqualTo(keys);

        HttpResponse<String> added = operator.post("/console/compliance/dnc", Map.of("phones", "+919811100002"));
        assertThat(added.statusCode()).isEqualTo(302);
        assertThat(count("do_not_call", org)).isOne();
    }

    @Test
    void wrongValuesAndAnotherOrganizationsIdsAreRefusedAndWriteNothing() {
        CallingSetup own = CallingSetup.create(this);
        String org = CallFixtures.organizationOf(own.key);
        CallingSetup other = CallingSetup.create(this);
        String otherOrg = CallFixtures.organizationOf(other.key);
        ConsoleSession admin = session(org, "admin");

        assertRefused(
                admin.post("/console/compliance/dnc", Map.of("phones", "+919811100004\n12345")), 400, "phones[1]");
        assertRefused(admin.post("/console/compliance/dnc", Map.of("phones", "\u0000")), 400, "phones");
        assertRefused(
                admin.upload("/console/compliance/dnc/upload", Map.of(), "file", "phone\n+919811100005\nnope\n"),
                400,
                "phones[1]");
        assertRefused(admin.upload("/console/compliance/dnc/upload", Map.of(), null, null), 400, "CSV file");
        assertRefused(
                admin.post("/console/compliance/dnc/remove", Map.of("phone", "+919811100099")),
                404,
                "not on the do-not-call list");
        assertRefused(admin.post("/console/compliance/dnc/upload", Map.of("file", "+919811100007")), 400, "multipart");
        assertThat(count("do_not_call", org)).isZero();

        assertRefused(admin.post("/console/import", Map.of("campaign", own.campaignId)), 400, "multipart");
        assertRefused(admin.upload("/console/import", Map.of("campaign", own.campaignId), null, null), 400, "CSV file");
        assertRefused(
                admin.upload("/console/import", Map.of(), "file", "id,name,phone\nA,B,9811100006\n"), 400, "campaign");
        assertRefused(
                admin.upload(
                        "/console/import",
                        Map.of("campaign", other.campaignId),
                        "file",
                        "id,name,phone\nA,B,9811100006\n"),
                404,
                "Campaign not found");
        assertThat(count("customers", otherOrg)).isZero();

        String campaignPath = "/console/settings/campaigns/" + own.campaignId;
        assertRefused(admin.post(campaignPath, Map.of("maxAttemptsPerDay", "lots")), 400, "maxAttemptsPerDay");
        assertRefused(admin.post(campaignPath, Map.of("maxAttemptsPerDay", "99999999999")), 400, "maxAttemptsPerDay");
        assertRefused(
                admin.post(campaignPath, Map.of("windowStart", "25:00", "windowEnd", "18:00")),
                400,
                "callingWindow.start");
        assertRefused(admin.post(campaignPath, Map.of("timezone", "Mars/Olympus")), 400, "timezone");
        assertRefused(
                admin.post(
                        campaignPath,
                        Map.of(
                                "retryEnabled",
                                "on",
                                "retryOn",
                                "ringing",
                                "retryMaxAttempts",
                                "3",
                                "retryIntervalMinutes",
                                "5")),
                400,
                "retry");
        assertRefused(
                admin.post("/console/settings/campaigns/" + other.campaignId, Map.of("maxAttemptsPerDay", "2")),
                404,
                "not found");
        assertThat(jdbc.sql("SELECT max_attempts_per_day FROM campaigns WHERE id = :id")
                        .param("id", own.campaignId)
                        .query(Integer.class)
                        .single())
                .as("nothing half-written")
                .isNotEqualTo(2);

        HttpResponse<String> saved = admin.post(
                campaignPath,
                Map.of(
                        "maxAttemptsPerDay",
                        "2",
                        "windowStart",
                        "09:30",
                        "windowEnd",
                        "18:00",
                        "retryEnabled",
                        "on",
                        "retryOn",
                        "busy",
                        "retryMaxAttempts",
                        "3",
                        "retryIntervalMinutes",
                        "45"));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        assertThat(admin.get(campaignPath).body()).contains("value=\"09:30\"", "value=\"45\"");

        long keys = count("api_keys", org);
        assertRefused(admin.post("/console/settings/api-keys", Map.of("name", "")), 400, "name");
        assertRefused(admin.post("/console/settings/api-keys", Map.of("name", "k".repeat(101))), 400, "name");
        String otherKey = jdbc.sql("SELECT id FROM api_keys WHERE organization_id = :org LIMIT 1")
                .param("org", otherOrg)
                .query(String.class)
                .single();
        assertRefused(admin.post("/console/settings/api-keys/" + otherKey + "/revoke", Map.of()), 404, "not found");
        assertThat(count("api_keys", org)).isEqualTo(keys);
        assertThat(jdbc.sql("SELECT revoked_at IS NULL FROM api_keys WHERE id = :id")
                        .param("id", otherKey)
                        .query(Boolean.class)
                        .single())
                .isTrue();

        assertRefused(
                admin.post(
                        "/console/settings/users",
                        Map.of("email", "not-an-email", "password", PASSWORD, "role", "viewer")),
                400,
                "email");
        assertRefused(
                admin.post(
                        "/console/settings/users",
                        Map.of("email", "ok@lender.example", "password", PASSWORD, "role", "owner")),
                400,
                "role");

        String otherHook = other.created(
                "/api/v1/webhooks",
                Map.of("url", "http://localhost:" + port + "/sink", "events", List.of("call.completed")));
        assertRefused(admin.get("/console/webhooks/" + otherHook), 404, "not found");
        assertRefused(
                admin.post("/console/webhooks/" + otherHook + "/deliveries/msg_x/redeliver", Map.of()),
                404,
                "not found");
        HttpResponse<String> compliance = admin.get("/console/compliance?days=365");
        assertThat(compliance.statusCode()).as(compliance.body()).isEqualTo(200);
        assertRefused(admin.get("/console/compliance?days=0"), 400, "days");
        assertRefused(admin.get("/console/compliance?days=lots"), 400, "malformed");
    }

    @Test
    void settingsListTheOrganizationsVoiceConnectionsWithoutTheirKeys() {
        CallingSetup own = CallingSetup.create(this);
        String org = CallFixtures.organizationOf(own.key);
        CallingSetup other = CallingSetup.create(this);
        ConsoleSession viewer = session(org, "viewer");
        assertThat(viewer.get("/console/settings").body())
                .as("no section while the organization has none")
                .doesNotContain("voice-connections-table");

        String secretKey = "vapi-private-key-0123456789abcdef-9f3e";
        String connection = own.created(
                "/api/v1/voice-connections",
                Map.of(
                        "provider",
                        "vapi",
                        "name",
                        "Vapi production",
                        "apiKey",
                        secretKey,
                        "webhookSecret",
                        "server-secret-0123456789",
                        "maxConcurrentCalls",
                        25,
                        "callsPerSecond",
                        2.5));
        other.created("/api/v1/voice-connections", Map.of("provider", "simulator", "name", "Other lender's line"));

        HttpResponse<String> settings = viewer.get("/console/settings");
        assertThat(settings.statusCode()).isEqualTo(200);
        assertThat(settings.body())
                .contains("voice-connections-table", "Vapi production", "vapi", "…9f3e", ">25<", ">2.5<", ">set<")
                .contains("/api/v1/providers/vapi/events/" + connection)
                .doesNotContain(
                        secretKey, "server-secret-0123456789", "Other lender&#39;s line", "Other lender's line");
    }

    private ConsoleSession session(String organizationId, String role) {
        String email = role + "-" + System.nanoTime() + "@lender.example";
        Response created = send(
                "POST",
                "/admin/v1/organizations/" + organizationId + "/users",
                ADMIN_TOKEN,
                "application/json",
                json("email", email, "password", PASSWORD, "role", role));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return ConsoleSession.signIn(port, email, PASSWORD);
    }

    private long count(String table, String organizationId) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE organization_id = :org")
                .param("org", organizationId)
                .query(Long.class)
                .single();
    }

    private static void assertRefused(HttpResponse<String> response, int status, String says) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).as("the page names the problem").containsIgnoringCase(says);
    }
}
