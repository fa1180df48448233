package io.agentcalls.number;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcalls.support.ApiTest;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class DoNotCallApiTest extends ApiTest {

    @Autowired
    DoNotCallService doNotCall;

    @Test
    void addsPhonesInE164AndCountsTheOnesAlreadyListed() {
        String key = newOrganization();

        Response first = post("/api/v1/dnc", key, "{\"phones\":[\"+919812345678\", \"9812345679\"]}");
        Response again = post("/api/v1/dnc", key, "{\"phones\":[\"+919812345679\",\"09812345670\",\"9812345670\"]}");

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.raw()).isEqualTo("{\"success\":true,\"data\":{\"added\":2,\"alreadyListed\":0}}");
        assertThat(again.raw()).isEqualTo("{\"success\":true,\"data\":{\"added\":1,\"alreadyListed\":2}}");
        Response list = get("/api/v1/dnc", key);
        assertThat(list.status()).isEqualTo(200);
        List<String> createdAt = list.body()
                .at("/data")
                .valueStream()
                .map(e -> e.get("createdAt").asString())
                .toList();
        assertThat(list.body()).isEqualTo(JSON.readTree("""
                {"success":true,"data":[{"phone":"+919812345670","createdAt":"%s"},
                                        {"phone":"+919812345678","createdAt":"%s"},
                                        {"phone":"+919812345679","createdAt":"%s"}]}""".formatted(createdAt.toArray())));
    }

    @Test
    void anyInvalidPhoneRefusesTheWholeRequestNamingEachByIndex() {
        String key = newOrganization();

        assertErrors(
                post("/api/v1/dnc", key, "{\"phones\":[\"+919812345678\",\"12345\",\"\",null,\"not a phone\"]}"),
                "phones[1] is not a valid phone number",
                "phones[2] is not a valid phone number",
                "phones[3] is not a valid phone number",
                "phones[4] is not a valid phone number");

        assertThat(get("/api/v1/dnc", key).body().at("/data").size()).isZero();
    }

    @Test
    void takesTenThousandPhonesInOneRequestButNotOneMore() {
        String key = newOrganization();
        List<String> phones = LongStream.range(0, 10_000)
                .mapToObj(i -> "+91" + (9_800_000_000L + i))
                .toList();

        long started = System.nanoTime();
        Response added = post("/api/v1/dnc", key, json("phones", phones));
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(added.status()).as(added.raw()).isEqualTo(200);
        assertThat(added.body().at("/data/added").asInt()).isEqualTo(10_000);
        System.out.println("DNC: 10,000 phones added in " + millis + " ms");
        assertThat(post("/api/v1/dnc", key, json("phones", phones)).raw())
                .isEqualTo("{\"success\":true,\"data\":{\"added\":0,\"alreadyListed\":10000}}");

        List<String> tooMany = LongStream.range(0, 10_001)
                .mapToObj(i -> "+91" + (9_700_000_000L + i))
                .toList();
        assertErrors(post("/api/v1/dnc", key, json("phones", tooMany)), "phones must have at most 10000 entries");
        assertThat(doNotCall.isListed(organizationOf(key), "+919700000000")).isFalse();
    }

    @Test
    void manyInvalidPhonesAreReportedUpToAHundred() {
        String key = newOrganization();
        List<String> phones = LongStream.range(0, 250).mapToObj(i -> "bad" + i).toList();

        Response response = post("/api/v1/dnc", key, json("phones", phones));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().at("/errors").size()).isEqualTo(101);
        assertThat(response.body().at("/errors/99").asString()).isEqualTo("phones[99] is not a valid phone number");
        assertThat(response.body().at("/errors/100").asString())
                .isEqualTo("phones has 150 more entries that are not valid phone numbers");
    }

    @Test
    void removesAPhoneGivenInAnyForm() {
        String key = newOrganization();
        post("/api/v1/dnc", key, "{\"phones\":[\"+919812345601\",\"+919812345602\",\"+919812345603\"]}");

        Response encoded = delete("/api/v1/dnc/%2B919812345601", key);
        Response raw = delete("/api/v1/dnc/+919812345602", key);
        Response national = delete("/api/v1/dnc/9812345603", key);

        assertThat(encoded.raw()).isEqualTo("{\"success\":true}");
        assertThat(raw.status()).isEqualTo(200);
        assertThat(national.status()).isEqualTo(200);
        assertThat(get("/api/v1/dnc", key).body().at("/data").size()).isZero();
        Response notListed = delete("/api/v1/dnc/+919812345601", key);
        assertThat(notListed.status()).isEqualTo(404);
        assertThat(notListed.raw())
                .isEqualTo(
                        "{\"success\":false,\"error\":\"NotFound\",\"message\":\"Phone not on the do-not-call list\"}");
        assertErrors(delete("/api/v1/dnc/12345", key), "phone is not a valid phone number");
    }

    @Test
    void checksOneNumberWithTheQueryParameter() {
        String key = newOrganization();
        post("/api/v1/dnc", key, "{\"phones\":[\"+919812345611\",\"+919812345612\"]}");

        for (String query : new String[] {"%2B919812345611", "+919812345611", "9812345611"}) {
            Response listed = get("/api/v1/dnc?phone=" + query, key);
            assertThat(listed.status()).as(query).isEqualTo(200);
            assertThat(listed.body().at("/data").size()).as(query).isEqualTo(1);
            assertThat(listed.body().at("/data/0/phone").asString()).isEqualTo("+919812345611");
        }
        assertThat(get("/api/v1/dnc?phone=9812345619", key).body().at("/data").size())
                .isZero();
        assertErrors(get("/api/v1/dnc?phone=abc", key), "phone is not a valid phone number");
    }

    @Test
    void listsInPhoneOrderWithACursor() {
        String key = newOrganization();
        post("/api/v1/dnc", key, "{\"phones\":[\"+919812345623\",\"+919812345621\",\"+919812345622\"]}");

        Response first = get("/api/v1/dnc?limit=2", key);
        Response second = get(
                "/api/v1/dnc?limit=2&cursor=" + first.body().at("/nextCursor").asString(), key);

        assertThat(first.body()
                        .at("/data")
                        .valueStream()
                        .map(e -> e.get("phone").asString()))
                .containsExactly("+919812345621", "+919812345622");
        assertThat(second.body()
                        .at("/data")
                        .valueStream()
                        .map(e -> e.get("phone").asString()))
                .containsExactly("+919812345623");
        assertThat(second.body().has("nextCursor")).isFalse();
    }

    @Test
    void badBodiesAre400NamingTheField() {
        String key = newOrganization();

        assertErrors(post("/api/v1/dnc", key, "{\"phones\":[\"+919812345678\""), "body is not valid JSON");
        assertErrors(post("/api/v1/dnc", key, "{}"), "phones must have at least 1 entry");
        assertErrors(post("/api/v1/dnc", key, "{\"phones\":[]}"), "phones must have at least 1 entry");
        assertErrors(post("/api/v1/dnc", key, "{\"phones\":\"+919812345678\"}"), "phones has the wrong type or format");
        assertErrors(post("/api/v1/dnc", key, "{\"phones\":[9812345678]}"), "phones[0] has the wrong type or format");
        assertErrors(
                post("/api/v1/dnc", key, "{\"phones\":[\"+919812345678\"],\"reason\":\"x\"}"),
                "unknown field 'reason'");
        assertErrors(send("POST", "/api/v1/dnc", key, "application/json", null), "body is required");
    }

    @Test
    void eachOrganizationHasItsOwnList() {
        String keyA = newOrganization();
        String keyB = newOrganization();
        post("/api/v1/dnc", keyA, "{\"phones\":[\"+919812345631\"]}");

        assertThat(get("/api/v1/dnc", keyB).body().at("/data").size()).isZero();
        assertThat(get("/api/v1/dnc?phone=%2B919812345631", keyB)
                        .body()
                        .at("/data")
                        .size())
                .isZero();
        assertThat(delete("/api/v1/dnc/%2B919812345631", keyB).status()).isEqualTo(404);
        assertThat(post("/api/v1/dnc", keyB, "{\"phones\":[\"+919812345631\"]}").raw())
                .isEqualTo("{\"success\":true,\"data\":{\"added\":1,\"alreadyListed\":0}}");
        delete("/api/v1/dnc/%2B919812345631", keyB);

        assertThat(doNotCall.isListed(organizationOf(keyA), "+919812345631")).isTrue();
        assertThat(doNotCall.isListed(organizationOf(keyB), "+919812345631")).isFalse();
        assertThat(get("/api/v1/dnc", keyA).body().at("/data/0/phone").asString())
                .isEqualTo("+919812345631");
    }

    private String organizationOf(String apiKey) {
        return jdbc.sql("SELECT organization_id FROM api_keys WHERE key_prefix = :prefix")
                .param("prefix", apiKey.substring(0, apiKey.indexOf('_', 3) + 7))
                .query(String.class)
                .single();
    }

    private static void assertErrors(Response response, String... errors) {
        assertThat(response.status()).as(response.raw()).isEqualTo(400);
        assertThat(response.body().at("/message").asString()).isEqualTo("Validation failed");
        assertThat(response.body().at("/errors").valueStream().map(JsonNode::asString))
                .containsExactly(errors);
    }
}
