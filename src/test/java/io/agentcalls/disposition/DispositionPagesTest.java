package io.agentcalls.disposition;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcalls.support.ApiTest;
import java.util.Arrays;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * What the tests of the documented dispositions pages share: the catalogue's examples as fixtures
 * ("Pay in Coming Days/Weeks" priority 0, "No Answer" 100, "Busy" 110, the group "Call Back") and
 * requests by their documented method and path.
 */
abstract class DispositionPagesTest extends ApiTest {

    static final String PAY_LATER = """
            {"name":"Pay in Coming Days/Weeks","description":"Customer agrees to pay in the coming days or weeks",
             "priority":0}""";
    static final String NO_ANSWER = """
            {"name":"No Answer","description":"The customer did not pick up","priority":100}""";
    static final String BUSY = """
            {"name":"Busy","description":"The line was busy","priority":110}""";
    static final String CALL_BACK_DESCRIPTION = "Call customer again if given dispositions are found";

    /** A disposition made through {@code POST /api/v1/dispositions}; its id. */
    String disposition(String key, String body) {
        Response created = post("/api/v1/dispositions", key, body);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.body().at("/data/id").asString();
    }

    String disposition(String key, String name, int priority) {
        return disposition(key, json("name", name, "priority", priority));
    }

    /** A group made through {@code POST /api/v1/dispositions/groups/create}; its id. */
    String group(String key, String name, String... dispositionIds) {
        Response created = post(
                "/api/v1/dispositions/groups/create",
                key,
                json("name", name, "description", CALL_BACK_DESCRIPTION, "dispositions", List.of(dispositionIds)));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.body().at("/data/id").asString();
    }

    Response put(String path, String key, String body) {
        return send("PUT", path, key, "application/json", body);
    }

    Response deleteWithBody(String path, String key, String body) {
        return send("DELETE", path, key, "application/json", body);
    }

    static void assertValidation(Response response, String... errors) {
        assertThat(response.status()).as(response.raw()).isEqualTo(400);
        assertThat(response.body().at("/success").asBoolean()).isFalse();
        assertThat(response.body().at("/message").asString()).isEqualTo("Validation failed");
        assertThat(response.body().at("/errors").valueStream().map(JsonNode::asString))
                .containsExactlyElementsOf(Arrays.asList(errors));
    }

    /** A refusal in the documented shape: {@code success:false} and this message, never a 5xx. */
    static void assertRefused(Response response, int status, String message) {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.body().at("/success").asBoolean()).isFalse();
        assertThat(response.body().at("/message").asString()).isEqualTo(message);
    }

    /** Any 400 in the envelope, for inputs whose exact wording is the JSON reader's. */
    static void assertBadRequest(Response response) {
        assertThat(response.status()).as(response.raw()).isEqualTo(400);
        assertThat(response.body().at("/success").asBoolean()).isFalse();
        assertThat(response.body().at("/message").asString()).isNotEmpty();
    }

    String names(Response list) {
        return String.join(
                ",",
                list.body()
                        .at("/data")
                        .valueStream()
                        .map(d -> d.get("name").asString())
                        .toList());
    }
}
