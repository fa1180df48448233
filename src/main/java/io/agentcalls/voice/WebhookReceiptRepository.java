package io.agentcalls.voice;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** provider_webhook_receipts: the provider messages already applied, by their replay key. */
@Repository
class WebhookReceiptRepository {

    // the unique key decides: a second insert of the same message waits for the first and then conflicts
    private static final String RECORD = """
            INSERT INTO provider_webhook_receipts (organization_id, connection_id, replay_key)
            VALUES (:organizationId, :connectionId, :replayKey)
            ON CONFLICT DO NOTHING
            """;

    private final JdbcClient jdbc;

    WebhookReceiptRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False when the message was received before: a replay. */
    boolean recordFirst(String organizationId, String connectionId, String replayKey) {
        return jdbc.sql(RECORD)
                        .param("organizationId", organizationId)
                        .param("connectionId", connectionId)
                        .param("replayKey", replayKey)
                        .update()
                == 1;
    }
}
