package io.agentcalls.secrets;

import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The encryption_keys table: the keys that may still have values in this database, each with its
 * check value. Global rather than per organization: one key encrypts every organization's secrets.
 */
@Repository
class KeyRegistry {

    private static final String IN_USE = """
            SELECT key_id, check_value FROM encryption_keys
            """;
    private static final String REGISTER = """
            INSERT INTO encryption_keys (key_id, check_value) VALUES (:keyId, :checkValue)
            ON CONFLICT (key_id) DO NOTHING
            """;
    private static final String RETIRE_ALL_BUT = """
            DELETE FROM encryption_keys WHERE key_id <> :keyId
            """;

    private final JdbcClient jdbc;

    KeyRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Key id to check value. */
    Map<String, String> inUse() {
        return jdbc
                .sql(IN_USE)
                .query((rs, n) -> Map.entry(rs.getString("key_id"), rs.getString("check_value")))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    void register(EncryptionKey key) {
        jdbc.sql(REGISTER)
                .param("keyId", key.id())
                .param("checkValue", key.checkValue())
                .update();
    }

    /** Once every stored value is under {@code key}, the others need not be kept any longer. */
    int retireAllBut(EncryptionKey key) {
        return jdbc.sql(RETIRE_ALL_BUT).param("keyId", key.id()).update();
    }
}
