package io.agentcalls.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The endpoint management API: create, list, get, update, delete, rotate; validation; tenancy. */
class WebhookApiTest extends WebhookTestSupport {

    private static final String URL = "https://localhost/agentcalls-hook";

    @Test
    void createShowsTheSigningSecretOnceAndNeverAgain() {
        String key = newOrganization();
        Response created = post(
                "/api/v1/webhooks",
                key,
                "{\"url\":\"" + URL + "\",\"events\":[\"call.completed\",\"call.failed\",\"initiation.completed\"]}");

        assertThat(created.status()).isEqualTo(201);
        JsonNode data = created.body().at("/data");
        assertThat(data.at("/id").asString()).startsWith("whk_");
        assertThat(data.at("/url").asString()).isEqualTo(URL);
        assertThat(data.at("/events").toString())
                .isEqualTo("[\"call.completed\",\"call.failed\",\"initiation.completed\"]");
        assertThat(data.at("/active").asBoolean()).isTrue();
        assertThat(data.has("disabledReason")).isTrue();
        assertThat(data.at("/disabledReason").isNull()).isTrue();
        assertThat(data.at("/createdAt").asString()).isNotBlank();
        assertThat(data.at("/updatedAt").asString()).isNotBlank();
        String secret = data.at("/secret").asString();
        assertThat(secret).startsWith("whsec_");

        String id = data.at("/id").asString();
        Response fetched = get("/api/v1/webhooks/" + id, key);
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.body().at("/data").has("secret")).isFalse();
        assertThat(fetched.raw()).doesNotContain(secret);
        Response listed = get("/api/v1/webhooks", key);
        assertThat(listed.body().at("/data").size()).isEqualTo(1);
        assertThat(listed.raw()).doesNotContain(secret).doesNotContain("\"secret\"");
    }

    @Test
    void duplicateEventsAreStoredOnce() {
        String key = newOrganization();
        Response created =
                post("/api/v1/webhooks", key, json("url", URL, "events", List.of("call.failed", "call.failed")));
        assertThat(created.body().at("/data/events").toString()).isEqualTo("[\"call.failed\"]");
    }

    @Test
    void updateChangesEventsAndActiveOnly() {
        String key = newOrganization();
        Created webhook = createWebhook(key, URL, "call.completed");
        String path = "/api/v1/webhooks/" + webhook.id();

        Response events = patch(path, key, "{\"events\":[\"call.answered\",\"call.disposition\"]}");
        assertThat(events.status()).isEqualTo(200);
        assertThat(events.body().at("/data/events").toString()).isEqualTo("[\"call.answered\",\"call.disposition\"]");
        assertThat(events.body().at("/data/active").asBoolean()).isTrue();
        assertThat(events.body().at("/data").has("secret")).isFalse();

        Response off = patch(path, key, "{\"active\":false}");
        assertThat(off.body().at("/data/active").asBoolean()).isFalse();
        assertThat(off.body().at("/data/disabledReason").asString()).isEqualTo("disabled through the API");
        assertThat(off.body().at("/data/events").toString()).isEqualTo("[\"call.answered\",\"call.disposition\"]");

        Response on = patch(path, key, "{\"active\":true}");
        assertThat(on.body().at("/data/active").asBoolean()).isTrue();
        assertThat(on.body().at("/data/disabledReason").isNull()).isTrue();
        assertThat(get(path, key).body().at("/data/url").asString()).isEqualTo(URL);
    }

    @Test
    void rotatingGivesANewSecretOnce() {
        String key = newOrganization();
        Created webhook = createWebhook(key, URL, "call.completed");

        Response rotated = post("/api/v1/webhooks/" + webhook.id() + "/rotate-secret", key, null);

        assertThat(rotated.status()).isEqualTo(200);
        String newSecret = rotated.body().at("/data/secret").asString();
        assertThat(newSecret).startsWith("whsec_").isNotEqualTo(webhook.secret());
        assertThat(get("/api/v1/webhooks/" + webhook.id(), key).raw()).doesNotContain(newSecret);
    }

    @Test
    void deleteRemovesTheWebhook() {
        String key = newOrganization();
        Created webhook = createWebhook(key, URL, "call.completed");

        assertThat(delete("/api/v1/webhooks/" + webhook.id(), key).raw()).isEqualTo("{\"success\":true}");
        assertThat(get("/api/v1/webhooks/" + webhook.id(), key).status()).isEqualTo(404);
        assertThat(delete("/api/v1/webhooks/" + webhook.id(), key).status()).isEqualTo(404);
        assertThat(get("/api/v1/webhooks", key).body().at("/data").size()).isZero();
    }

    @Test
    void webhooksArePaginatedWithACursor() {
        String key = newOrganization();
        for (int i = 0; i < 3; i++) {
            createWebhook(key, URL + i, "call.completed");
        }
        Response first = get("/api/v1/webhooks?limit=2", key);
        assertThat(first.body().at("/data").size()).isEqualTo(2);
        Response second = get(
                "/api/v1/webhooks?limit=2&cursor="
                        + first.body().at("/nextCursor").asString(),
                key);
        assertThat(second.body().at("/data").size()).isEqualTo(1);
        assertThat(second.body().has("nextCursor")).isFalse();
        assertThat(get("/api/v1/webhooks?limit=0", key).status()).isEqualTo(400);
    }

    @Test
    void anOrganizationHasAtMostTwentyWebhooks() {
        String key = newOrganization();
        for (int i = 0; i < 20; i++) {
            createWebhook(key, URL, "call.completed");
        }
        Response refused = post("/api/v1/webhooks", key, json("url", URL, "events", List.of("call.completed")));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().at("/message").asString()).isEqualTo("An organization can have at most 20 webhooks");
    }

    @Test
    void badCreateRequestsAre400NamingTheField() {
        String key = newOrganization();
        assertValidation(post("/api/v1/webhooks", key, "{\"url\":"), "body is not valid JSON");
        assertValidation(post("/api/v1/webhooks", key, "{\"events\":[\"call.completed\"]}"), "url must not be null");
        assertValidation(post("/api/v1/webhooks", key, json("url", URL)), "events must not be null");
        assertValidation(
                post("/api/v1/webhooks", key, json("url", URL, "events", List.of())),
                "events size must be between 1 and 50");
        assertValidation(
                post("/api/v1/webhooks", key, json("url", URL, "events", Collections.nCopies(10_000, "call.failed"))),
                "events size must be between 1 and 50");
        assertValidation(
                post("/api/v1/webhooks", key, json("url", URL, "events", "call.completed")),
                "events has the wrong type or format");
        assertValidation(
                post("/api/v1/webhooks", key, "{\"url\":\"" + URL + "\",\"events\":[42]}"),
                "events[0] has the wrong type or format");
        assertValidation(
                post("/api/v1/webhooks", key, "{\"url\":42,\"events\":[\"call.failed\"]}"),
                "url has the wrong type or format");
        assertValidation(
                post("/api/v1/webhooks", key, json("url", URL, "events", List.of("call.failed"), "secret", "mine")),
                "secret can be chosen only with format timepay; standard endpoints get a signing secret");
        Response unknownEvent =
                post("/api/v1/webhooks", key, json("url", URL, "events", List.of("call.completed", "call.exploded")));
        assertThat(unknownEvent.status()).isEqualTo(400);
        assertThat(unknownEvent.body().at("/errors/0").asString())
                .startsWith("events[1] must be one of: call.initiated");
        assertThat(get("/api/v1/webhooks", key).body().at("/data").size()).isZero();
    }

    @Test
    void unsafeUrlsAreRefusedAtCreation() {
        String key = newOrganization();
        assertValidation(
                post("/api/v1/webhooks", key, json("url", "ftp://localhost/x", "events", List.of("call.failed"))),
                "url must use https or http");
        // the test profile allows http, but only to loopback
        assertValidation(
                post("/api/v1/webhooks", key, json("url", "http://10.1.2.3/x", "events", List.of("call.failed"))),
                "url must use https (http is allowed only to loopback addresses)");
        assertValidation(
                post(
                        "/api/v1/webhooks",
                        key,
                        json("url", "https://169.254.169.254/latest", "events", List.of("call.failed"))),
                "url must not point at a cloud metadata address");
        assertValidation(
                post("/api/v1/webhooks", key, json("url", "not a url", "events", List.of("call.failed"))),
                "url is not a valid URL");
        assertValidation(
                post("/api/v1/webhooks", key, json("url", "https://u:p@localhost/x", "events", List.of("call.failed"))),
                "url must not contain credentials");
        // the test profile allows 80, 443 and the unprivileged ports its receivers listen on
        assertValidation(
                post("/api/v1/webhooks", key, json("url", "https://localhost:22/x", "events", List.of("call.failed"))),
                "url port 22 is not allowed (allowed: 80, 443, 1024-65535)");
        assertValidation(
                post(
                        "/api/v1/webhooks",
                        key,
                        json("url", "https://[64:ff9b::a9fe:a9fe]/latest", "events", List.of("call.failed"))),
                "url must not point at a cloud metadata address");
        Response both = post("/api/v1/webhooks", key, json("url", "ftp://x", "events", List.of("nope")));
        assertThat(both.body().at("/errors").size()).isEqualTo(2);
    }

    @Test
    void badUpdateRequestsAre400NamingTheField() {
        String key = newOrganization();
        Created webhook = createWebhook(key, URL, "call.completed");
        String path = "/api/v1/webhooks/" + webhook.id();

        assertValidation(patch(path, key, "{}"), "body must set events or active");
        assertValidation(patch(path, key, "{\"active\":\"yes\"}"), "active has the wrong type or format");
        assertValidation(patch(path, key, "{\"url\":\"https://localhost/other\"}"), "unknown field 'url'");
        assertValidation(patch(path, key, "{\"events\":[]}"), "events size must be between 1 and 50");
        assertValidation(patch(path, key, "{\"events\":[\"call.nope\"]}"), null);
        assertValidation(patch(path, key, "[1,2"), "body has the wrong shape");
        assertValidation(patch(path, key, "{\"active\":"), "body is not valid JSON");

        Response unchanged = get(path, key);
        assertThat(unchanged.body().at("/data/events").toString()).isEqualTo("[\"call.completed\"]");
        assertThat(unchanged.body().at("/data/active").asBoolean()).isTrue();
    }

    @Test
    void badDeliveryQueriesAre400AndUnknownIdsAre404() {
        String key = newOrganization();
        Created webhook = createWebhook(key, URL, "call.completed");
        String deliveries = "/api/v1/webhooks/" + webhook.id() + "/deliveries";

        assertValidation(
                get(deliveries + "?status=lost", key), "status must be one of: pending, delivered, failed, exhausted");
        assertValidation(get(deliveries + "?limit=501", key), "limit must be an integer from 1 to 500");
        assertThat(get(deliveries + "?status=failed", key).body().at("/data").size())
                .isZero();
        assertThat(get(deliveries + "/msg_nope", key).status()).isEqualTo(404);
        assertThat(post(deliveries + "/msg_nope/redeliver", key, null).status()).isEqualTo(404);
        assertThat(get("/api/v1/webhooks/whk_nope", key).status()).isEqualTo(404);
        assertThat(get("/api/v1/webhooks/whk_nope/deliveries", key).status()).isEqualTo(404);
        assertThat(get("/api/v1/webhooks/" + webhook.id(), null).status()).isEqualTo(401);
    }

    @Test
    void anotherOrganizationCannotSeeOrChangeAWebhook() {
        String keyA = newOrganization();
        String keyB = newOrganization();
        Created webhook = createWebhook(keyA, URL, "call.completed");
        String path = "/api/v1/webhooks/" + webhook.id();

        assertThat(get(path, keyB).status()).isEqualTo(404);
        assertThat(get(path, keyB).body().at("/message").asString()).isEqualTo("Webhook not found");
        assertThat(patch(path, keyB, "{\"active\":false}").status()).isEqualTo(404);
        assertThat(post(path + "/rotate-secret", keyB, null).status()).isEqualTo(404);
        assertThat(get(path + "/deliveries", keyB).status()).isEqualTo(404);
        assertThat(delete(path, keyB).status()).isEqualTo(404);
        assertThat(get("/api/v1/webhooks", keyB).body().at("/data").size()).isZero();

        Response untouched = get(path, keyA);
        assertThat(untouched.status()).isEqualTo(200);
        assertThat(untouched.body().at("/data/active").asBoolean()).isTrue();
        assertThat(untouched.body().at("/data/updatedAt").asString())
                .isEqualTo(untouched.body().at("/data/createdAt").asString());
    }

    private static void assertValidation(Response response, String error) {
        assertThat(response.status()).as(response.raw()).isEqualTo(400);
        assertThat(response.body().at("/message").asString()).isEqualTo("Validation failed");
        if (error != null) {
            assertThat(response.body().at("/errors/0").asString()).isEqualTo(error);
        }
    }
}
