package io.agentcalls.organization;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcalls.support.ApiTest;
import org.junit.jupiter.api.Test;

class OrganizationApiTest extends ApiTest {

    @Test
    void adminCreatesOrganizationWithAFirstKeyThatWorks() {
        Response created =
                send("POST", "/admin/v1/organizations", ADMIN_TOKEN, "application/json", "{\"name\":\"Acme Finance\"}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().at("/success").asBoolean()).isTrue();
        assertThat(created.body().at("/data/organization/id").asString()).startsWith("org_");
        assertThat(created.body().at("/data/organization/name").asString()).isEqualTo("Acme Finance");
        String key = created.body().at("/data/apiKey").asString();
        assertThat(key).startsWith("ak_");

        Response keys = get("/api/v1/api-keys", key);
        assertThat(keys.status()).isEqualTo(200);
        assertThat(keys.body().at("/data").size()).isEqualTo(1);
        assertThat(keys.raw()).doesNotContain(key);
    }

    @Test
    void onlyAHashOfTheKeyIsStored() {
        String key = newOrganization();
        long stored = jdbc.sql("SELECT count(*) FROM api_keys WHERE key_hash = :key OR key_prefix = :key")
                .param("key", key)
                .query(Long.class)
                .single();
        assertThat(stored).isZero();
    }

    @Test
    void adminApiRejectsAWrongToken() {
        Response response = send("POST", "/admin/v1/organizations", "wrong", "application/json", "{\"name\":\"Acme\"}");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.body().at("/success").asBoolean()).isFalse();
    }

    @Test
    void adminApiValidatesTheName() {
        assertThat(send("POST", "/admin/v1/organizations", ADMIN_TOKEN, "application/json", "{}")
                        .body()
                        .at("/errors/0")
                        .asString())
                .contains("name");
        Response wrongType = send("POST", "/admin/v1/organizations", ADMIN_TOKEN, "application/json", "{\"name\":42}");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.body().at("/errors/0").asString()).contains("name");
    }

    @Test
    void missingMalformedUnknownAndRevokedKeysGet401InTheEnvelope() {
        String key = newOrganization();
        for (String bad : new String[] {null, "nonsense", key + "x", "ak_" + "0".repeat(32) + "_abcdef"}) {
            Response response = get("/api/v1/api-keys", bad);
            assertThat(response.status()).as("key %s", bad).isEqualTo(401);
            assertThat(response.raw())
                    .isEqualTo(
                            "{\"success\":false,\"error\":\"Unauthorized\",\"message\":\"Missing or invalid authorization header\"}");
        }

        Response second = post("/api/v1/api-keys", key, "{\"name\":\"ci\"}");
        assertThat(second.status()).isEqualTo(201);
        String secondKey = second.body().at("/data/key").asString();
        String secondId = second.body().at("/data/id").asString();
        assertThat(get("/api/v1/api-keys", secondKey).status()).isEqualTo(200);

        assertThat(delete("/api/v1/api-keys/" + secondId, key).status()).isEqualTo(200);
        assertThat(get("/api/v1/api-keys", secondKey).status()).isEqualTo(401);
        assertThat(get("/api/v1/api-keys", key).status()).isEqualTo(200);
    }

    @Test
    void anotherOrganizationCannotSeeOrRevokeKeys() {
        String keyA = newOrganization();
        String keyB = newOrganization();
        String idA = get("/api/v1/api-keys", keyA).body().at("/data/0/id").asString();

        assertThat(delete("/api/v1/api-keys/" + idA, keyB).status()).isEqualTo(404);
        assertThat(get("/api/v1/api-keys", keyB).raw()).doesNotContain(idA);
        assertThat(get("/api/v1/api-keys", keyA).status()).isEqualTo(200);
    }

    @Test
    void malformedJsonAndUnknownFieldsAre400() {
        String key = newOrganization();
        Response malformed = post("/api/v1/api-keys", key, "{\"name\":");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body().at("/message").asString()).isEqualTo("Validation failed");

        Response unknown = post("/api/v1/api-keys", key, "{\"name\":\"x\",\"admin\":true}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().at("/errors/0").asString()).contains("admin");
    }

    @Test
    void keysArePaginatedWithACursor() {
        String key = newOrganization();
        for (int i = 0; i < 3; i++) {
            post("/api/v1/api-keys", key, "{\"name\":\"k" + i + "\"}");
        }
        Response first = get("/api/v1/api-keys?limit=2", key);
        assertThat(first.body().at("/data").size()).isEqualTo(2);
        String cursor = first.body().at("/nextCursor").asString();
        Response second = get("/api/v1/api-keys?limit=2&cursor=" + cursor, key);
        assertThat(second.body().at("/data").size()).isEqualTo(2);
        assertThat(second.body().has("nextCursor")).isFalse();
        assertThat(get("/api/v1/api-keys?limit=0", key).status()).isEqualTo(400);
        assertThat(get("/api/v1/api-keys?limit=abc", key).status()).isEqualTo(400);
    }
}
