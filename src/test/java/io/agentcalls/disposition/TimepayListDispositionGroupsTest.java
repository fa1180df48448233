package io.agentcalls.disposition;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** List Disposition Groups: {@code GET /api/v1/dispositions/groups/list?page=&search=&expand=}. */
class TimepayListDispositionGroupsTest extends DispositionPagesTest {

    @Test
    void listsGroupsWithTheirIdsAndTheDocumentedPagination() {
        String key = newOrganization();
        String noAnswer = disposition(key, NO_ANSWER);
        String busy = disposition(key, BUSY);
        group(key, "Call Back", noAnswer, busy);
        group(key, "Archive");

        Response list = get("/api/v1/dispositions/groups/list", key);

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().propertyNames()).containsExactly("success", "data", "pagination");
        assertThat(names(list)).isEqualTo("Archive,Call Back");
        assertThat(list.body().at("/data/1/dispositions").valueStream().map(JsonNode::asString))
                .containsExactly(noAnswer, busy);
        assertThat(list.body().at("/data/1").has("dispositionDetails")).isFalse();
        assertThat(list.body().get("pagination"))
                .isEqualTo(JSON.readTree("{\"page\":1,\"limit\":50,\"total\":2,\"totalPages\":1}"));
    }

    @Test
    void expandAddsTheDetailsOfEachMember() {
        String key = newOrganization();
        String noAnswer = disposition(key, NO_ANSWER);
        group(key, "Call Back", noAnswer);

        JsonNode detail =
                get("/api/v1/dispositions/groups/list?expand=true", key).body().at("/data/0/dispositionDetails/0");

        assertThat(detail.get("id").asString()).isEqualTo(noAnswer);
        assertThat(detail.get("name").asString()).isEqualTo("No Answer");
        assertThat(detail.get("description").asString()).isEqualTo("The customer did not pick up");
        assertThat(detail.get("priority").asInt()).isEqualTo(100);
    }

    @Test
    void searchPagesAndBadParameters() {
        String key = newOrganization();
        for (int i = 0; i < 51; i++) {
            group(key, String.format("Group %02d", i));
        }
        group(key, "Call Back");

        assertThat(names(get("/api/v1/dispositions/groups/list?search=BACK", key)))
                .isEqualTo("Call Back");
        Response second = get("/api/v1/dispositions/groups/list?page=2&search=group", key);
        assertThat(second.body().at("/data").size()).isEqualTo(1);
        assertThat(second.body().get("pagination"))
                .isEqualTo(JSON.readTree("{\"page\":2,\"limit\":50,\"total\":51,\"totalPages\":2}"));
        assertValidation(get("/api/v1/dispositions/groups/list?expand=yes", key), "expand must be true or false");
        assertValidation(
                get("/api/v1/dispositions/groups/list?page=0", key), "page must be an integer from 1 to 1000000");
        assertThat(get("/api/v1/dispositions/groups/list", newOrganization())
                        .body()
                        .at("/data")
                        .size())
                .isZero();
    }
}
