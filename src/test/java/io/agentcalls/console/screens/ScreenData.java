package io.agentcalls.console.screens;

import io.agentcalls.call.CallFixtures;
import io.agentcalls.support.ApiTest;
import io.agentcalls.support.CallingSetup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Demo-like data for the screens of part B and their screenshots: a collections campaign with a
 * dozen borrowers, their calls in every kind of outcome over the last days, initiations that held
 * customers back, a do-not-call list and a webhook endpoint with deliveries. Built through the API
 * where it has a write, and with SQL for what only the service itself writes (calls, deliveries).
 */
final class ScreenData {

    static final String[] NAMES = {
        "Asha Rao",
        "Vikram Singh",
        "Priya Nair",
        "Rahul Mehta",
        "Sunita Devi",
        "Arjun Patel",
        "Kavya Iyer",
        "Imran Khan",
        "Meera Joshi",
        "Ravi Kumar",
        "Neha Gupta",
        "Suresh Reddy"
    };
    private static final String[] STATUSES = {
        "completed",
        "completed",
        "no_answer",
        "completed",
        "busy",
        "voicemail",
        "completed",
        "failed",
        "completed",
        "no_answer",
        "completed",
        "cancelled"
    };
    private static final String[] CODES = {"PTP", "RTP", "CALLBACK", "WRONG_NUMBER"};

    final CallingSetup setup;
    final String organizationId;
    final String webhookId;
    final List<String> callIds = new ArrayList<>();

    private ScreenData(CallingSetup setup, String organizationId, String webhookId) {
        this.setup = setup;
        this.organizationId = organizationId;
        this.webhookId = webhookId;
    }

    static ScreenData create(ApiTest api, JdbcClient jdbc, int port) {
        CallingSetup setup = CallingSetup.create(api);
        String org = CallFixtures.organizationOf(setup.key);
        List<Map<String, Object>> customers = new ArrayList<>();
        for (int i = 0; i < NAMES.length; i++) {
            Map<String, Object> customer = CallingSetup.customer(
                    String.format("LN%05d", 1001 + i),
                    List.of("bounced", "pending", "partial").get(i % 3),
                    List.of("hindi", "english", "tamil").get(i % 3));
            customer.put("name", NAMES[i]);
            customer.put("emi_amount", 2500 + 750 * i);
            customers.add(customer);
        }
        setup.upsert(customers);
        CallFixtures fixtures = new CallFixtures(jdbc);
        String set = fixtures.dispositionSet(org);
        String webhook = setup.created(
                "/api/v1/webhooks",
                Map.of(
                        "url",
                        "http://localhost:" + port + "/hooks/collections-crm",
                        "events",
                        List.of("call.completed")));
        ScreenData data = new ScreenData(setup, org, webhook);
        for (int i = 0; i < NAMES.length * 2; i++) {
            String status = STATUSES[i % STATUSES.length];
            String customerId = (String) customers.get(i % NAMES.length).get("id");
            String phone = (String) customers.get(i % NAMES.length).get("phone");
            String id = fixtures.call(org, setup.campaignId, set, status, customerId, null, null);
            jdbc.sql("""
                            UPDATE calls SET to_phone = :phone,
                                queued_at = now() - make_interval(hours => :hours),
                                duration_seconds = CASE WHEN status = 'completed' THEN 40 + :i * 7 END,
                                disposition_code = CASE WHEN status = 'completed' THEN :code END
                            WHERE organization_id = :org AND id = :id
                            """)
                    .param("phone", phone)
                    .param("hours", (NAMES.length * 2 - i) * 3)
                    .param("i", i)
                    .param("code", CODES[i % CODES.length])
                    .param("org", org)
                    .param("id", id)
                    .update();
            data.callIds.add(id);
        }
        for (int day = 0; day < 14; day++) {
            jdbc.sql("""
                            INSERT INTO initiations (organization_id, id, campaign_id, request, state, response_status,
                                                     response, created_at)
                            VALUES (:org, new_id('ini'), :campaign, '{}', 'completed', 200, :response,
                                    now() - make_interval(days => :day))
                            """)
                    .param("org", org)
                    .param("campaign", setup.campaignId)
                    .param("response", """
                            {"success":true,"results":{"skipped":{"activeCall":%d,"doNotCall":%d,"attemptLimit":%d,\
                            "outsideCallingWindow":%d}}}""".formatted(day % 4, 3 + day % 5, 2 * (day % 3), day % 7 == 0 ? 9 : 1))
                    .param("day", day)
                    .update();
        }
        jdbc.sql(
                        "INSERT INTO do_not_call (organization_id, phone) VALUES (:org, '+919812300001'), (:org, '+919812300002')")
                .param("org", org)
                .update();
        for (int i = 0; i < 6; i++) {
            jdbc.sql("""
                            INSERT INTO webhook_deliveries (organization_id, id, endpoint_id, event_type, payload, status,
                                                            attempts, last_response_code, last_attempt_at, created_at)
                            VALUES (:org, new_id('msg'), :endpoint, 'call.completed', '{}', :status, :attempts, :code,
                                    now() - make_interval(mins => :minutes), now() - make_interval(mins => :minutes))
                            """)
                    .param("org", org)
                    .param("endpoint", webhook)
                    .param("status", i == 0 ? "exhausted" : "delivered")
                    .param("attempts", i == 0 ? 8 : 1)
                    .param("code", i == 0 ? 503 : 200)
                    .param("minutes", 5 + i * 40)
                    .update();
        }
        return data;
    }
}
