package io.agentcalls.initiation;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcalls.call.CallFixtures;
import io.agentcalls.support.ApiTest;
import io.agentcalls.support.CallingSetup;
import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Fairness of dispatch between organizations (issue 11): an organization with
 * {@code agentcalls.initiation.max-running-per-organization} (16) requests being answered by live
 * nodes gets 429 with Retry-After for one more, and nothing is written; another organization, a
 * repeated Idempotency-Key, and the same organization once a request is over (or its node died)
 * are served.
 */
class RunningInitiationsCapApiTest extends ApiTest {

    private static final int CAP = 16;

    @Test
    void oneRequestOverTheCapOfOneOrganizationWaitsWhileOthersAreServed() {
        CallingSetup busy = CallingSetup.create(this);
        busy.upsert(busy.customers("B", 3));
        CallingSetup other = CallingSetup.create(this);
        other.upsert(other.customers("O", 3));
        String org = CallFixtures.organizationOf(busy.key);

        Response earlier = initiate(busy, "earlier-request", 1);
        assertThat(earlier.status()).as(earlier.raw()).isEqualTo(200);
        for (int i = 0; i < CAP; i++) {
            runningRequest(org, busy.campaignId, "now() + interval '1 minute'");
        }
        long initiations = count("SELECT count(*) FROM initiations WHERE organization_id = :org", org);
        long calls = count("SELECT count(*) FROM calls WHERE organization_id = :org", org);

        Response refused = initiate(busy, null, 1);
        assertThat(refused.status()).as(refused.raw()).isEqualTo(429);
        assertThat(refused.http().headers().firstValue("Retry-After")).hasValue("2");
        assertThat(refused.body().at("/success").asBoolean()).isFalse();
        assertThat(refused.body().at("/errors/0").asString()).contains(CAP + " initiations being dispatched already");
        assertThat(initiate(busy, "a-new-key", 1).status()).isEqualTo(429);
        assertThat(count("SELECT count(*) FROM initiations WHERE organization_id = :org", org))
                .as("nothing recorded")
                .isEqualTo(initiations);
        assertThat(count("SELECT count(*) FROM calls WHERE organization_id = :org", org))
                .as("nothing called")
                .isEqualTo(calls);

        Response replay = initiate(busy, "earlier-request", 1);
        assertThat(replay.status())
                .as("a repeated key replays its answer, busy or not")
                .isEqualTo(200);
        assertThat(replay.raw()).isEqualTo(earlier.raw());

        assertThat(initiate(other, null, 1).status())
                .as("another organization is not held back")
                .isEqualTo(200);

        // one of them was answered by a node that died: recovery's, not counted
        jdbc.sql("""
                        UPDATE initiations SET answer_until = now() - interval '1 second'
                        WHERE id = (SELECT id FROM initiations WHERE organization_id = :org AND answer_until > now()
                                    ORDER BY id LIMIT 1)
                        """).param("org", org).update();
        Response admitted = initiate(busy, null, 1);
        assertThat(admitted.status()).as(admitted.raw()).isEqualTo(200);
    }

    private Response initiate(CallingSetup setup, String idempotencyKey, int limit) {
        HttpRequest.Builder request = request("/api/v1/initiate/" + setup.campaignId + "/calls")
                .header("Authorization", "Bearer " + setup.key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                        Map.of("agentId", setup.agentId, "dispositionId", setup.dispositionId, "limit", limit))));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request.build());
    }

    /** A request another node is answering: recorded, leased until {@code until}. */
    private void runningRequest(String org, String campaign, String until) {
        jdbc.sql("""
                        INSERT INTO initiations (organization_id, id, campaign_id, api_key_id, request, answer_by,
                                                 answer_until)
                        VALUES (:org, new_id('ini'), :campaign,
                                (SELECT id FROM api_keys WHERE organization_id = :org LIMIT 1), '{}',
                                'another-node', %s)
                        """.formatted(until))
                .param("org", org)
                .param("campaign", campaign)
                .update();
    }

    private long count(String sql, String org) {
        return jdbc.sql(sql).param("org", org).query(Long.class).single();
    }
}
