package io.agentcalls.customer;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcalls.support.ApiTest;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Helpers of the customer HTTP tests: a campaign to load into, and CSV and multipart requests. */
abstract class CustomerApiTestBase extends ApiTest {

    protected String newCampaign(String key) {
        Response created = post("/api/v1/campaigns", key, "{\"name\":\"Test campaign\"}");
        assertThat(created.status()).isEqualTo(201);
        return created.body().at("/data/id").asString();
    }

    protected static String customersPath(String campaignId) {
        return "/api/v1/campaigns/" + campaignId + "/customers";
    }

    protected Response upsert(String key, String campaignId, String customersJsonArray) {
        return post(customersPath(campaignId), key, "{\"customers\":" + customersJsonArray + "}");
    }

    protected Response importCsv(String key, String campaignId, String csv) {
        return send("POST", customersPath(campaignId) + "/import", key, "text/csv", csv);
    }

    protected Response importCsvBytes(String key, String campaignId, byte[] csv) {
        return send(request(customersPath(campaignId) + "/import")
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofByteArray(csv))
                .build());
    }

    protected Response importMultipart(String key, String campaignId, String field, String csv) {
        String boundary = "----agentcalls-test-boundary";
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"" + field + "\"; filename=\"customers.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n"
                + csv + "\r\n"
                + "--" + boundary + "--\r\n";
        return send(request(customersPath(campaignId) + "/import")
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build());
    }

    protected long customerCount(String campaignId) {
        return jdbc.sql("SELECT count(*) FROM customers WHERE campaign_id = :campaignId")
                .param("campaignId", campaignId)
                .query(Long.class)
                .single();
    }

    /** The import summary without the errors, as {@code received/created/updated/rejected}. */
    protected static String counts(Response response) {
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        JsonNode data = response.body().at("/data");
        return data.at("/received").asLong() + "/" + data.at("/created").asLong() + "/"
                + data.at("/updated").asLong() + "/" + data.at("/rejected").asLong();
    }

    /** Rejected rows as {@code row|id|reason}. */
    protected static List<String> rowErrors(Response response) {
        return response.body()
                .at("/data/errors")
                .valueStream()
                .map(e ->
                        e.at("/row").asInt() + "|" + (e.has("id") ? e.at("/id").asString() : "-") + "|"
                                + e.at("/reason").asString())
                .toList();
    }

    protected static List<String> errors(Response response) {
        return response.body()
                .at("/errors")
                .valueStream()
                .map(JsonNode::asString)
                .toList();
    }

    protected static void assertValidationFailed(Response response, String... errors) {
        assertThat(response.status()).as(response.raw()).isEqualTo(400);
        assertThat(response.body().at("/message").asString()).isEqualTo("Validation failed");
        assertThat(errors(response)).containsExactly(errors);
    }
}
