package io.agentcalls.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.agentcalls.support.ApiTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * With every pooled connection borrowed, requests answer 503 with Retry-After in the envelope — from
 * a controller (admin API) and from authentication (the API key lookup) — and work again once the
 * connections are back. The pool's wait is shortened for the test and restored after it.
 */
class DatabaseUnavailableApiTest extends ApiTest {

    @Autowired
    DataSource dataSource;

    @Test
    void aPoolThatCannotLendAConnectionInTimeAnswers503WithRetryAfter() throws SQLException {
        String key = newOrganization();
        String campaign = post("/api/v1/campaigns", key, "{\"name\":\"Busy\"}")
                .body()
                .at("/data/id")
                .asString();
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        long configuredWait = pool.getHikariConfigMXBean().getConnectionTimeout();
        assertThat(configuredWait).as("the documented default").isEqualTo(5000);
        List<Connection> borrowed = new ArrayList<>();
        try {
            pool.getHikariConfigMXBean().setConnectionTimeout(300);
            borrowAll(pool, borrowed);

            Response viaAuthentication = get("/api/v1/campaigns/" + campaign, key);
            Response viaController = post("/admin/v1/organizations", ADMIN_TOKEN, "{\"name\":\"Never\"}");

            for (Response response : List.of(viaAuthentication, viaController)) {
                assertThat(response.status()).as(response.raw()).isEqualTo(503);
                assertThat(response.http().headers().firstValue("Retry-After")).hasValue("5");
                assertThat(response.body().at("/success").asBoolean()).isFalse();
                assertThat(response.body().at("/error").asString()).isEqualTo("ServiceUnavailable");
                assertThat(response.body().at("/message").asString()).isEqualTo(DatabaseUnavailable.MESSAGE);
            }
        } finally {
            for (Connection connection : borrowed) {
                connection.close();
            }
            pool.getHikariConfigMXBean().setConnectionTimeout(configuredWait);
        }
        assertThat(get("/api/v1/campaigns/" + campaign, key).status()).isEqualTo(200);
    }

    /** Every connection of the pool, waiting for those that background jobs hold for a moment. */
    private static void borrowAll(HikariDataSource pool, List<Connection> borrowed) throws SQLException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (borrowed.size() < pool.getMaximumPoolSize()) {
            try {
                borrowed.add(pool.getConnection());
            } catch (SQLTransientConnectionException busy) {
                if (System.nanoTime() > deadline) {
                    throw busy;
                }
            }
        }
    }
}
