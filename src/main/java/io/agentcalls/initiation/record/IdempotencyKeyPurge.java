package io.agentcalls.initiation.record;

import io.agentcalls.common.Purge;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Releases Idempotency-Keys 24 h old (the contract's window), oldest first: the key may name a new
 * request again and the unique index stays the size of a day's keyed requests. The initiation record
 * itself stays (it is the audit of who initiated what). A request still running keeps its key.
 */
@Component
class IdempotencyKeyPurge implements Purge {

    private static final String RELEASE_OLD_KEYS = """
            UPDATE initiations i SET idempotency_key = NULL
            FROM (SELECT organization_id, id FROM initiations
                  WHERE idempotency_key IS NOT NULL AND state = 'completed'
                    AND created_at < now() - interval '24 hours'
                  ORDER BY created_at
                  LIMIT :limit
                  FOR UPDATE SKIP LOCKED) old
            WHERE i.organization_id = old.organization_id AND i.id = old.id
            """;

    private final JdbcClient jdbc;

    IdempotencyKeyPurge(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "idempotency_keys";
    }

    @Override
    public int purgeBatch(int limit) {
        return jdbc.sql(RELEASE_OLD_KEYS).param("limit", limit).update();
    }
}
