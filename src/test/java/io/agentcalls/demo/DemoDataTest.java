package io.agentcalls.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcalls.support.ApiTest;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The README's demo curl works against the demo data, and seeding twice changes nothing. */
class DemoDataTest extends ApiTest {

    @Autowired
    DataSource dataSource;

    @Test
    void theDemoKeyListsTheDemoCampaignAndTheReadmeCurlWorks() {
        DemoData demo = new DemoData(dataSource, jdbc, port);
        demo.seed();
        demo.seed();

        Response campaigns = get("/api/v1/campaigns", DemoData.API_KEY);
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
}
