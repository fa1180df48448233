package io.agentcalls.initiation;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcalls.call.CallFixtures;
import io.agentcalls.support.ApiTest;
import io.agentcalls.support.CallingSetup;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A selection whose insert takes longer than a lease (a million customers take a minute or two
 * against a 30 s lease): the calls are leased from the moment they are written, not from the
 * transaction's start, so the node that wrote them still holds them when it dispatches them, and
 * the answer counts every call. Found by the 1,000,000-customer bench, which answered 207 with
 * 361,500 of 1,000,000 initiated and the rest taken over by recovery from the live node.
 */
@TestPropertySource(properties = {"agentcalls.leases.heartbeat=1s", "agentcalls.leases.expiry=2s"})
class SelectionLongerThanLeaseApiTest extends ApiTest {

    private static final int CUSTOMERS = 30;

    @Test
    void theCallsOfASlowSelectionAreStillTheNodesWhenItDispatchesThem() {
        CallingSetup lender = CallingSetup.create(this);
        lender.upsert(lender.customers("S", CUSTOMERS));
        String org = CallFixtures.organizationOf(lender.key);
        // 0.1 s per call written for this organization: the insert outlasts the 2 s lease
        jdbc.sql("""
                        CREATE FUNCTION slow_call_insert() RETURNS trigger LANGUAGE plpgsql AS $$
                        BEGIN
                            IF NEW.organization_id = '%s' THEN PERFORM pg_sleep(0.1); END IF;
                            RETURN NEW;
                        END $$
                        """.formatted(org)).update();
        jdbc.sql(
                        "CREATE TRIGGER slow_call_insert BEFORE INSERT ON calls FOR EACH ROW EXECUTE FUNCTION slow_call_insert()")
                .update();
        Response answer;
        try {
            answer = post(
                    "/api/v1/initiate/" + lender.campaignId + "/calls",
                    lender.key,
                    JSON.writeValueAsString(Map.of("agentId", lender.agentId, "dispositionId", lender.dispositionId)));
        } finally {
            jdbc.sql("DROP TRIGGER slow_call_insert ON calls").update();
            jdbc.sql("DROP FUNCTION slow_call_insert()").update();
        }

        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        assertThat(answer.body().at("/results/initiated").asInt()).isEqualTo(CUSTOMERS);
        assertThat(jdbc.sql("SELECT count(*) FROM calls WHERE organization_id = :org AND status = 'initiated'")
                        .param("org", org)
                        .query(Long.class)
                        .single())
                .isEqualTo(CUSTOMERS);
        assertThat(jdbc.sql("SELECT dispatch_by IS NULL FROM initiations WHERE organization_id = :org")
                        .param("org", org)
                        .query(Boolean.class)
                        .single())
                .as("dispatched to the end by its own node, and released")
                .isTrue();
    }
}
