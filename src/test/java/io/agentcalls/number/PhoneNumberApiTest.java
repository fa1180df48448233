package io.agentcalls.number;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcalls.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class PhoneNumberApiTest extends ApiTest {

    @Autowired
    PhoneNumberService phoneNumbers;

    @Test
    void addsANumberInE164() {
        String key = newOrganization();

        Response created = post(
                "/api/v1/phone-numbers",
                key,
                "{\"number\":\"+918045550100\",\"active\":true,\"maxConcurrentCalls\":25}");

        assertThat(created.status()).isEqualTo(201);
        JsonNode data = created.body().get("data");
        assertThat(data.get("id").asString()).startsWith("num_");
        assertThat(created.body()).isEqualTo(JSON.readTree("""
                {"success":true,"data":{"id":"%s","number":"+918045550100","active":true,"maxConcurrentCalls":25,
                 "createdAt":"%s","updatedAt":"%s"}}""".formatted(
                        data.get("id").asString(),
                        data.get("createdAt").asString(),
                        data.get("updatedAt").asString())));
        Response fetched = get("/api/v1/phone-numbers/" + data.get("id").asString(), key);
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.body()).isEqualTo(created.body());
    }

    @Test
    void numberIsNormalisedAndTheRestHasDefaults() {
        String key = newOrganization();

        Response created = post("/api/v1/phone-numbers", key, "{\"number\":\"080 4555 0101\"}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().at("/data/number").asString()).isEqualTo("+918045550101");
        assertThat(created.body().at("/data/active").asBoolean()).isTrue();
        assertThat(created.body().at("/data/maxConcurrentCalls").asInt()).isEqualTo(10);
    }

    @Test
    void aDuplicateNumberIsAConflictWithinTheOrganizationOnly() {
        String keyA = newOrganization();
        String keyB = newOrganization();
        String id = post("/api/v1/phone-numbers", keyA, "{\"number\":\"+918045550102\"}")
                .body()
                .at("/data/id")
                .asString();

        Response duplicate = post("/api/v1/phone-numbers", keyA, "{\"number\":\"08045550102\"}");

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.raw())
                .isEqualTo("{\"success\":false,\"error\":\"Conflict\",\"message\":\"Phone number already exists\"}");
        assertThat(post("/api/v1/phone-numbers", keyB, "{\"number\":\"+918045550102\"}")
                        .status())
                .isEqualTo(201);
        delete("/api/v1/phone-numbers/" + id, keyA);
        assertThat(post("/api/v1/phone-numbers", keyA, "{\"number\":\"+918045550102\"}")
                        .status())
                .as("a deleted number can be added again")
                .isEqualTo(201);
    }

    @Test
    void listsNumbersFilteredByActiveWithACursor() {
        String key = newOrganization();
        post("/api/v1/phone-numbers", key, "{\"number\":\"+918045550110\"}");
        post("/api/v1/phone-numbers", key, "{\"number\":\"+918045550111\",\"active\":false}");
        post("/api/v1/phone-numbers", key, "{\"number\":\"+918045550112\"}");

        Response first = get("/api/v1/phone-numbers?limit=2", key);
        Response second = get(
                "/api/v1/phone-numbers?limit=2&cursor="
                        + first.body().at("/nextCursor").asString(),
                key);
        Response active = get("/api/v1/phone-numbers?active=true", key);
        Response inactive = get("/api/v1/phone-numbers?active=false", key);

        assertThat(first.body().at("/data").size()).isEqualTo(2);
        assertThat(second.body().at("/data/0/number").asString()).isEqualTo("+918045550112");
        assertThat(second.body().has("nextCursor")).isFalse();
        assertThat(active.body()
                        .at("/data")
                        .valueStream()
                        .map(n -> n.get("number").asString()))
                .containsExactly("+918045550110", "+918045550112");
        assertThat(inactive.body()
                        .at("/data")
                        .valueStream()
                        .map(n -> n.get("number").asString()))
                .containsExactly("+918045550111");
        Response bad = get("/api/v1/phone-numbers?active=yes", key);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().at("/errors/0").asString()).isEqualTo("active must be true or false");
    }

    @Test
    void patchDeactivatesAndChangesTheLimit() {
        String key = newOrganization();
        JsonNode number = post("/api/v1/phone-numbers", key, "{\"number\":\"+918045550120\"}")
                .body()
                .get("data");
        String path = "/api/v1/phone-numbers/" + number.get("id").asString();

        Response deactivated = patch(path, key, "{\"active\":false}");
        Response limited = patch(path, key, "{\"maxConcurrentCalls\":1000}");

        assertThat(deactivated.status()).isEqualTo(200);
        assertThat(deactivated.body().at("/data/active").asBoolean()).isFalse();
        assertThat(deactivated.body().at("/data/maxConcurrentCalls").asInt()).isEqualTo(10);
        assertThat(limited.body().at("/data/active").asBoolean()).isFalse();
        assertThat(limited.body().at("/data/maxConcurrentCalls").asInt()).isEqualTo(1000);
        assertThat(limited.body().at("/data/number").asString()).isEqualTo("+918045550120");
        assertThat(get(path, key).body()).isEqualTo(limited.body());
    }

    @Test
    void activeNumbersAreTheLiveActiveOnesInIdOrder() {
        String key = newOrganization();
        String first = post("/api/v1/phone-numbers", key, "{\"number\":\"+918045550130\"}")
                .body()
                .at("/data/id")
                .asString();
        post("/api/v1/phone-numbers", key, "{\"number\":\"+918045550131\",\"active\":false}");
        String deleted = post("/api/v1/phone-numbers", key, "{\"number\":\"+918045550132\"}")
                .body()
                .at("/data/id")
                .asString();
        String last = post("/api/v1/phone-numbers", key, "{\"number\":\"+918045550133\"}")
                .body()
                .at("/data/id")
                .asString();
        delete("/api/v1/phone-numbers/" + deleted, key);
        String organizationId = jdbc.sql("SELECT organization_id FROM phone_numbers WHERE id = :id")
                .param("id", first)
                .query(String.class)
                .single();

        assertThat(phoneNumbers.activeNumbers(organizationId))
                .extracting(PhoneNumber::id)
                .containsExactly(first, last);
    }

    @Test
    void deleteIsSoftAndTheNumberDisappears() {
        String key = newOrganization();
        String id = post("/api/v1/phone-numbers", key, "{\"number\":\"+918045550140\"}")
                .body()
                .at("/data/id")
                .asString();
        String path = "/api/v1/phone-numbers/" + id;

        Response deleted = delete(path, key);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.raw()).isEqualTo("{\"success\":true}");
        Response gone = get(path, key);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.raw())
                .isEqualTo("{\"success\":false,\"error\":\"NotFound\",\"message\":\"Phone number not found\"}");
        assertThat(patch(path, key, "{\"active\":true}").status()).isEqualTo(404);
        assertThat(delete(path, key).status()).isEqualTo(404);
        assertThat(get("/api/v1/phone-numbers", key).body().at("/data").size()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM phone_numbers WHERE id = :id AND deleted_at IS NOT NULL")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void badBodiesAre400NamingTheField() {
        String key = newOrganization();
        String path = "/api/v1/phone-numbers";

        assertErrors(post(path, key, "{\"number\":"), "body is not valid JSON");
        assertErrors(post(path, key, "{}"), "number must not be blank");
        assertErrors(post(path, key, "{\"number\":\"12345\"}"), "number is not a valid phone number");
        assertErrors(post(path, key, "{\"number\":918045550100}"), "number has the wrong type or format");
        assertErrors(
                post(path, key, "{\"number\":\"+918045550150\",\"active\":\"yes\"}"),
                "active has the wrong type or format");
        assertErrors(
                post(path, key, "{\"number\":\"+918045550150\",\"maxConcurrentCalls\":\"10\"}"),
                "maxConcurrentCalls has the wrong type or format");
        assertErrors(
                post(path, key, "{\"number\":\"+918045550150\",\"maxConcurrentCalls\":0}"),
                "maxConcurrentCalls must be from 1 to 1000");
        assertErrors(
                post(path, key, "{\"number\":\"+918045550150\",\"maxConcurrentCalls\":1001}"),
                "maxConcurrentCalls must be from 1 to 1000");
        assertErrors(post(path, key, "{\"number\":\"+918045550150\",\"provider\":\"x\"}"), "unknown field 'provider'");
        assertThat(get(path, key).body().at("/data").size()).isZero();
    }

    @Test
    void badPatchesAre400AndChangeNothing() {
        String key = newOrganization();
        JsonNode number = post("/api/v1/phone-numbers", key, "{\"number\":\"+918045550160\"}")
                .body()
                .get("data");
        String path = "/api/v1/phone-numbers/" + number.get("id").asString();

        assertErrors(patch(path, key, "{\"number\":\"+918045550161\"}"), "unknown field 'number'");
        assertErrors(patch(path, key, "{\"active\":null}"), "active has the wrong type or format");
        assertErrors(patch(path, key, "{\"active\":\"false\"}"), "active has the wrong type or format");
        assertErrors(patch(path, key, "{\"maxConcurrentCalls\":-1}"), "maxConcurrentCalls must be from 1 to 1000");
        assertErrors(
                patch(path, key, "{\"maxConcurrentCalls\":10.5}"), "maxConcurrentCalls has the wrong type or format");
        Response overflow = patch(path, key, "{\"maxConcurrentCalls\":99999999999}");
        assertThat(overflow.status()).isEqualTo(400);
        assertThat(overflow.body().at("/message").asString()).isEqualTo("Validation failed");
        assertThat(overflow.body().at("/errors/0").asString()).startsWith("maxConcurrentCalls");

        assertThat(get(path, key).body().get("data")).isEqualTo(number);
    }

    @Test
    void anotherOrganizationCannotSeeOrChangeANumber() {
        String keyA = newOrganization();
        String keyB = newOrganization();
        JsonNode number = post("/api/v1/phone-numbers", keyA, "{\"number\":\"+918045550170\"}")
                .body()
                .get("data");
        String path = "/api/v1/phone-numbers/" + number.get("id").asString();

        assertThat(get(path, keyB).status()).isEqualTo(404);
        assertThat(get("/api/v1/phone-numbers", keyB).body().at("/data").size()).isZero();
        assertThat(patch(path, keyB, "{\"active\":false}").status()).isEqualTo(404);
        assertThat(delete(path, keyB).status()).isEqualTo(404);

        assertThat(get(path, keyA).body().get("data")).isEqualTo(number);
    }

    private static void assertErrors(Response response, String... errors) {
        assertThat(response.status()).as(response.raw()).isEqualTo(400);
        assertThat(response.body().at("/message").asString()).isEqualTo("Validation failed");
        assertThat(response.body().at("/errors").valueStream().map(JsonNode::asString))
                .containsExactly(errors);
    }
}
