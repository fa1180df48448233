package io.agentcalls.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Organization B names organization A's campaign and customer on every customer endpoint. */
class CustomerIsolationTest extends CustomerApiTestBase {

    private static final String NOT_FOUND =
            "{\"success\":false,\"error\":\"NotFound\",\"message\":\"Campaign not found\"}";

    @Test
    void anotherOrganizationCannotReadListChangeDeleteOrLoadCustomers() {
        String keyA = newOrganization();
        String keyB = newOrganization();
        String campaign = newCampaign(keyA);
        upsert(keyA, campaign, "[{\"id\":\"A-1\",\"name\":\"Asha\",\"phone\":\"9812345678\"}]");
        String before = get(customersPath(campaign) + "/A-1", keyA).raw();
        String path = customersPath(campaign);

        List<Response> attempts = List.of(
                get(path, keyB),
                get(path + "/A-1", keyB),
                patch(path + "/A-1", keyB, "{\"name\":\"Mallory\"}"),
                delete(path + "/A-1", keyB),
                upsert(
                        keyB,
                        campaign,
                        "[{\"id\":\"A-1\",\"phone\":\"9812345679\"},{\"id\":\"B-1\",\"phone\":\"9812345679\"}]"),
                importCsv(keyB, campaign, "id,name,phone\nA-1,Mallory,9812345679\nB-2,x,9812345679\n"),
                importMultipart(keyB, campaign, "file", "id,phone\nB-3,9812345679\n"));

        for (Response attempt : attempts) {
            assertThat(attempt.status()).as(attempt.raw()).isEqualTo(404);
            assertThat(attempt.raw()).isEqualTo(NOT_FOUND);
        }
        assertThat(get(customersPath(campaign) + "/A-1", keyA).raw()).isEqualTo(before);
        assertThat(customerCount(campaign)).isEqualTo(1);
    }

    @Test
    void organizationsKeepTheirOwnCustomersEvenWithTheSameIds() {
        String keyA = newOrganization();
        String keyB = newOrganization();
        String campaignA = newCampaign(keyA);
        String campaignB = newCampaign(keyB);

        upsert(keyA, campaignA, "[{\"id\":\"SAME\",\"name\":\"A's\",\"phone\":\"9812345678\"}]");
        assertThat(counts(importCsv(keyB, campaignB, "id,name,phone\nSAME,B's,9812345679\n")))
                .isEqualTo("1/1/0/0");

        assertThat(get(customersPath(campaignA) + "/SAME", keyA)
                        .body()
                        .at("/data/name")
                        .asString())
                .isEqualTo("A's");
        assertThat(get(customersPath(campaignB) + "/SAME", keyB)
                        .body()
                        .at("/data/name")
                        .asString())
                .isEqualTo("B's");
        assertThat(get(customersPath(campaignA) + "/SAME", keyB).status()).isEqualTo(404);
    }
}
