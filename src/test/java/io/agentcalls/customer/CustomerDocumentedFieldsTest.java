package io.agentcalls.customer;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcalls.support.CallingSetup;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The customer object of the TimePay Agents API (TIMEPAY-API.md §3) in every way customers come in
 * and are used: JSON and CSV, the id a campaign's type requires, filters and agent variables. Our
 * field names keep working beside the documented ones.
 */
class CustomerDocumentedFieldsTest extends CustomerApiTestBase {

    /** The Debt Collection tab's record, as the catalogue's curl sample names its fields. */
    static final String DEBT_COLLECTION_RECORD = """
            {"loan_id":"LOAN-2025-00123","first_name":"Asha","last_name":"Sharma","phone_number":"9876543210",
             "loan_amount":250000,"emi_amount":12500.5,"loan_period":24,"current_emi":5,
             "emi_due_date":"2025-08-15","payment_status":"pending","language":"hindi"}""";

    @Test
    void theDocumentedRecordIsAcceptedAndAnsweredUnderOurNamesToo() {
        String key = newOrganization();
        String campaign = typedCampaign(key, "emi");

        assertThat(counts(upsert(key, campaign, "[" + DEBT_COLLECTION_RECORD + "]")))
                .isEqualTo("1/1/0/0");

        JsonNode asha =
                get(customersPath(campaign) + "/LOAN-2025-00123", key).body().at("/data");
        assertThat(asha.at("/name").asString()).as("made of its parts").isEqualTo("Asha Sharma");
        assertThat(asha.at("/first_name").asString()).isEqualTo("Asha");
        assertThat(asha.at("/last_name").asString()).isEqualTo("Sharma");
        assertThat(asha.at("/phone").asString()).isEqualTo("+919876543210");
        assertThat(asha.at("/loan_period").asInt()).isEqualTo(24);
        assertThat(asha.at("/current_emi").asInt()).isEqualTo(5);
        assertThat(asha.at("/emi_amount").decimalValue()).isEqualByComparingTo("12500.50");
    }

    @Test
    void theCampaignTypeSaysWhichIdARecordCarries() {
        String key = newOrganization();
        String leads = typedCampaign(key, "lead");
        Response response = upsert(
                key,
                leads,
                "[{\"lead_id\":\"LEAD-1\",\"first_name\":\"Ravi\",\"phone_number\":\"9876543211\","
                        + "\"lead_date\":\"2025-07-01\"},"
                        + "{\"loan_id\":\"LOAN-1\",\"phone_number\":\"9876543212\"},"
                        + "{\"first_name\":\"Nobody\",\"phone_number\":\"9876543213\"},"
                        + "{\"id\":\"LEAD-2\",\"phone\":\"9876543214\"}]");

        assertThat(counts(response)).isEqualTo("4/2/0/2");
        assertThat(rowErrors(response))
                .containsExactly(
                        "2|-|loan_id is not this campaign's id: a lead campaign's customers are keyed by lead_id",
                        "3|-|lead_id is required (the campaign's type is lead)");
        assertThat(get(customersPath(leads) + "/LEAD-1", key)
                        .body()
                        .at("/data/lead_date")
                        .asString())
                .isEqualTo("2025-07-01");
    }

    @Test
    void csvTakesTheDocumentedColumnsAndTheTypesIdColumn() {
        String key = newOrganization();
        String campaign = typedCampaign(key, "emi");
        Response imported = importCsv(
                key,
                campaign,
                "loan_id,first_name,last_name,phone_number,loan_amount,emi_amount,loan_period,current_emi,"
                        + "emi_due_date,payment_status,language,branch\n"
                        + "LOAN-9,Meena,Iyer,9876543219,100000,4500,12,3,2025-09-01,bounced,tamil,pune\n"
                        + "LOAN-10,Arjun,Das,9876543220,100000,4500,12.5,x,2025-09-01,paid,tamil,pune\n");
        assertThat(counts(imported)).isEqualTo("2/1/0/1");
        assertThat(rowErrors(imported))
                .containsExactly("2|LOAN-10|loan_period must be a whole number from 0 to 1200;"
                        + " current_emi must be a whole number from 0 to 1200");
        assertValidationFailed(
                importCsv(key, campaign, "lead_id,phone\nL-1,9876543221\n"),
                "CSV: lead_id is not this campaign's id: an emi campaign's customers are keyed by loan_id");
        assertValidationFailed(
                importCsv(key, campaign, "phone,phone_number,loan_id\n1,2,3\n"),
                "CSV has more than one phone column (phone, phone_number)");
    }

    @Test
    void aFieldGivenUnderBothNamesIsRefused() {
        String key = newOrganization();
        String campaign = newCampaign(key);
        Response response = upsert(
                key, campaign, "[{\"loan_id\":\"L-1\",\"phone\":\"9876543222\",\"phone_number\":\"9876543222\"}]");
        assertThat(rowErrors(response)).containsExactly("1|L-1|give only one of phone, phone_number");
    }

    @Test
    void documentedFieldsAreFiltersAndAgentVariables() {
        CallingSetup setup = CallingSetup.create(this);
        upsert(
                setup.key,
                setup.campaignId,
                "[" + DEBT_COLLECTION_RECORD + ","
                        + DEBT_COLLECTION_RECORD
                                .replace("LOAN-2025-00123", "LOAN-2025-00456")
                                .replace("9876543210", "9876543299")
                                .replace("\"loan_period\":24", "\"loan_period\":6")
                                .replace("\"first_name\":\"Asha\",", "")
                        + "]");
        String agent = setup.created(
                "/api/v1/agents",
                Map.of(
                        "name",
                        "Documented",
                        "prompt",
                        "Hi {{first_name}}, instalment {{current_emi}} of {{loan_period}}"));

        Response filtered = post(
                "/api/v1/initiate/" + setup.campaignId + "/calls",
                setup.key,
                "{\"agentId\":\"" + agent + "\",\"dispositionId\":\"" + setup.dispositionId + "\",\"dryRun\":true,"
                        + "\"filters\":{\"loan_period\":{\"min\":12},\"phone_number\":\"+919876543210\"}}");
        assertThat(filtered.status()).as(filtered.raw()).isEqualTo(200);
        assertThat(filtered.body().at("/results/totalMatched").asInt()).isEqualTo(1);

        Response missing = post(
                "/api/v1/initiate/" + setup.campaignId + "/calls",
                setup.key,
                "{\"agentId\":\"" + agent + "\",\"dispositionId\":\"" + setup.dispositionId + "\",\"dryRun\":true}");
        assertThat(missing.status()).as(missing.raw()).isEqualTo(400);
        assertThat(missing.body().at("/message").asString())
                .isEqualTo("Cannot initiate calls: Missing variables: first_name");
    }

    private String typedCampaign(String key, String type) {
        Response created = post(
                "/api/v1/campaigns",
                key,
                "{\"name\":\"Typed\",\"campaignType\":\"" + type + "\",\"callingWindow\":{\"start\":\"00:00\","
                        + "\"end\":\"24:00\"}}");
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.body().at("/data/id").asString();
    }
}
