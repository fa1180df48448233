package io.agentcalls.campaign;

import static io.agentcalls.campaign.CampaignApiTest.errors;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentcalls.support.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The {@code retry} setting of a campaign: off by default, set and cleared through create and PATCH. */
class CampaignRetrySettingApiTest extends ApiTest {

    private static final String POLICY = "{\"on\":[\"no_answer\",\"busy\"],\"maxAttempts\":3,\"intervalMinutes\":60}";

    @Test
    void retriesAreOffByDefault() {
        String key = newOrganization();
        Response created = post("/api/v1/campaigns", key, "{\"name\":\"x\"}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().at("/data").has("retry")).isTrue();
        assertThat(created.body().at("/data/retry").isNull()).isTrue();
    }

    @Test
    void aCreatedPolicyIsStoredAndReadBackAsSent() {
        String key = newOrganization();
        Response created = post("/api/v1/campaigns", key, "{\"name\":\"x\",\"retry\":" + POLICY + "}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().at("/data/retry").toString()).isEqualTo(POLICY);
        String id = created.body().at("/data/id").asString();
        assertThat(get("/api/v1/campaigns/" + id, key).body().at("/data/retry").toString())
                .isEqualTo(POLICY);
        assertThat(post("/api/v1/campaigns", key, "{\"name\":\"y\",\"retry\":null}")
                        .body()
                        .at("/data/retry")
                        .isNull())
                .isTrue();
    }

    @Test
    void patchTurnsRetriesOnChangesThemAndTurnsThemOffWithNull() {
        String key = newOrganization();
        String id = post("/api/v1/campaigns", key, "{\"name\":\"x\"}")
                .body()
                .at("/data/id")
                .asString();
        String path = "/api/v1/campaigns/" + id;

        Response on = patch(path, key, "{\"retry\":" + POLICY + "}");
        assertThat(on.status()).isEqualTo(200);
        assertThat(on.body().at("/data/retry").toString()).isEqualTo(POLICY);

        // another field alone leaves the policy as it is
        assertThat(patch(path, key, "{\"name\":\"renamed\"}")
                        .body()
                        .at("/data/retry")
                        .toString())
                .isEqualTo(POLICY);

        String every = "{\"on\":[\"voicemail\",\"failed\",\"busy\",\"no_answer\"],\"maxAttempts\":10,"
                + "\"intervalMinutes\":10080}";
        assertThat(patch(path, key, "{\"retry\":" + every + "}")
                        .body()
                        .at("/data/retry")
                        .toString())
                .isEqualTo(every);

        // a bad policy changes nothing
        assertThat(patch(path, key, "{\"retry\":{\"on\":[],\"maxAttempts\":3,\"intervalMinutes\":5}}")
                        .status())
                .isEqualTo(400);
        assertThat(get(path, key).body().at("/data/retry").toString()).isEqualTo(every);

        Response off = patch(path, key, "{\"retry\":null}");
        assertThat(off.status()).isEqualTo(200);
        assertThat(off.body().at("/data/retry").isNull()).isTrue();
        assertThat(get(path, key).body().at("/data/retry").isNull()).isTrue();
    }

    @Test
    void refusesBadPoliciesNamingEachField() {
        String key = newOrganization();
        assertErrors(key, "\"often\"", "retry must be an object with on, maxAttempts and intervalMinutes, or null");
        assertErrors(key, "[]", "retry must be an object with on, maxAttempts and intervalMinutes, or null");
        assertErrors(
                key,
                "{}",
                "retry.on is required",
                "retry.maxAttempts is required",
                "retry.intervalMinutes is required");
        assertErrors(key, "{\"maxAttempts\":3,\"intervalMinutes\":60}", "retry.on is required");
        assertErrors(key, "{\"on\":[\"busy\"],\"intervalMinutes\":60}", "retry.maxAttempts is required");
        assertErrors(key, "{\"on\":[\"busy\"],\"maxAttempts\":3}", "retry.intervalMinutes is required");
        assertErrors(
                key,
                "{\"on\":null,\"maxAttempts\":null,\"intervalMinutes\":null}",
                "retry.on must not be null",
                "retry.maxAttempts must not be null",
                "retry.intervalMinutes must not be null");
        String mustBeArray = "retry.on must be a non-empty array of no_answer, busy, failed, voicemail";
        assertErrors(key, policy("[]", "3", "60"), mustBeArray);
        assertErrors(key, policy("\"busy\"", "3", "60"), mustBeArray);
        String values = "retry.on values must be one of no_answer, busy, failed, voicemail";
        assertErrors(key, policy("[\"completed\"]", "3", "60"), values);
        assertErrors(key, policy("[\"busy\",\"failed_to_initiate\"]", "3", "60"), values);
        assertErrors(key, policy("[\"BUSY\"]", "3", "60"), values);
        assertErrors(key, policy("[1]", "3", "60"), values);
        assertErrors(key, policy("[null]", "3", "60"), values);
        assertErrors(key, policy("[\"busy\",\"no_answer\",\"busy\"]", "3", "60"), "retry.on must not repeat a status");
        assertErrors(key, policy("[\"busy\"]", "1", "60"), "retry.maxAttempts must be from 2 to 10");
        assertErrors(key, policy("[\"busy\"]", "11", "60"), "retry.maxAttempts must be from 2 to 10");
        assertErrors(key, policy("[\"busy\"]", "\"3\"", "60"), "retry.maxAttempts must be an integer");
        assertErrors(key, policy("[\"busy\"]", "2.5", "60"), "retry.maxAttempts must be an integer");
        assertErrors(key, policy("[\"busy\"]", "3", "0"), "retry.intervalMinutes must be from 1 to 10080");
        assertErrors(key, policy("[\"busy\"]", "3", "10081"), "retry.intervalMinutes must be from 1 to 10080");
        assertErrors(key, policy("[\"busy\"]", "3", "99999999999"), "retry.intervalMinutes must be an integer");
        assertErrors(key, policy("[\"busy\"]", "3", "true"), "retry.intervalMinutes must be an integer");
        assertErrors(
                key,
                "{\"on\":[\"busy\"],\"maxAttempts\":3,\"intervalMinutes\":60,\"jitter\":true}",
                "unknown field 'retry.jitter'");
        assertErrors(
                key,
                policy("[\"busy\",\"busy\"]", "0", "-1"),
                "retry.on must not repeat a status",
                "retry.maxAttempts must be from 2 to 10",
                "retry.intervalMinutes must be from 1 to 10080");
        assertErrors(
                key,
                policy("[" + "\"busy\",".repeat(100_000) + "\"busy\"]", "3", "60"),
                "retry.on must not repeat a status");
        assertThat(get("/api/v1/campaigns", key).body().at("/data").size()).isZero();
    }

    @Test
    void aRuleNamingTheCallBackGroupIsStoredAndReadBack() {
        String key = newOrganization();
        String group = callBackGroup(key);
        String rule = "{\"on\":[\"no_answer\"],\"callBackGroupId\":\"" + group
                + "\",\"maxAttempts\":3,\"intervalMinutes\":60}";

        Response created = post("/api/v1/campaigns", key, "{\"name\":\"x\",\"retry\":" + rule + "}");
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.body().at("/data/retry").toString()).isEqualTo(rule);

        // call backs only: on may be left out or empty then
        String id = created.body().at("/data/id").asString();
        Response only = put(
                "/api/v1/campaigns/update/" + id,
                key,
                "{\"retry\":{\"callBackGroupId\":\"" + group + "\",\"maxAttempts\":2,\"intervalMinutes\":15}}");
        assertThat(only.status()).as(only.raw()).isEqualTo(200);
        assertThat(only.body().at("/data/retry").toString())
                .isEqualTo(
                        "{\"on\":[],\"callBackGroupId\":\"" + group + "\",\"maxAttempts\":2,\"intervalMinutes\":15}");
        assertThat(patch(
                                "/api/v1/campaigns/" + id,
                                key,
                                "{\"retry\":{\"on\":[],\"callBackGroupId\":null,"
                                        + "\"maxAttempts\":2,\"intervalMinutes\":15}}")
                        .status())
                .as("no group and no status: nothing to retry")
                .isEqualTo(400);
        // a group deleted later leaves the rule readable, and other changes go ahead
        assertThat(delete("/api/v1/dispositions/groups/" + group, key).status()).isEqualTo(200);
        assertThat(patch("/api/v1/campaigns/" + id, key, "{\"name\":\"renamed\"}")
                        .status())
                .isEqualTo(200);
        assertThat(get("/api/v1/campaigns/" + id, key)
                        .body()
                        .at("/data/retry/callBackGroupId")
                        .asString())
                .isEqualTo(group);
    }

    @Test
    void aWrongCallBackGroupIs400NamingTheFieldAndChangesNothing() {
        String key = newOrganization();
        String other = callBackGroup(newOrganization());
        String deleted = callBackGroup(key);
        assertThat(delete("/api/v1/dispositions/groups/" + deleted, key).status())
                .isEqualTo(200);
        String malformed = "retry.callBackGroupId must be the id of a disposition group (dsp_...) or null";
        String unknown = "retry.callBackGroupId names no disposition group of this organization";

        assertErrors(key, withGroup("123"), malformed);
        assertErrors(key, withGroup("\"dsp_x\""), malformed);
        assertErrors(key, withGroup("[\"" + other + "\"]"), malformed);
        assertErrors(key, withGroup("\"dis_" + "0".repeat(32) + "\""), malformed);
        assertErrors(key, withGroup("\"a\\u0000b\""), "retry.callBackGroupId must not contain NUL characters");
        assertErrors(key, withGroup("\"dsp_" + "0".repeat(32) + "\""), unknown);
        assertErrors(key, withGroup("\"" + other + "\""), unknown);
        assertErrors(key, withGroup("\"" + deleted + "\""), unknown);
        assertThat(get("/api/v1/campaigns", key).body().at("/data").size()).isZero();

        // on the documented update too, with nothing changed
        String id = post("/api/v1/campaigns", key, "{\"name\":\"x\",\"retry\":" + POLICY + "}")
                .body()
                .at("/data/id")
                .asString();
        Response refused = put(
                "/api/v1/campaigns/update/" + id,
                key,
                "{\"name\":\"y\",\"retry\":" + withGroup("\"" + other + "\"") + "}");
        assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
        assertThat(errors(refused)).containsExactly(unknown);
        JsonNode campaign = get("/api/v1/campaigns/" + id, key).body().at("/data");
        assertThat(campaign.get("name").asString()).isEqualTo("x");
        assertThat(campaign.get("retry").toString()).isEqualTo(POLICY);
    }

    private Response put(String path, String key, String body) {
        return send("PUT", path, key, "application/json", body);
    }

    private static String withGroup(String groupJson) {
        return "{\"on\":[\"busy\"],\"callBackGroupId\":" + groupJson + ",\"maxAttempts\":3,\"intervalMinutes\":60}";
    }

    /** The catalogue's example group, in this organization. */
    private String callBackGroup(String key) {
        Response created = post(
                "/api/v1/dispositions/groups/create",
                key,
                "{\"name\":\"Call Back\",\"description\":\"Call customer again if given dispositions are found\"}");
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.body().at("/data/id").asString();
    }

    @Test
    void anotherOrganizationCannotChangeTheRetrySetting() {
        String keyA = newOrganization();
        String keyB = newOrganization();
        String id = post("/api/v1/campaigns", keyA, "{\"name\":\"A's\",\"retry\":" + POLICY + "}")
                .body()
                .at("/data/id")
                .asString();

        assertThat(patch("/api/v1/campaigns/" + id, keyB, "{\"retry\":null}").status())
                .isEqualTo(404);

        assertThat(get("/api/v1/campaigns/" + id, keyA).body().at("/data/retry").toString())
                .isEqualTo(POLICY);
    }

    private static String policy(String on, String maxAttempts, String intervalMinutes) {
        return "{\"on\":" + on + ",\"maxAttempts\":" + maxAttempts + ",\"intervalMinutes\":" + intervalMinutes + "}";
    }

    private void assertErrors(String key, String retry, String... expected) {
        String body = "{\"name\":\"x\",\"retry\":" + retry + "}";
        Response response = post("/api/v1/campaigns", key, body);
        assertThat(response.status()).as(body).isEqualTo(400);
        assertThat(response.body().at("/message").asString()).isEqualTo("Validation failed");
        assertThat(errors(response)).as(body).containsExactly(expected);
    }
}
