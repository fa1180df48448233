package io.agentcalls.disposition;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** List Dispositions: {@code GET /api/v1/dispositions?page=&search=}. */
class TimepayListDispositionsTest extends DispositionPagesTest {

    @Test
    void listsByPriorityWithTheDocumentedPagination() {
        String key = newOrganization();
        disposition(key, BUSY);
        disposition(key, NO_ANSWER);
        disposition(key, PAY_LATER);

        Response list = get("/api/v1/dispositions", key);

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().propertyNames()).containsExactly("success", "data", "pagination");
        assertThat(names(list)).isEqualTo("Pay in Coming Days/Weeks,No Answer,Busy");
        assertThat(list.body().get("pagination"))
                .isEqualTo(JSON.readTree("{\"page\":1,\"limit\":20,\"total\":3,\"totalPages\":1}"));
        JsonNode first = list.body().at("/data/0");
        assertThat(first.get("priority").asInt()).isZero();
        assertThat(first.propertyNames()).contains("id", "name", "description", "priority", "createdAt", "updatedAt");
    }

    @Test
    void twentyAPage() {
        String key = newOrganization();
        for (int i = 0; i < 25; i++) {
            disposition(key, "Outcome " + (char) ('A' + i), 10 + i);
        }

        Response second = get("/api/v1/dispositions?page=2", key);
        Response past = get("/api/v1/dispositions?page=3", key);

        assertThat(second.body().at("/data").size()).isEqualTo(5);
        assertThat(second.body().at("/data/0/name").asString()).isEqualTo("Outcome U");
        assertThat(second.body().get("pagination"))
                .isEqualTo(JSON.readTree("{\"page\":2,\"limit\":20,\"total\":25,\"totalPages\":2}"));
        assertThat(past.body().at("/data").size()).isZero();
        assertThat(past.body().at("/pagination/total").asInt()).isEqualTo(25);
    }

    @Test
    void searchLooksInNameAndDescriptionIgnoringCase() {
        String key = newOrganization();
        disposition(key, PAY_LATER);
        disposition(key, NO_ANSWER);
        disposition(key, BUSY);
        disposition(key, "{\"name\":\"100% paid\"}");

        assertThat(names(get("/api/v1/dispositions?search=answer", key))).isEqualTo("No Answer");
        assertThat(names(get("/api/v1/dispositions?search=LINE", key))).isEqualTo("Busy");
        assertThat(names(get("/api/v1/dispositions?search=%25", key))).isEqualTo("100% paid");
        assertThat(names(get("/api/v1/dispositions?search=_", key))).isEmpty();
        assertThat(get("/api/v1/dispositions?search=answer", key)
                        .body()
                        .at("/pagination/total")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void seesOnlyItsOwnOrganization() {
        String key = newOrganization();
        disposition(newOrganization(), BUSY);

        assertThat(get("/api/v1/dispositions", key)
                        .body()
                        .at("/pagination/total")
                        .asInt())
                .isZero();
    }

    @Test
    void badPagesAre400() {
        String key = newOrganization();
        for (String page : new String[] {"0", "-1", "abc", "1.5", "99999999999999999999", "1000001"}) {
            assertValidation(
                    get("/api/v1/dispositions?page=" + page, key), "page must be an integer from 1 to 1000000");
        }
        assertValidation(
                get("/api/v1/dispositions?search=" + "x".repeat(201), key), "search must be at most 200 characters");
        assertBadRequest(get("/api/v1/dispositions?search=a%00b", key));
    }
}
