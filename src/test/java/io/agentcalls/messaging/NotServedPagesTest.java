package io.agentcalls.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcalls.support.ApiTest;

/** The documented SMS and WhatsApp pages: a 501 in the envelope that says why, never a 500. */
abstract class NotServedPagesTest extends ApiTest {

    static void assertNotServed(Response response) {
        assertThat(response.status()).as(response.raw()).isEqualTo(501);
        assertThat(response.body().at("/success").asBoolean()).isFalse();
        assertThat(response.body().at("/error").asString()).isEqualTo("NotImplemented");
        assertThat(response.body().at("/message").asString())
                .isEqualTo(MessagingNotServedController.MESSAGE)
                .contains("need messaging providers");
    }

    static void assertBadRequest(Response response) {
        assertThat(response.status()).as(response.raw()).isIn(400, 415);
        assertThat(response.body().at("/success").asBoolean()).isFalse();
        assertThat(response.body().at("/message").asString()).isNotEmpty();
    }
}
