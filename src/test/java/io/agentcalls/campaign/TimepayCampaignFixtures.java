package io.agentcalls.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcalls.support.ApiTest;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The catalogue's campaign examples (TIMEPAY-API.md §2) as request bodies, and the checks every page shares. */
abstract class TimepayCampaignFixtures extends ApiTest {

    /** The Create Campaign page's example: "Debt Collection Q1", its fields as the curl sample names them. */
    static final String CREATE_EXAMPLE = """
            {"name":"Debt Collection Q1","description":"Quarterly EMI collection drive",
             "campaignType":"emi","workflowId":"wf_abc123",
             "startDate":"2025-01-01","startTime":"09:00","endDate":"2025-03-31","endTime":"18:00",
             "languages":["english","hindi"],"region":"north","tags":["priority","q1"]}""";

    /** The fields of the documented campaign object (List/Get Campaign examples, without tableId). */
    static final List<String> DOCUMENTED_FIELDS = List.of(
            "id",
            "rowsLen",
            "createdAt",
            "updatedAt",
            "org_id",
            "name",
            "description",
            "startDate",
            "startTime",
            "endDate",
            "endTime",
            "collection_type",
            "region",
            "tags",
            "languages",
            "status");

    String createDocumented(String key, String body) {
        Response created = post("/api/v1/campaigns/create", key, body);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.body().at("/data/id").asString();
    }

    String createExample(String key) {
        return createDocumented(key, CREATE_EXAMPLE);
    }

    JsonNode campaign(String key, String id) {
        Response read = get("/api/v1/campaigns/" + id, key);
        assertThat(read.status()).as(read.raw()).isEqualTo(200);
        return read.body().at("/data");
    }

    long campaignRows() {
        return jdbc.sql("SELECT count(*) FROM campaigns").query(Long.class).single();
    }

    /** A 4xx in the documented error envelope, carrying the given message and (when given) these errors. */
    static void assertRefused(Response response, int status, String message, String... errors) {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.body().at("/success").asBoolean(true)).isFalse();
        assertThat(response.body().at("/error").asString()).isNotBlank();
        assertThat(response.body().at("/message").asString()).isEqualTo(message);
        if (errors.length > 0) {
            assertThat(response.body().at("/errors").valueStream().map(JsonNode::asString))
                    .containsExactly(errors);
        }
    }

    /** A 400 "Validation failed" in the envelope, whatever its errors say. */
    static void assertInvalid(Response response) {
        assertThat(response.status()).as(response.raw()).isEqualTo(400);
        assertThat(response.body().at("/error").asString()).isEqualTo("BadRequest");
        assertThat(response.body().at("/message").asString()).isNotBlank();
    }
}
