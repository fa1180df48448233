package io.agentcalls.disposition;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcalls.support.CallingSetup;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Create Disposition Group: {@code POST /api/v1/dispositions/groups/create}. */
class TimepayCreateDispositionGroupTest extends DispositionPagesTest {

    @Test
    void createsTheCataloguesExampleGroup() {
        String key = newOrganization();
        String noAnswer = disposition(key, NO_ANSWER);
        String busy = disposition(key, BUSY);

        Response created = post(
                "/api/v1/dispositions/groups/create",
                key,
                json(
                        "name",
                        "Call Back",
                        "description",
                        CALL_BACK_DESCRIPTION,
                        "dispositions",
                        List.of(noAnswer, busy, noAnswer)));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().at("/message").asString()).isEqualTo("Disposition group created successfully");
        JsonNode data = created.body().get("data");
        assertThat(data.propertyNames())
                .containsExactly("id", "name", "description", "dispositions", "createdAt", "updatedAt");
        assertThat(data.get("id").asString()).startsWith("dsp_");
        assertThat(data.get("name").asString()).isEqualTo("Call Back");
        assertThat(data.get("description").asString()).isEqualTo(CALL_BACK_DESCRIPTION);
        assertThat(data.get("dispositions"))
                .as("repeats are removed")
                .isEqualTo(JSON.valueToTree(List.of(noAnswer, busy)));
    }

    @Test
    void anEmptyGroupIsAllowed() {
        String key = newOrganization();

        Response created = post("/api/v1/dispositions/groups/create", key, "{\"name\":\"Later\"}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().at("/data/dispositions").size()).isZero();
        assertThat(created.body().at("/data/description").isNull()).isTrue();
    }

    @Test
    void idsThatAreNoDispositionOfTheOrganizationAreInvalidIds() {
        String key = newOrganization();
        String own = disposition(key, BUSY);
        String foreign = disposition(newOrganization(), BUSY);

        Response refused = post(
                "/api/v1/dispositions/groups/create",
                key,
                json("name", "Call Back", "dispositions", List.of(own, "invalidId123", foreign)));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body())
                .isEqualTo(JSON.readTree(
                        "{\"success\":false,\"error\":\"BadRequest\",\"message\":\"Invalid disposition IDs\","
                                + "\"invalidIds\":[\"invalidId123\",\"" + foreign + "\"]}"));
        assertThat(get("/api/v1/dispositions/groups/list", key)
                        .body()
                        .at("/pagination/total")
                        .asInt())
                .isZero();
    }

    @Test
    void theDocumentedRefusals() {
        String key = newOrganization();
        String busy = disposition(key, BUSY);
        group(key, "Call Back", busy);

        assertRefused(
                post("/api/v1/dispositions/groups/create", key, "{\"name\":\"call back\"}"),
                409,
                "A group with this name already exists");
        assertValidation(
                post("/api/v1/dispositions/groups/create", key, "{\"dispositions\":[]}"),
                "name is required and must be a string");
        assertValidation(
                post("/api/v1/dispositions/groups/create", key, json("name", "x".repeat(101))),
                "name must be at most 100 characters");
        assertValidation(
                post("/api/v1/dispositions/groups/create", key, json("name", "n", "description", "d".repeat(1001))),
                "description must be at most 1000 characters");
        assertValidation(
                post(
                        "/api/v1/dispositions/groups/create",
                        key,
                        json("name", "n", "dispositions", Collections.nCopies(101, busy))),
                "dispositions must have at most 100 items");
        assertValidation(
                post("/api/v1/dispositions/groups/create", key, "{\"name\":\"n\",\"dispositions\":[null]}"),
                "dispositions[0] must be a string");
        assertValidation(
                post("/api/v1/dispositions/groups/create", key, "{\"name\":\"n\",\"dispositions\":\"x\"}"),
                "dispositions has the wrong type or format");
        assertValidation(
                post("/api/v1/dispositions/groups/create", key, "{\"name\":\"n\",\"dispositions\":[1]}"),
                "dispositions[0] has the wrong type or format");
        assertValidation(post("/api/v1/dispositions/groups/create", key, "{\"name\":"), "body is not valid JSON");
        assertBadRequest(post("/api/v1/dispositions/groups/create", key, "{\"name\":\"a\\u0000\"}"));
        assertThat(get("/api/v1/dispositions/groups/list", key)
                        .body()
                        .at("/pagination/total")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void twoMembersWithOneCodeCannotBeToldApart() {
        String key = newOrganization();
        String a = disposition(key, "{\"name\":\"No-Answer\"}");
        String b = disposition(key, "{\"name\":\"No answer.\"}");

        assertValidation(
                post("/api/v1/dispositions/groups/create", key, json("name", "g", "dispositions", List.of(a, b))),
                "dispositions: " + a + " and " + b + " have the same code NO_ANSWER; a group holds one disposition"
                        + " per code");
    }

    @Test
    void initiateCallsTakesAGroupButNotASingleDisposition() {
        CallingSetup setup = CallingSetup.create(this);
        String promise = disposition(
                setup.key, "{\"name\":\"Will pay this week\",\"code\":\"PAY_WEEK\",\"category\":\"positive\"}");
        setup.dispositionId = group(setup.key, "Collections", promise);
        setup.upsert(setup.customers("GRP", 1));

        Response initiated = setup.initiate(Map.of("limit", 1));

        assertThat(initiated.status()).as(initiated.raw()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT disposition_set_id FROM calls WHERE initiation_id = :id")
                        .param(
                                "id",
                                initiated.body().at("/results/initiationId").asString())
                        .query(String.class)
                        .single())
                .isEqualTo(setup.dispositionId);
        String single = disposition(setup.key, NO_ANSWER);
        setup.dispositionId = single;
        assertRefused(setup.initiate(), 404, "Disposition not found");
    }
}
