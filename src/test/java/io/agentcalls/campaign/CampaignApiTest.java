package io.agentcalls.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcalls.support.ApiTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CampaignApiTest extends ApiTest {

    private static final String FULL = """
            {"name":"Nov EMI","timezone":"Asia/Dubai","callingWindow":{"start":"20:00","end":"06:00"},
             "maxAttemptsPerDay":2,"maxAttemptsPerWeek":5}""";

    @Test
    void createsACampaignWithTheDefaults() {
        String key = newOrganization();
        Response created = post("/api/v1/campaigns", key, "{\"name\":\"  Nov EMI  \"}");

        assertThat(created.status()).isEqualTo(201);
        JsonNode campaign = created.body().at("/data");
        assertThat(created.body().at("/success").asBoolean()).isTrue();
        assertThat(campaign.at("/id").asString()).startsWith("cmp_");
        assertThat(campaign.at("/name").asString()).isEqualTo("Nov EMI");
        assertThat(campaign.at("/timezone").asString()).isEqualTo("Asia/Kolkata");
        assertThat(campaign.at("/callingWindow").toString()).isEqualTo("{\"start\":\"08:00\",\"end\":\"19:00\"}");
        assertThat(campaign.at("/maxAttemptsPerDay").asInt()).isEqualTo(3);
        assertThat(campaign.at("/maxAttemptsPerWeek").asInt()).isEqualTo(7);
        assertThat(campaign.at("/status").asString()).isEqualTo("active");
        assertThat(campaign.at("/createdAt").asString()).isNotEmpty();
        assertThat(campaign.at("/updatedAt").asString()).isNotEmpty();
        assertThat(campaign.has("archived")).isFalse();

        Response read = get("/api/v1/campaigns/" + campaign.at("/id").asString(), key);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().at("/data")).isEqualTo(campaign);
    }

    @Test
    void createsACampaignWithEverySetting() {
        String key = newOrganization();
        Response created = post("/api/v1/campaigns", key, FULL);

        assertThat(created.status()).isEqualTo(201);
        JsonNode campaign = created.body().at("/data");
        assertThat(campaign.at("/timezone").asString()).isEqualTo("Asia/Dubai");
        assertThat(campaign.at("/callingWindow/start").asString()).isEqualTo("20:00");
        assertThat(campaign.at("/callingWindow/end").asString()).isEqualTo("06:00");
        assertThat(campaign.at("/maxAttemptsPerDay").asInt()).isEqualTo(2);
        assertThat(campaign.at("/maxAttemptsPerWeek").asInt()).isEqualTo(5);
    }

    @Test
    void allDayIsZeroToTwentyFour() {
        String key = newOrganization();
        Response created = post(
                "/api/v1/campaigns", key, "{\"name\":\"x\",\"callingWindow\":{\"start\":\"00:00\",\"end\":\"24:00\"}}");

        assertThat(created.status()).isEqualTo(201);
        String id = created.body().at("/data/id").asString();
        assertThat(get("/api/v1/campaigns/" + id, key)
                        .body()
                        .at("/data/callingWindow/end")
                        .asString())
                .isEqualTo("24:00");
    }

    @Test
    void refusesBadSettingsNamingEachField() {
        String key = newOrganization();
        assertErrors(key, "{}", "name is required");
        assertErrors(key, "{\"name\":\"   \"}", "name must not be blank");
        assertErrors(key, "{\"name\":null}", "name must not be null");
        assertErrors(key, "{\"name\":42}", "name must be a string");
        assertErrors(key, "{\"name\":\"" + "x".repeat(201) + "\"}", "name must be at most 200 characters");
        assertErrors(
                key,
                "{\"name\":\"x\",\"timezone\":\"Mars/Olympus\"}",
                "timezone must be an IANA timezone such as Asia/Kolkata");
        assertErrors(
                key,
                "{\"name\":\"x\",\"timezone\":\"+05:30\"}",
                "timezone must be an IANA timezone such as Asia/Kolkata");
        assertErrors(
                key,
                "{\"name\":\"x\",\"callingWindow\":{\"start\":\"8:00\",\"end\":\"25:00\"}}",
                "callingWindow.start must be a time HH:MM from 00:00 to 23:59",
                "callingWindow.end must be a time HH:MM from 00:00 to 24:00");
        assertErrors(
                key,
                "{\"name\":\"x\",\"callingWindow\":{\"start\":\"24:00\",\"end\":\"08:00\"}}",
                "callingWindow.start must be a time HH:MM from 00:00 to 23:59");
        assertErrors(
                key,
                "{\"name\":\"x\",\"callingWindow\":{\"start\":\"09:00\",\"end\":\"09:00\"}}",
                "callingWindow.start and callingWindow.end must differ (all day is 00:00 to 24:00)");
        assertErrors(key, "{\"name\":\"x\",\"callingWindow\":{\"start\":\"09:00\"}}", "callingWindow.end is required");
        assertErrors(
                key,
                "{\"name\":\"x\",\"callingWindow\":\"09:00-18:00\"}",
                "callingWindow must be an object with start and end");
        assertErrors(
                key,
                "{\"name\":\"x\",\"callingWindow\":{\"start\":\"09:00\",\"end\":\"18:00\",\"days\":5}}",
                "unknown field 'callingWindow.days'");
        assertErrors(
                key,
                "{\"name\":\"x\",\"maxAttemptsPerDay\":0,\"maxAttemptsPerWeek\":-1}",
                "maxAttemptsPerDay must be from 1 to 1000",
                "maxAttemptsPerWeek must be from 1 to 1000");
        assertErrors(key, "{\"name\":\"x\",\"maxAttemptsPerDay\":\"3\"}", "maxAttemptsPerDay must be an integer");
        assertErrors(key, "{\"name\":\"x\",\"maxAttemptsPerDay\":2.5}", "maxAttemptsPerDay must be an integer");
        assertErrors(key, "{\"name\":\"x\",\"maxAttemptsPerDay\":99999999999}", "maxAttemptsPerDay must be an integer");
        assertErrors(
                key,
                "{\"name\":\"x\",\"maxAttemptsPerDay\":5,\"maxAttemptsPerWeek\":4}",
                "maxAttemptsPerWeek must be at least maxAttemptsPerDay");
        assertErrors(
                key,
                "{\"name\":\"x\",\"status\":\"archived\"}",
                "status must be one of active, paused, completed, draft");
        assertErrors(key, "[]", "body must be a JSON object");
        assertErrors(key, "{\"name\":", "body is not valid JSON");
        assertThat(get("/api/v1/campaigns", key).body().at("/data").size()).isZero();
    }

    @Test
    void patchChangesOnlyTheGivenFieldsAndChecksTheResultAsAWhole() {
        String key = newOrganization();
        String id = post("/api/v1/campaigns", key, FULL).body().at("/data/id").asString();

        Response patched = patch("/api/v1/campaigns/" + id, key, "{\"name\":\"Dec EMI\",\"maxAttemptsPerWeek\":9}");
        assertThat(patched.status()).isEqualTo(200);
        JsonNode campaign = patched.body().at("/data");
        assertThat(campaign.at("/name").asString()).isEqualTo("Dec EMI");
        assertThat(campaign.at("/maxAttemptsPerWeek").asInt()).isEqualTo(9);
        assertThat(campaign.at("/maxAttemptsPerDay").asInt()).isEqualTo(2);
        assertThat(campaign.at("/timezone").asString()).isEqualTo("Asia/Dubai");
        assertThat(campaign.at("/callingWindow/start").asString()).isEqualTo("20:00");

        // day 2 stays; a week of 1 is below it
        Response tooFew = patch("/api/v1/campaigns/" + id, key, "{\"maxAttemptsPerWeek\":1}");
        assertThat(tooFew.status()).isEqualTo(400);
        assertThat(errors(tooFew)).containsExactly("maxAttemptsPerWeek must be at least maxAttemptsPerDay");

        Response nulls = patch("/api/v1/campaigns/" + id, key, "{\"timezone\":null,\"callingWindow\":null}");
        assertThat(nulls.status()).isEqualTo(400);
        assertThat(errors(nulls))
                .containsExactly("timezone must not be null", "callingWindow must be an object with start and end");

        Response unknown = patch("/api/v1/campaigns/" + id, key, "{\"id\":\"cmp_x\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(errors(unknown)).containsExactly("unknown field 'id'");

        assertThat(get("/api/v1/campaigns/" + id, key).body().at("/data/name").asString())
                .isEqualTo("Dec EMI");
        assertThat(get("/api/v1/campaigns/" + id, key)
                        .body()
                        .at("/data/maxAttemptsPerWeek")
                        .asInt())
                .isEqualTo(9);
    }

    @Test
    void deleteArchivesAndListsShowArchivedCampaigns() {
        String key = newOrganization();
        String first = post("/api/v1/campaigns", key, "{\"name\":\"a\"}")
                .body()
                .at("/data/id")
                .asString();
        String second = post("/api/v1/campaigns", key, "{\"name\":\"b\"}")
                .body()
                .at("/data/id")
                .asString();

        Response archived = delete("/api/v1/campaigns/" + first, key);
        assertThat(archived.status()).isEqualTo(200);
        assertThat(archived.body().at("/data/status").asString()).isEqualTo("archived");
        assertThat(delete("/api/v1/campaigns/" + first, key)
                        .body()
                        .at("/data/status")
                        .asString())
                .isEqualTo("archived");
        assertThat(get("/api/v1/campaigns/" + first, key)
                        .body()
                        .at("/data/status")
                        .asString())
                .isEqualTo("archived");

        assertThat(ids(get("/api/v1/campaigns?cursor=", key)))
                .as("our cursor page lists archived campaigns too")
                .containsExactly(first, second);
        assertThat(ids(get("/api/v1/campaigns", key)))
                .as("the documented list leaves deleted campaigns out")
                .containsExactly(second);
        assertThat(ids(get("/api/v1/campaigns?cursor=&status=archived", key))).containsExactly(first);
        assertThat(ids(get("/api/v1/campaigns?status=archived", key))).containsExactly(first);
        assertThat(ids(get("/api/v1/campaigns?cursor=&status=active", key))).containsExactly(second);
        Response badStatus = get("/api/v1/campaigns?cursor=&status=deleted", key);
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(errors(badStatus))
                .containsExactly("status must be one of active, paused, completed, draft, archived");
    }

    @Test
    void unknownCampaignsAre404() {
        String key = newOrganization();
        for (Response response : List.of(
                get("/api/v1/campaigns/cmp_nope", key),
                patch("/api/v1/campaigns/cmp_nope", key, "{\"name\":\"x\"}"),
                delete("/api/v1/campaigns/cmp_nope", key))) {
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.raw())
                    .isEqualTo("{\"success\":false,\"error\":\"NotFound\",\"message\":\"Campaign not found\"}");
        }
    }

    @Test
    void anotherOrganizationCannotReadListChangeOrArchiveACampaign() {
        String keyA = newOrganization();
        String keyB = newOrganization();
        String id = post("/api/v1/campaigns", keyA, "{\"name\":\"A's\"}")
                .body()
                .at("/data/id")
                .asString();

        assertThat(get("/api/v1/campaigns/" + id, keyB).status()).isEqualTo(404);
        assertThat(patch("/api/v1/campaigns/" + id, keyB, "{\"name\":\"B's\"}").status())
                .isEqualTo(404);
        Response foreignDelete = delete("/api/v1/campaigns/" + id, keyB);
        assertThat(foreignDelete.status())
                .as("Delete Campaign's documented 403")
                .isEqualTo(403);
        assertThat(foreignDelete.raw())
                .isEqualTo("{\"success\":false,\"error\":\"Forbidden\","
                        + "\"message\":\"Access denied - Campaign belongs to another organization\"}");
        assertThat(get("/api/v1/campaigns", keyB).raw()).doesNotContain(id);

        JsonNode unchanged = get("/api/v1/campaigns/" + id, keyA).body().at("/data");
        assertThat(unchanged.at("/name").asString()).isEqualTo("A's");
        assertThat(unchanged.at("/status").asString()).isEqualTo("active");
    }

    private void assertErrors(String key, String body, String... expected) {
        Response response = post("/api/v1/campaigns", key, body);
        assertThat(response.status()).as(body).isEqualTo(400);
        assertThat(response.body().at("/message").asString()).isEqualTo("Validation failed");
        assertThat(errors(response)).as(body).containsExactly(expected);
    }

    static List<String> errors(Response response) {
        return response.body()
                .at("/errors")
                .valueStream()
                .map(JsonNode::asString)
                .toList();
    }

    private static List<String> ids(Response response) {
        return response.body()
                .at("/data")
                .valueStream()
                .map(c -> c.at("/id").asString())
                .toList();
    }
}
