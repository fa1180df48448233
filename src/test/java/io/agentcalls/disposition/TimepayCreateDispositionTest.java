package io.agentcalls.disposition;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Create Disposition: {@code POST /api/v1/dispositions}. */
class TimepayCreateDispositionTest extends DispositionPagesTest {

    @Test
    void createsTheCataloguesExampleAndAnswers201WithTheDocumentedFields() {
        String key = newOrganization();

        Response created = post("/api/v1/dispositions", key, PAY_LATER);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().at("/success").asBoolean()).isTrue();
        assertThat(created.body().at("/message").asString()).isEqualTo("Disposition created successfully");
        JsonNode data = created.body().get("data");
        assertThat(data.propertyNames())
                .containsExactly("id", "name", "description", "priority", "code", "category", "createdAt", "updatedAt");
        assertThat(data.get("id").asString()).startsWith("dis_");
        assertThat(data.get("name").asString()).isEqualTo("Pay in Coming Days/Weeks");
        assertThat(data.get("description").asString()).isEqualTo("Customer agrees to pay in the coming days or weeks");
        assertThat(data.get("priority").asInt()).isZero();
        assertThat(data.get("code").asString()).isEqualTo("PAY_IN_COMING_DAYS_WEEKS");
        assertThat(data.get("category").asString()).isEqualTo("neutral");
        assertThat(get("/api/v1/dispositions/" + data.get("id").asString(), key)
                        .body()
                        .get("data"))
                .isEqualTo(data);
    }

    @Test
    void priorityIsFiveHundredByDefaultAndCodeAndCategoryMayBeGiven() {
        String key = newOrganization();

        JsonNode plain = post("/api/v1/dispositions", key, "{\"name\":\"Hangup\"}")
                .body()
                .get("data");
        JsonNode promise = post(
                        "/api/v1/dispositions",
                        key,
                        "{\"name\":\"Promise to pay\",\"priority\":0,\"code\":\"PTP\",\"category\":\"positive\"}")
                .body()
                .get("data");
        JsonNode hindi = post("/api/v1/dispositions", key, "{\"name\":\"भुगतान का वादा\"}")
                .body()
                .get("data");

        assertThat(plain.get("priority").asInt()).isEqualTo(500);
        assertThat(plain.get("description").isNull()).isTrue();
        assertThat(plain.get("code").asString()).isEqualTo("HANGUP");
        assertThat(promise.get("code").asString()).isEqualTo("PTP");
        assertThat(promise.get("category").asString()).isEqualTo("positive");
        assertThat(hindi.get("code").asString()).matches("D_[0-9A-F]{12}");
    }

    @Test
    void aNameTakenInAnyCaseIs409() {
        String key = newOrganization();
        disposition(key, NO_ANSWER);

        Response again = post("/api/v1/dispositions", key, "{\"name\":\"no answer\"}");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.raw())
                .isEqualTo(
                        "{\"success\":false,\"error\":\"Conflict\",\"message\":\"A disposition with this name already exists\"}");
        assertThat(post("/api/v1/dispositions", newOrganization(), NO_ANSWER).status())
                .as("another organization may use the name")
                .isEqualTo(201);
    }

    @Test
    void invalidFieldsAre400WithTheErrorsArray() {
        String key = newOrganization();

        assertValidation(post("/api/v1/dispositions", key, "{}"), "name is required and must be a string");
        assertValidation(
                post("/api/v1/dispositions", key, json("name", "x".repeat(101))),
                "name must be at most 100 characters");
        assertValidation(
                post("/api/v1/dispositions", key, json("name", "n", "description", "d".repeat(1001))),
                "description must be at most 1000 characters");
        assertValidation(
                post("/api/v1/dispositions", key, "{\"name\":\"n\",\"priority\":1001}"),
                "priority must be between 0 and 1000");
        assertValidation(
                post("/api/v1/dispositions", key, "{\"name\":\" \",\"priority\":-1,\"category\":\"great\"}"),
                "name must not be blank",
                "priority must be between 0 and 1000",
                "category must be one of positive, negative, neutral, callback");
        assertValidation(
                post("/api/v1/dispositions", key, "{\"name\":\"n\",\"code\":\"ptp\"}"),
                "code must be upper case letters, digits and _, starting with a letter");
        assertThat(get("/api/v1/dispositions", key)
                        .body()
                        .at("/pagination/total")
                        .asInt())
                .isZero();
    }

    @Test
    void malformedBodiesAre400NeverA500() {
        String key = newOrganization();

        assertValidation(post("/api/v1/dispositions", key, "{\"name\":"), "body is not valid JSON");
        assertValidation(post("/api/v1/dispositions", key, "{\"name\":1}"), "name has the wrong type or format");
        assertValidation(
                post("/api/v1/dispositions", key, "{\"name\":\"n\",\"priority\":\"5\"}"),
                "priority has the wrong type or format");
        assertValidation(
                post("/api/v1/dispositions", key, "{\"name\":\"n\",\"priority\":1.5}"),
                "priority has the wrong type or format");
        assertBadRequest(post("/api/v1/dispositions", key, "{\"name\":\"n\",\"priority\":1e400}"));
        assertBadRequest(post("/api/v1/dispositions", key, "{\"name\":\"n\",\"priority\":99999999999999999999}"));
        assertValidation(
                post("/api/v1/dispositions", key, "{\"name\":\"a\\u0000b\"}"), "name must not contain NUL characters");
        assertValidation(post("/api/v1/dispositions", key, "{\"name\":\"n\",\"x\":1}"), "unknown field 'x'");
        assertValidation(post("/api/v1/dispositions", key, "[]"), "body has the wrong shape");
        assertThat(send("POST", "/api/v1/dispositions", key, "text/plain", PAY_LATER)
                        .status())
                .isEqualTo(415);
        assertThat(get("/api/v1/dispositions", key)
                        .body()
                        .at("/pagination/total")
                        .asInt())
                .isZero();
    }

    @Test
    void withoutAnApiKeyIs401() {
        Response refused = post("/api/v1/dispositions", null, PAY_LATER);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body().at("/success").asBoolean()).isFalse();
    }
}
