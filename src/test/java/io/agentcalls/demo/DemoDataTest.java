package io.agentcalls.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcalls.console.ConsoleUserService;
import io.agentcalls.support.ApiTest;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The README's demo curl works against the demo data, and seeding twice changes nothing. */
class DemoDataTest extends ApiTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    ConsoleUserService consoleUsers;

    @Test
    void theDemoKeyListsTheDemoCampaignAndTheReadmeCurlWorks() {
        DemoData demo = new DemoData(dataSource, jdbc, consoleUsers, port);
        demo.seed();
        demo.seed();

        Response campaigns = get("/api/v1/campaigns?search=Demo:%20November", DemoData.API_KEY);
        assertThat(campaigns.status()).isEqualTo(200);
        assertThat(campaigns.body().at("/data/0/id").asString()).isEqualTo(DemoData.CAMPAIGN_ID);
        assertThat(campaigns.body().at("/data/0/collection_type").asString()).isEqualTo("emi");
        assertThat(campaigns.body().at("/data/0/rowsLen").asInt()).isEqualTo(200);
        assertThat(campaigns.body().at("/pagination/total").asInt()).isEqualTo(1);

        Response initiation = post(
                "/api/v1/initiate/" + DemoData.CAMPAIGN_ID + "/calls",
                DemoData.API_KEY,
                "{\"agentId\":\"" + DemoData.AGENT_ID + "\",\"dispositionId\":\"" + DemoData.DISPOSITION_ID
                        + "\",\"limit\":25,\"dryRun\":true,\"filters\":{\"payment_status\":[\"bounced\",\"pending\"]}}");
        assertThat(initiation.status()).as(initiation.raw()).isEqualTo(200);
        assertThat(initiation.body().at("/results/totalMatched").asInt()).isEqualTo(80);
        assertThat(initiation.body().at("/results/customersSelected").asInt()).isEqualTo(25);
    }

    /** The README's documented flow: create a campaign, bulk add customers calling them, read the logs. */
    @Test
    void theDocumentedFlowOfTheReadmeRunsOnTheDemoData() {
        new DemoData(dataSource, jdbc, consoleUsers, port).seed();
        Response created = post("/api/v1/campaigns/create", DemoData.API_KEY, """
                {"name":"Debt Collection Q1","description":"EMI reminders","campaignType":"emi",
                 "startDate":"2025-01-01","startTime":"00:00","endDate":"2099-12-31","endTime":"24:00",
                 "languages":["hindi","english"],"region":"west","tags":["priority"]}""");
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String campaign = created.body().at("/data/id").asString();

        Response added = post(
                "/api/v1/customers/add/bulk",
                DemoData.API_KEY,
                "{\"campaignId\":\"" + campaign + "\",\"records\":[{\"loan_id\":\"LOAN-2025-00123\","
                        + "\"first_name\":\"Asha\",\"last_name\":\"Sharma\",\"phone_number\":\"9876543210\","
                        + "\"loan_amount\":250000,\"emi_amount\":12500,\"loan_period\":24,\"current_emi\":5,"
                        + "\"emi_due_date\":\"2025-08-15\",\"payment_status\":\"pending\",\"language\":\"hindi\"}],"
                        + "\"initiateCall\":true,\"callConfig\":{\"agentId\":\"" + DemoData.AGENT_ID
                        + "\",\"dispositionId\":\"" + DemoData.DISPOSITION_ID + "\"}}");
        assertThat(added.status()).as(added.raw()).isEqualTo(201);
        assertThat(added.body().at("/callResults/initiated").asInt()).isEqualTo(1);

        Response logs = get("/api/v1/logs?campaign_id=" + campaign, DemoData.API_KEY);
        assertThat(logs.status()).as(logs.raw()).isEqualTo(200);
        assertThat(logs.body().at("/data/0/loan_id").asString()).isEqualTo("LOAN-2025-00123");
        assertThat(logs.body().at("/data/0/name").asString()).isEqualTo("Asha Sharma");
    }
}
