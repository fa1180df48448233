package io.agentcalls.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Create Campaign, POST /api/v1/campaigns/create (TIMEPAY-API.md §2.1). */
class TimepayCreateCampaignTest extends TimepayCampaignFixtures {

    /** A Debt Collection record of the page's curl sample. */
    private static final String RECORD = """
            {"loan_id":"LOAN-2025-00123","first_name":"Asha","last_name":"Sharma","phone_number":"9876543210",
             "loan_amount":250000,"emi_amount":12500,"loan_period":24,"current_emi":5,
             "emi_due_date":"2025-08-15","payment_status":"pending","language":"hindi"}""";

    @Test
    void theDocumentedExampleCreatesTheCampaign() {
        String key = newOrganization();
        Response created = post("/api/v1/campaigns/create", key, CREATE_EXAMPLE);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().at("/success").asBoolean()).isTrue();
        assertThat(created.body().at("/message").asString()).isEqualTo("Campaign created successfully");
        assertThat(created.body().at("/data/id").asString()).startsWith("cmp_");
        assertThat(created.body().at("/data/name").asString()).isEqualTo("Debt Collection Q1");

        JsonNode campaign = campaign(key, created.body().at("/data/id").asString());
        assertThat(campaign.at("/description").asString()).isEqualTo("Quarterly EMI collection drive");
        assertThat(campaign.at("/collection_type").asString()).isEqualTo("emi");
        assertThat(campaign.at("/workflowId").asString()).isEqualTo("wf_abc123");
        assertThat(campaign.at("/startDate").asString()).isEqualTo("2025-01-01");
        assertThat(campaign.at("/startTime").asString()).isEqualTo("09:00");
        assertThat(campaign.at("/endDate").asString()).isEqualTo("2025-03-31");
        assertThat(campaign.at("/endTime").asString()).isEqualTo("18:00");
        assertThat(campaign.at("/languages").toString()).isEqualTo("[\"english\",\"hindi\"]");
        assertThat(campaign.at("/region").asString()).isEqualTo("north");
        assertThat(campaign.at("/tags").toString()).isEqualTo("[\"priority\",\"q1\"]");
        assertThat(campaign.at("/status").asString()).isEqualTo("active");
        assertThat(campaign.at("/rowsLen").asLong()).isZero();
        assertThat(campaign.at("/callingWindow").toString())
                .as("startTime and endTime are the daily calling window")
                .isEqualTo("{\"start\":\"09:00\",\"end\":\"18:00\"}");
    }

    @Test
    void jsonDataRecordsAreAddedWithTheCampaign() {
        String key = newOrganization();
        String body = CREATE_EXAMPLE.replaceFirst(
                "\\}$",
                ",\"jsonData\":[" + RECORD + ","
                        + RECORD.replace("00123", "00456").replace("9876543210", "9876543211") + "]}");
        String id = createDocumented(key, body);

        assertThat(campaign(key, id).at("/rowsLen").asLong()).isEqualTo(2);
        Response customer = get("/api/v1/campaigns/" + id + "/customers/LOAN-2025-00456", key);
        assertThat(customer.body().at("/data/name").asString()).isEqualTo("Asha Sharma");
        assertThat(customer.body().at("/data/loan_period").asInt()).isEqualTo(24);
    }

    @Test
    void aRefusedJsonDataRecordRefusesTheWholeCreate() {
        String key = newOrganization();
        long before = campaignRows();
        String body = CREATE_EXAMPLE.replaceFirst(
                "\\}$",
                ",\"jsonData\":[" + RECORD + ","
                        + RECORD.replace("00123", "00456").replace("9876543210", "12") + ","
                        + RECORD.replace("loan_id", "lead_id") + "]}");

        Response refused = post("/api/v1/campaigns/create", key, body);

        assertRefused(
                refused,
                400,
                "Validation failed",
                "jsonData[1]: phone_number is not a valid number",
                "jsonData[2]: lead_id is not this campaign's id: an emi campaign's customers are keyed by loan_id");
        assertThat(campaignRows()).as("nothing half-written").isEqualTo(before);
    }

    @Test
    void everyRequiredFieldIsNamed() {
        String key = newOrganization();
        assertRefused(
                post("/api/v1/campaigns/create", key, "{\"name\":\"Q1\"}"),
                400,
                "Validation failed",
                "description is required",
                "campaignType is required",
                "startDate is required",
                "startTime is required",
                "endDate is required",
                "endTime is required",
                "languages is required",
                "region is required");
    }

    @Test
    void wrongValuesAreNamedAndNothingIsCreated() {
        String key = newOrganization();
        long before = campaignRows();
        assertRefused(
                post(
                        "/api/v1/campaigns/create",
                        key,
                        CREATE_EXAMPLE
                                .replace("\"emi\"", "\"loan\"")
                                .replace("\"north\"", "\"mars\"")
                                .replace("\"hindi\"", "\"klingon\"")
                                .replace("2025-03-31", "2025-02-30")
                                .replace("\"09:00\"", "\"9am\"")),
                400,
                "Validation failed",
                "startTime must be a time HH:MM from 00:00 to 23:59",
                "campaignType must be one of emi, edi, lead",
                "endDate must be a real date YYYY-MM-DD",
                "languages values must be one of hindi, english, bengali, telugu, marathi, tamil, gujarati, kannada,"
                        + " malayalam, punjabi, odia, assamese",
                "region must be one of north, south, east, west, central");
        assertRefused(
                post("/api/v1/campaigns/create", key, CREATE_EXAMPLE.replace("2025-03-31", "2024-12-31")),
                400,
                "Validation failed",
                "startDate must not be after endDate");
        assertThat(campaignRows()).isEqualTo(before);
    }

    @Test
    void badInputIsA400InTheEnvelope() {
        String key = newOrganization();
        long before = campaignRows();
        String huge = "[" + "\"t\",".repeat(10_000) + "\"t\"]";
        String hugeData = "[" + "{},".repeat(10_000) + "{}]";
        for (String body : new String[] {
            "{\"name\":",
            "[]",
            "\"campaign\"",
            CREATE_EXAMPLE.replace("\"Debt Collection Q1\"", "42"),
            CREATE_EXAMPLE.replace("[\"english\",\"hindi\"]", "\"english\""),
            CREATE_EXAMPLE.replace("\"Debt Collection Q1\"", "\"Q1\\u0000\""),
            CREATE_EXAMPLE.replace("\"north\"", "1e400"),
            CREATE_EXAMPLE.replace("[\"priority\",\"q1\"]", huge),
            CREATE_EXAMPLE.replaceFirst("\\}$", ",\"jsonData\":" + hugeData + "}"),
            CREATE_EXAMPLE.replaceFirst("\\}$", ",\"jsonData\":{\"loan_id\":\"x\"}}"),
            CREATE_EXAMPLE.replaceFirst("\\}$", ",\"jsonData\":[1]}"),
            CREATE_EXAMPLE.replaceFirst("\\}$", ",\"tableId\":\"campaign_x\"}")
        }) {
            assertInvalid(post("/api/v1/campaigns/create", key, body));
        }
        assertThat(campaignRows()).isEqualTo(before);
    }
}
