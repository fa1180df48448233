package io.agentcalls.disposition;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcalls.support.ApiTest;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class DispositionSetApiTest extends ApiTest {

    private static final String CODES = """
            [{"code":"PTP","label":"Promise to pay","category":"positive"},
             {"code":"RTP","label":"Refused to pay","category":"negative"},
             {"code":"CALLBACK","label":"Call back later","category":"callback"},
             {"code":"WRONG_NUMBER","label":"Wrong number","category":"negative"}]""";
    private static final String COLLECTIONS = "{\"name\":\"Collections v1\",\"codes\":" + CODES + "}";

    @Test
    void createsASetWithItsCodesInTheGivenOrder() {
        String key = newOrganization();

        Response created = post("/api/v1/disposition-sets", key, COLLECTIONS);

        assertThat(created.status()).isEqualTo(201);
        JsonNode data = created.body().get("data");
        assertThat(data.get("id").asString()).startsWith("dsp_");
        assertThat(created.body()).isEqualTo(JSON.readTree("""
                {"success":true,"data":{"id":"%s","name":"Collections v1","codes":%s,
                 "createdAt":"%s","updatedAt":"%s"}}""".formatted(
                        data.get("id").asString(),
                        CODES,
                        data.get("createdAt").asString(),
                        data.get("updatedAt").asString())));

        Response fetched = get("/api/v1/disposition-sets/" + data.get("id").asString(), key);
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.body()).isEqualTo(created.body());
    }

    @Test
    void listsSetsWithTheirCodesAndACursor() {
        String key = newOrganization();
        for (int i = 0; i < 3; i++) {
            post("/api/v1/disposition-sets", key, "{\"name\":\"s" + i + "\",\"codes\":" + CODES + "}");
        }

        Response first = get("/api/v1/disposition-sets?limit=2", key);
        Response second = get(
                "/api/v1/disposition-sets?limit=2&cursor="
                        + first.body().at("/nextCursor").asString(),
                key);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().at("/data/0/name").asString()).isEqualTo("s0");
        assertThat(first.body().at("/data/1/codes")).isEqualTo(JSON.readTree(CODES));
        assertThat(second.body().at("/data").size()).isEqualTo(1);
        assertThat(second.body().at("/data/0/name").asString()).isEqualTo("s2");
        assertThat(second.body().has("nextCursor")).isFalse();
    }

    @Test
    void patchRenamesAndReplacesTheWholeListOfCodes() {
        String key = newOrganization();
        JsonNode set = post("/api/v1/disposition-sets", key, COLLECTIONS).body().get("data");
        String path = "/api/v1/disposition-sets/" + set.get("id").asString();

        Response renamed = patch(path, key, "{\"name\":\"Collections v2\"}");
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.body().at("/data/name").asString()).isEqualTo("Collections v2");
        assertThat(renamed.body().at("/data/codes")).isEqualTo(JSON.readTree(CODES));

        String newCodes = "[{\"code\":\"PAID\",\"label\":\"Already paid\",\"category\":\"neutral\"},"
                + "{\"code\":\"PTP\",\"label\":\"Promise\",\"category\":\"positive\"}]";
        Response replaced = patch(path, key, "{\"codes\":" + newCodes + "}");
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.body().at("/data/name").asString()).isEqualTo("Collections v2");
        assertThat(replaced.body().at("/data/codes")).isEqualTo(JSON.readTree(newCodes));
        assertThat(replaced.body().at("/data/createdAt")).isEqualTo(set.get("createdAt"));
        assertThat(get(path, key).body()).isEqualTo(replaced.body());
    }

    @Test
    void deleteIsSoftAndTheSetDisappears() {
        String key = newOrganization();
        String id = post("/api/v1/disposition-sets", key, COLLECTIONS)
                .body()
                .at("/data/id")
                .asString();
        String path = "/api/v1/disposition-sets/" + id;

        Response deleted = delete(path, key);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.raw()).isEqualTo("{\"success\":true}");
        Response gone = get(path, key);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.raw())
                .isEqualTo("{\"success\":false,\"error\":\"NotFound\",\"message\":\"Disposition not found\"}");
        assertThat(patch(path, key, "{\"name\":\"x\"}").status()).isEqualTo(404);
        assertThat(delete(path, key).status()).isEqualTo(404);
        assertThat(get("/api/v1/disposition-sets", key).body().at("/data").size())
                .isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM disposition_codes WHERE disposition_set_id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .as("codes stay for the history of calls")
                .isEqualTo(4);
    }

    @Test
    void badCodesAre400NamingEachEntry() {
        String key = newOrganization();

        assertErrors(
                post("/api/v1/disposition-sets", key, """
                        {"name":"s","codes":[{"code":"PTP","label":"a","category":"positive"},
                                             {"code":"PTP","label":"b","category":"great"},
                                             {"code":"ptp","label":" ","category":"neutral"},
                                             null]}"""),
                "codes[1].code 'PTP' is a duplicate",
                "codes[1].category must be one of positive, negative, neutral, callback, not 'great'",
                "codes[2].code 'ptp' must be upper case letters, digits and _, starting with a letter",
                "codes[2].label must not be blank",
                "codes[3] must not be null");
        assertErrors(post("/api/v1/disposition-sets", key, "{\"name\":\"s\"}"), "codes must have at least 1 entry");
        assertErrors(
                post("/api/v1/disposition-sets", key, "{\"name\":\"s\",\"codes\":[]}"),
                "codes must have at least 1 entry");
        String tooMany = IntStream.range(0, 101)
                .mapToObj(i -> "{\"code\":\"C" + i + "\",\"label\":\"l\",\"category\":\"neutral\"}")
                .collect(Collectors.joining(",", "[", "]"));
        assertErrors(
                post("/api/v1/disposition-sets", key, "{\"name\":\"s\",\"codes\":" + tooMany + "}"),
                "codes must have at most 100 entries");
    }

    @Test
    void badBodiesAre400NamingTheField() {
        String key = newOrganization();

        assertErrors(post("/api/v1/disposition-sets", key, "{\"name\":\"s\",\"codes\":[{"), "body is not valid JSON");
        assertErrors(post("/api/v1/disposition-sets", key, "{\"codes\":" + CODES + "}"), "name must not be blank");
        assertErrors(
                post("/api/v1/disposition-sets", key, "{\"name\":\"s\",\"codes\":{}}"),
                "codes has the wrong type or format");
        assertErrors(
                post(
                        "/api/v1/disposition-sets",
                        key,
                        "{\"name\":\"s\",\"codes\":[{\"code\":1,\"label\":\"l\",\"category\":\"neutral\"}]}"),
                "codes[0].code has the wrong type or format");
        assertErrors(
                post(
                        "/api/v1/disposition-sets",
                        key,
                        "{\"name\":\"s\",\"codes\":[{\"code\":\"A\",\"label\":\"l\",\"category\":\"neutral\",\"score\":1}]}"),
                "unknown field 'codes[0].score'");
        assertErrors(
                post("/api/v1/disposition-sets", key, "{\"name\":\"s\",\"codes\":" + CODES + ",\"x\":1}"),
                "unknown field 'x'");
    }

    @Test
    void badPatchesAre400AndChangeNothing() {
        String key = newOrganization();
        JsonNode set = post("/api/v1/disposition-sets", key, COLLECTIONS).body().get("data");
        String path = "/api/v1/disposition-sets/" + set.get("id").asString();

        assertErrors(patch(path, key, "{\"codes\":null}"), "codes has the wrong type or format");
        assertErrors(patch(path, key, "{\"codes\":[]}"), "codes must have at least 1 entry");
        assertErrors(patch(path, key, "{\"name\":\"\"}"), "name must not be blank");
        assertErrors(
                patch(
                        path,
                        key,
                        "{\"name\":\"ok\",\"codes\":[{\"code\":\"A\",\"label\":\"l\",\"category\":\"Positive\"}]}"),
                "codes[0].category must be one of positive, negative, neutral, callback, not 'Positive'");

        assertThat(get(path, key).body().get("data")).isEqualTo(set);
    }

    @Test
    void anotherOrganizationCannotSeeOrChangeASet() {
        String keyA = newOrganization();
        String keyB = newOrganization();
        JsonNode set =
                post("/api/v1/disposition-sets", keyA, COLLECTIONS).body().get("data");
        String path = "/api/v1/disposition-sets/" + set.get("id").asString();

        assertThat(get(path, keyB).status()).isEqualTo(404);
        assertThat(get("/api/v1/disposition-sets", keyB).body().at("/data").size())
                .isZero();
        assertThat(patch(path, keyB, "{\"codes\":[{\"code\":\"X\",\"label\":\"x\",\"category\":\"neutral\"}]}")
                        .status())
                .isEqualTo(404);
        assertThat(delete(path, keyB).status()).isEqualTo(404);

        assertThat(get(path, keyA).body().get("data")).isEqualTo(set);
    }

    private static void assertErrors(Response response, String... errors) {
        assertThat(response.status()).as(response.raw()).isEqualTo(400);
        assertThat(response.body().at("/message").asString()).isEqualTo("Validation failed");
        assertThat(response.body().at("/errors").valueStream().map(JsonNode::asString))
                .containsExactly(errors);
    }
}
