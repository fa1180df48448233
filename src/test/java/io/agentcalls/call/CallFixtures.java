package io.agentcalls.call;

import io.agentcalls.common.Ids;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rows the call lifecycle needs, written with plain SQL (campaigns, customers, dispositions and
 * numbers belong to other features). Phone numbers and customer ids are unique per fixture call,
 * so active calls never collide on the one-active-call indexes.
 */
public final class CallFixtures {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000L);

    private final JdbcClient jdbc;

    public CallFixtures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The organization of an API key ({@code ak_<org hex>_<secret>}). */
    public static String organizationOf(String apiKey) {
        return "org_" + apiKey.substring(3, 35);
    }

    /** A new organization, for tests that run without the admin API. */
    public String organization() {
        String id = Ids.newId("org");
        jdbc.sql("INSERT INTO organizations (id, name) VALUES (:id, 'Test Org')")
                .param("id", id)
                .update();
        return id;
    }

    public String campaign(String organizationId) {
        String id = Ids.newId("cmp");
        jdbc.sql("INSERT INTO campaigns (organization_id, id, name) VALUES (:org, :id, 'Nov EMI')")
                .param("org", organizationId)
                .param("id", id)
                .update();
        return id;
    }

    /** Opens the campaign's calling window all day, so a test's dial pass finds it open at any hour. */
    public void callingAllDay(String organizationId, String campaignId) {
        jdbc.sql("""
                        UPDATE campaigns SET calling_window_start = '00:00', calling_window_end = '24:00'
                        WHERE organization_id = :org AND id = :id
                        """).param("org", organizationId).param("id", campaignId).update();
    }

    public void customer(
            String organizationId, String campaignId, String customerId, String paymentStatus, BigDecimal emiAmount) {
        jdbc.sql("""
                        INSERT INTO customers (organization_id, campaign_id, id, name, phone, payment_status, emi_amount)
                        VALUES (:org, :campaign, :id, 'Asha', :phone, :status, :emi)
                        """)
                .param("org", organizationId)
                .param("campaign", campaignId)
                .param("id", customerId)
                .param("phone", nextPhone())
                .param("status", paymentStatus)
                .param("emi", emiAmount)
                .update();
    }

    /** A set with PTP (positive), RTP (negative), CALLBACK (callback) and WRONG_NUMBER (negative). */
    public String dispositionSet(String organizationId) {
        String id = Ids.newId("dsp");
        jdbc.sql("INSERT INTO disposition_sets (organization_id, id, name) VALUES (:org, :id, 'Collections ' || :id)")
                .param("org", organizationId)
                .param("id", id)
                .update();
        jdbc.sql("""
                        INSERT INTO dispositions (organization_id, id, name, code, category)
                        SELECT :org, new_id('dis'), v.label, v.code, v.category
                        FROM (VALUES ('PTP', 'Promise to pay', 'positive'), ('RTP', 'Refused to pay', 'negative'),
                                     ('CALLBACK', 'Call back later', 'callback'),
                                     ('WRONG_NUMBER', 'Wrong number', 'negative')) AS v(code, label, category)
                        ON CONFLICT DO NOTHING
                        """).param("org", organizationId).update();
        jdbc.sql("""
                        INSERT INTO disposition_codes (organization_id, disposition_set_id, code, label, category, position,
                                                       disposition_id)
                        SELECT :org, :set, d.code, d.name, d.category, v.position, d.id
                        FROM (VALUES ('PTP', 'Promise to pay', 1), ('RTP', 'Refused to pay', 2),
                                     ('CALLBACK', 'Call back later', 3), ('WRONG_NUMBER', 'Wrong number', 4))
                             AS v(code, label, position)
                        JOIN dispositions d ON d.organization_id = :org AND d.code = v.code AND d.name = v.label
                            AND d.deleted_at IS NULL
                        """).param("org", organizationId).param("set", id).update();
        return id;
    }

    public void phoneNumber(String organizationId, String number, int maxConcurrentCalls) {
        jdbc.sql("""
                        INSERT INTO phone_numbers (organization_id, id, number, max_concurrent_calls)
                        VALUES (:org, :id, :number, :max)
                        """)
                .param("org", organizationId)
                .param("id", Ids.newId("num"))
                .param("number", number)
                .param("max", maxConcurrentCalls)
                .update();
    }

    public String initiation(String organizationId, String campaignId) {
        String id = Ids.newId("ini");
        jdbc.sql(
                        "INSERT INTO initiations (organization_id, id, campaign_id, request) VALUES (:org, :id, :campaign, '{}')")
                .param("org", organizationId)
                .param("id", id)
                .param("campaign", campaignId)
                .update();
        return id;
    }

    /** A call with a customer id and phone of its own. */
    public String call(String organizationId, String campaignId, String setId, String status) {
        return call(organizationId, campaignId, setId, status, "C-" + SEQUENCE.incrementAndGet(), null, null);
    }

    public String call(
            String organizationId,
            String campaignId,
            String setId,
            String status,
            String customerId,
            String initiationId,
            String fromNumber) {
        String id = Ids.newId("call");
        jdbc.sql("""
                        INSERT INTO calls (organization_id, id, campaign_id, customer_id, initiation_id, batch, agent_id,
                                           disposition_set_id, from_number, to_phone, status, ended_at)
                        VALUES (:org, :id, :campaign, :customer, :initiation, 1, 'agt_test', :set, :from, :to, :status,
                                CASE WHEN :status IN ('queued', 'initiated', 'ringing', 'in_progress') THEN NULL
                                     ELSE now() END)
                        """)
                .param("org", organizationId)
                .param("id", id)
                .param("campaign", campaignId)
                .param("customer", customerId)
                .param("initiation", initiationId)
                .param("set", setId)
                .param("from", fromNumber == null ? "+918045550100" : fromNumber)
                .param("to", nextPhone())
                .param("status", status)
                .update();
        return id;
    }

    public String status(String callId) {
        return jdbc.sql("SELECT status FROM calls WHERE id = :id")
                .param("id", callId)
                .query(String.class)
                .single();
    }

    /** The call's last change was at {@code updatedAt}; it was queued and created no later. */
    public void backdate(String callId, OffsetDateTime updatedAt) {
        jdbc.sql(
                        "UPDATE calls SET updated_at = :at, queued_at = least(queued_at, :at), created_at = least(created_at, :at)"
                                + " WHERE id = :id")
                .param("at", updatedAt)
                .param("id", callId)
                .update();
    }

    private static String nextPhone() {
        return "+9198" + String.format("%08d", SEQUENCE.incrementAndGet() % 100_000_000L);
    }
}
