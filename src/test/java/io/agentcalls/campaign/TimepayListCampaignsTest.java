package io.agentcalls.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** List Campaigns, GET /api/v1/campaigns (TIMEPAY-API.md §2.2). */
class TimepayListCampaignsTest extends TimepayCampaignFixtures {

    @Test
    void aPageIsTheDocumentedShapeNewestFirst() {
        String key = newOrganization();
        String first = createExample(key);
        String second = createDocumented(
                key, CREATE_EXAMPLE.replace("Debt Collection Q1", "Lead drive").replace("\"emi\"", "\"lead\""));

        Response listed = get("/api/v1/campaigns", key);

        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body().at("/success").asBoolean()).isTrue();
        assertThat(ids(listed)).containsExactly(second, first);
        assertThat(listed.body().at("/pagination").toString())
                .isEqualTo("{\"page\":1,\"limit\":10,\"total\":2,\"totalPages\":1}");
        JsonNode item = listed.body().at("/data/1");
        for (String field : DOCUMENTED_FIELDS) {
            assertThat(item.has(field)).as(field).isTrue();
        }
        assertThat(item.at("/org_id").asString()).isNotBlank();
        assertThat(item.at("/collection_type").asString()).isEqualTo("emi");
        assertThat(listed.body().has("nextCursor")).isFalse();
    }

    @Test
    void pagesByNumberWithLimitOrRowsLen() {
        String key = newOrganization();
        for (int i = 0; i < 5; i++) {
            createDocumented(key, CREATE_EXAMPLE.replace("Debt Collection Q1", "Campaign " + i));
        }
        Response second = get("/api/v1/campaigns?page=2&limit=2", key);
        assertThat(second.body().at("/pagination").toString())
                .isEqualTo("{\"page\":2,\"limit\":2,\"total\":5,\"totalPages\":3}");
        assertThat(names(second)).containsExactly("Campaign 2", "Campaign 1");
        assertThat(names(get("/api/v1/campaigns?page=3&rowsLen=2", key))).containsExactly("Campaign 0");
        Response beyond = get("/api/v1/campaigns?page=9&limit=2", key);
        assertThat(beyond.body().at("/data").size()).isZero();
        assertThat(beyond.body().at("/pagination/total").asLong()).isEqualTo(5);
    }

    @Test
    void filtersByStatusTypeAndName() {
        String key = newOrganization();
        String emi = createExample(key);
        String edi = createDocumented(
                key,
                CREATE_EXAMPLE.replace("Debt Collection Q1", "Daily 100% EDI").replace("\"emi\"", "\"edi\""));
        patch("/api/v1/campaigns/pause/" + edi, key, null);

        assertThat(ids(get("/api/v1/campaigns?status=paused", key))).containsExactly(edi);
        assertThat(ids(get("/api/v1/campaigns?status=active", key))).containsExactly(emi);
        assertThat(ids(get("/api/v1/campaigns?campaign_type=emi", key))).containsExactly(emi);
        assertThat(ids(get("/api/v1/campaigns?search=debt%20COLLECTION", key))).containsExactly(emi);
        assertThat(ids(get("/api/v1/campaigns?search=100%25", key)))
                .as("% is a character, not a wildcard")
                .containsExactly(edi);
        assertThat(ids(get("/api/v1/campaigns?search=_", key))).isEmpty();
        assertThat(ids(get("/api/v1/campaigns?status=draft", key))).isEmpty();
    }

    @Test
    void anotherOrganizationsCampaignsAreNotListed() {
        String mine = newOrganization();
        String theirs = newOrganization();
        createExample(theirs);
        Response listed = get("/api/v1/campaigns", mine);
        assertThat(listed.body().at("/data").size()).isZero();
        assertThat(listed.body().at("/pagination").toString())
                .isEqualTo("{\"page\":1,\"limit\":10,\"total\":0,\"totalPages\":0}");
    }

    @Test
    void badParametersAreA400NamingThem() {
        String key = newOrganization();
        assertRefused(
                get("/api/v1/campaigns?page=0", key),
                400,
                "Validation failed",
                "page must be an integer from 1 to 1000000");
        assertRefused(
                get("/api/v1/campaigns?page=abc", key),
                400,
                "Validation failed",
                "page must be an integer from 1 to 1000000");
        assertRefused(
                get("/api/v1/campaigns?page=99999999999999999999", key),
                400,
                "Validation failed",
                "page must be an integer from 1 to 1000000");
        assertRefused(
                get("/api/v1/campaigns?limit=101", key),
                400,
                "Validation failed",
                "limit must be an integer from 1 to 100");
        assertRefused(
                get("/api/v1/campaigns?limit=2&rowsLen=3", key),
                400,
                "Validation failed",
                "give limit or rowsLen, not both");
        assertRefused(
                get("/api/v1/campaigns?status=deleted&campaign_type=loan", key),
                400,
                "Validation failed",
                "status must be one of active, paused, completed, draft, archived",
                "campaign_type must be one of emi, edi, lead");
        assertRefused(get("/api/v1/campaigns?search=" + "x".repeat(201), key), 400, "Validation failed");
        assertInvalid(get("/api/v1/campaigns?search=a%00b", key));
    }

    @Test
    void ourCursorPageStaysReachableWithCursor() {
        String key = newOrganization();
        for (int i = 0; i < 3; i++) {
            post("/api/v1/campaigns", key, "{\"name\":\"c" + i + "\"}");
        }
        Response first = get("/api/v1/campaigns?cursor=&limit=2", key);
        assertThat(first.body().at("/data").size()).isEqualTo(2);
        assertThat(first.body().has("pagination")).isFalse();
        Response second = get(
                "/api/v1/campaigns?limit=2&cursor="
                        + first.body().at("/nextCursor").asString(),
                key);
        assertThat(second.body().at("/data").size()).isEqualTo(1);
        assertThat(second.body().has("nextCursor")).isFalse();
        assertThat(get("/api/v1/campaigns?cursor=&limit=501", key).status()).isEqualTo(400);
        assertThat(get("/api/v1/campaigns?cursor=&page=2", key).status()).isEqualTo(400);
    }

    private static List<String> ids(Response response) {
        return response.body()
                .at("/data")
                .valueStream()
                .map(c -> c.at("/id").asString())
                .toList();
    }

    private static List<String> names(Response response) {
        return response.body()
                .at("/data")
                .valueStream()
                .map(c -> c.at("/name").asString())
                .toList();
    }
}
