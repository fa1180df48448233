package io.agentcalls.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Get WhatsApp Details: {@code GET /api/v1/communication/whatsapp/{message_id}}, not served yet. */
class TimepayWhatsappDetailsTest extends NotServedPagesTest {

    @Test
    void is501SayingWhyWhateverTheId() {
        String key = newOrganization();

        for (String id : new String[] {"wamid.HBgMOTE5ODc2NTQzMjEwFQIAERgSQUI", "x", "m".repeat(2000)}) {
            assertNotServed(get("/api/v1/communication/whatsapp/" + id, key));
        }
        assertThat(get("/api/v1/communication/whatsapp/x", null).status()).isEqualTo(401);
    }
}
