package io.agentcalls.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * An organization ready to call, built through the public API as an integrator would: a campaign
 * that may call all day, an agent, a disposition set, an active caller number, and customers.
 */
public final class CallingSetup {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    /** Unique valid Indian mobile numbers across the whole test run, so no test shares a phone. */
    private static final AtomicLong NEXT_PHONE =
            new AtomicLong(9_000_000_000L + (System.nanoTime() % 1_000_000L) * 1000);

    private final ApiTest api;
    public final String key;
    public String campaignId;
    public String agentId;
    public String dispositionId;
    public String numberId;

    private CallingSetup(ApiTest api, String key) {
        this.api = api;
        this.key = key;
    }

    /** A new organization with everything needed to initiate calls, and no customers yet. */
    public static CallingSetup create(ApiTest api) {
        CallingSetup setup = new CallingSetup(api, api.newOrganization());
        setup.campaignId = setup.created(
                "/api/v1/campaigns",
                Map.of(
                        "name",
                        "Nov EMI",
                        "timezone",
                        "Asia/Kolkata",
                        "callingWindow",
                        Map.of("start", "00:00", "end", "24:00")));
        setup.agentId = setup.created(
                "/api/v1/agents",
                Map.of(
                        "name",
                        "EMI reminder",
                        "language",
                        "hindi",
                        "voice",
                        "female-1",
                        "prompt",
                        "Namaste {{name}}, your EMI of {{emi_amount}} is due."));
        setup.dispositionId = setup.created(
                "/api/v1/disposition-sets",
                Map.of(
                        "name",
                        "Collections v1",
                        "codes",
                        List.of(
                                Map.of("code", "PTP", "label", "Promise to pay", "category", "positive"),
                                Map.of("code", "RTP", "label", "Refused to pay", "category", "negative"))));
        setup.numberId =
                setup.created("/api/v1/phone-numbers", Map.of("number", "+918045550100", "maxConcurrentCalls", 50));
        return setup;
    }

    public static String nextPhone() {
        return "+91" + NEXT_PHONE.incrementAndGet();
    }

    public String created(String path, Map<String, ?> body) {
        ApiTest.Response response = api.post(path, key, JSON.writeValueAsString(body));
        if (response.status() != 201) {
            throw new IllegalStateException(path + " answered " + response.status() + ": " + response.raw());
        }
        return response.body().at("/data/id").asString();
    }

    /** A customer with every standard field set; change entries before upserting. */
    public static Map<String, Object> customer(String id, String paymentStatus, String language) {
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("id", id);
        customer.put("name", "Customer " + id);
        customer.put("phone", nextPhone());
        customer.put("language", language);
        customer.put("payment_status", paymentStatus);
        customer.put("emi_amount", 5000);
        customer.put("emi_due_date", "2025-08-15");
        customer.put("loan_amount", 100000);
        return customer;
    }

    public void upsert(List<Map<String, Object>> customers) {
        for (int from = 0; from < customers.size(); from += 10_000) {
            List<Map<String, Object>> chunk = customers.subList(from, Math.min(customers.size(), from + 10_000));
            ApiTest.Response response = api.post(
                    "/api/v1/campaigns/" + campaignId + "/customers",
                    key,
                    JSON.writeValueAsString(Map.of("customers", chunk)));
            if (response.status() != 200 || response.body().at("/data/rejected").asInt() != 0) {
                throw new IllegalStateException(
                        "customer upsert answered " + response.status() + ": " + response.raw());
            }
        }
    }

    /** n plain pending Hindi customers named {@code prefix-0001…}. */
    public List<Map<String, Object>> customers(String prefix, int n) {
        List<Map<String, Object>> customers = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            customers.add(customer(String.format("%s-%05d", prefix, i), "pending", "hindi"));
        }
        return customers;
    }

    public ApiTest.Response initiate(Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("agentId", agentId);
        body.put("dispositionId", dispositionId);
        body.putAll(extra);
        return api.post("/api/v1/initiate/" + campaignId + "/calls", key, JSON.writeValueAsString(body));
    }

    /** The campaign's call rows. */
    public CampaignCalls calls() {
        return new CampaignCalls(api.jdbc, campaignId);
    }

    public ApiTest.Response initiate() {
        return initiate(Map.of());
    }
}
