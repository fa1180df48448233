package io.agentcalls.initiation.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcalls.common.PurgeJob;
import io.agentcalls.support.ApiTest;
import io.agentcalls.support.CallingSetup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 11, item 6 (docs/decisions/0016): an initiation's request body is kept whole for the
 * Idempotency-Key's 24 h; then the purge replaces its filters' values (customer data) and keeps the
 * rest. A recent request and one still running are left whole.
 */
class RequestRetentionTest extends ApiTest {

    private static final String REQUEST = """
            {"campaignId":"%s","body":{"agentId":"agt_1","dispositionId":"dsp_1","limit":5,
             "filters":{"phone":["+919800000001"],"payment_status":["bounced"]}}}""";

    @Autowired
    PurgeJob purge;

    @Test
    void oldRequestsKeepTheirShapeButLoseTheirFilterValues() {
        CallingSetup setup = CallingSetup.create(this);
        String org = jdbc.sql("SELECT organization_id FROM campaigns WHERE id = :c")
                .param("c", setup.campaignId)
                .query(String.class)
                .single();
        initiation(org, setup.campaignId, "ini_trim_old", "25 hours", "completed");
        initiation(org, setup.campaignId, "ini_trim_recent", "23 hours", "completed");
        initiation(org, setup.campaignId, "ini_trim_running", "25 hours", "running");

        purge.run();

        assertThat(JSON.readTree(storedRequest("ini_trim_old")))
                .isEqualTo(JSON.readTree("{\"agentId\":\"agt_1\",\"dispositionId\":\"dsp_1\",\"limit\":5,"
                        + "\"filters\":{\"phone\":\"removed after 24 h\",\"payment_status\":\"removed after 24 h\"}}"));
        assertThat(storedRequest("ini_trim_recent")).contains("+919800000001");
        assertThat(storedRequest("ini_trim_running")).contains("+919800000001");
        assertThat(jdbc.sql("SELECT id FROM initiations WHERE organization_id = :o AND request_trimmed_at IS NOT NULL")
                        .param("o", org)
                        .query(String.class)
                        .list())
                .containsExactly("ini_trim_old");
        jdbc.sql("UPDATE initiations SET state = 'completed' WHERE id = 'ini_trim_running'")
                .update();
    }

    private String storedRequest(String id) {
        return jdbc.sql("SELECT CAST(request -> 'body' AS text) FROM initiations WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    private void initiation(String org, String campaignId, String id, String age, String state) {
        jdbc.sql("INSERT INTO initiations (organization_id, id, campaign_id, request, state, created_at)"
                        + " VALUES (:o, :id, :c, CAST(:request AS jsonb), :state, now() - CAST(:age AS interval))")
                .param("o", org)
                .param("id", id)
                .param("c", campaignId)
                .param("request", REQUEST.formatted(campaignId))
                .param("state", state)
                .param("age", age)
                .update();
    }
}
