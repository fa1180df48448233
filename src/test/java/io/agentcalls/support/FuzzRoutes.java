package io.agentcalls.support;

import io.agentcalls.support.FuzzRoute.Kind;
import java.util.List;
import java.util.Map;

/**
 * The write endpoints of the API with a valid body each and the wrong values each must refuse.
 * {@code ownIds} fill the valid bodies; {@code foreignIds} are another organization's, which the
 * wrong values may carry (an agent of another organization is no agent).
 */
public final class FuzzRoutes {

    private final Map<String, String> ownIds;
    private final Map<String, String> foreignIds;

    private FuzzRoutes(Map<String, String> ownIds, Map<String, String> foreignIds) {
        this.ownIds = ownIds;
        this.foreignIds = foreignIds;
    }

    public static List<FuzzRoute> all(Map<String, String> ownIds, Map<String, String> foreignIds) {
        List<FuzzRoute> routes = new java.util.ArrayList<>(new FuzzRoutes(ownIds, foreignIds).routes());
        routes.addAll(TimepayFuzzRoutes.all(ownIds, foreignIds));
        return routes;
    }

    private List<FuzzRoute> routes() {
        String initiate = "{\"agentId\":\"" + ownIds.get("agentId") + "\",\"dispositionId\":\""
                + ownIds.get("groupId") + "\",\"limit\":5,\"dryRun\":true,\"filters\":{\"payment_status\":"
                + "[\"pending\"],\"emi_amount\":{\"min\":1,\"max\":99999},\"emi_due_date\":{\"from\":\"2025-01-01\"},"
                + "\"custom\":{\"branch\":\"mumbai\"}}}";
        String events = "{\"events\":[{\"callId\":\"" + ownIds.get("callId") + "\",\"status\":\"completed\","
                + "\"at\":\"2026-01-01T10:00:00+05:30\",\"durationSeconds\":30,"
                + "\"disposition\":{\"code\":\"PTP\",\"data\":{\"amount\":5000,\"note\":\"ok\"}}}]}";
        String customer = "{\"id\":\"FZ-1\",\"name\":\"Asha\",\"phone\":\"9812345678\",\"language\":\"hindi\","
                + "\"payment_status\":\"pending\",\"emi_amount\":4500.5,\"emi_due_date\":\"2026-01-05\","
                + "\"loan_amount\":100000,\"custom\":{\"branch\":\"pune\",\"score\":7,\"vip\":true}}";
        return List.of(
                FuzzRoute.json(
                                "POST",
                                "/admin/v1/organizations",
                                "{\"name\":\"Fuzz Org\"}",
                                wrong("/name", "1", "[]", "null"))
                        .kind(Kind.ADMIN_JSON),
                // console users (issue 14)
                FuzzRoute.json(
                                "POST",
                                "/admin/v1/organizations/{organizationId}/users",
                                "{\"email\":\"fuzz@lender.example\",\"password\":\"long-enough\",\"role\":\"viewer\"}",
                                Map.of(
                                        "/email", List.of("1", "[]", "null", "\"no-at-sign\""),
                                        "/password", List.of("1", "{}", "\"short\""),
                                        "/role", List.of("true", "\"owner\"", "null")))
                        .kind(Kind.ADMIN_JSON),
                FuzzRoute.json("POST", "/api/v1/api-keys", "{\"name\":\"fuzz\"}", wrong("/name", "1", "{}", "null")),
                FuzzRoute.idOnly("DELETE", "/api/v1/api-keys/{keyId}"),
                FuzzRoute.json("POST", "/api/v1/campaigns", campaign(), campaignWrongTypes()),
                FuzzRoute.json("PATCH", "/api/v1/campaigns/{campaignId}", campaign(), campaignWrongTypes()),
                FuzzRoute.idOnly("DELETE", "/api/v1/campaigns/{campaignId}"),
                FuzzRoute.json(
                                "POST",
                                "/api/v1/campaigns/{campaignId}/customers",
                                "{\"customers\":[" + customer + "," + customer.replace("FZ-1", "FZ-2") + "]}",
                                wrong("/customers", "\"x\"", "1", "{}", "null"))
                        .capped("/customers", 10_001),
                FuzzRoute.json(
                        "PATCH",
                        "/api/v1/campaigns/{campaignId}/customers/{customerId}",
                        "{\"name\":\"Ravi\",\"emi_amount\":100,\"custom\":{\"branch\":\"delhi\",\"old\":null}}",
                        Map.of(
                                "/name", List.of("1", "true"),
                                "/emi_amount", List.of("\"100\"", "true", "-5"),
                                "/id", List.of("\"NEW\""),
                                "/custom", List.of("null", "\"x\""))),
                FuzzRoute.idOnly("DELETE", "/api/v1/campaigns/{campaignId}/customers/{customerId}"),
                FuzzRoute.upload("/api/v1/campaigns/{campaignId}/customers/import", Kind.CSV),
                FuzzRoute.upload("/api/v1/campaigns/{campaignId}/customers/import", Kind.MULTIPART),
                FuzzRoute.json(
                                "POST",
                                "/api/v1/agents",
                                "{\"name\":\"A\",\"language\":\"hindi\",\"voice\":\"female-1\","
                                        + "\"prompt\":\"Hi {{name}}\",\"variables\":[\"name\"]}",
                                Map.of(
                                        "/name", List.of("1", "[]", "\" \""),
                                        "/prompt", List.of("true", "{}"),
                                        "/variables", List.of("\"x\"", "[1]")))
                        .capped("/variables", 101),
                FuzzRoute.json(
                        "PATCH",
                        "/api/v1/agents/{agentId}",
                        "{\"name\":\"B\",\"prompt\":\"Hello {{name}}\"}",
                        wrong("/name", "null", "1", "\"\"")),
                FuzzRoute.idOnly("DELETE", "/api/v1/agents/{agentId}"),
                FuzzRoute.json(
                        "POST",
                        "/api/v1/disposition-sets",
                        "{\"name\":\"D\",\"codes\":[{\"code\":\"PTP\",\"label\":\"Promise\",\"category\":\"positive\"}]}",
                        Map.of("/name", List.of("1", "[]"), "/codes", List.of("\"x\"", "1", "{}"))),
                FuzzRoute.json(
                        "PATCH",
                        "/api/v1/disposition-sets/{groupId}",
                        "{\"name\":\"D2\"}",
                        wrong("/name", "null", "1")),
                FuzzRoute.idOnly("DELETE", "/api/v1/disposition-sets/{groupId}"),
                FuzzRoute.json(
                        "POST",
                        "/api/v1/dispositions",
                        "{\"name\":\"Fuzz disposition\",\"description\":\"d\",\"priority\":5}",
                        Map.of(
                                "/name", List.of("1", "[]", "null", "\" \""),
                                "/description", List.of("1", "{}"),
                                "/priority", List.of("\"5\"", "1.5", "-1", "1001", "true"),
                                "/category", List.of("\"great\"", "1"),
                                "/code", List.of("\"lower\"", "7"))),
                FuzzRoute.json(
                        "PUT",
                        "/api/v1/dispositions/{dispositionId}",
                        "{\"priority\":7,\"description\":\"x\"}",
                        Map.of(
                                "/priority", List.of("null", "\"7\"", "1001"),
                                "/name", List.of("\"\"", "1"),
                                "/code", List.of("\"NEW_CODE\""))),
                FuzzRoute.idOnly("DELETE", "/api/v1/dispositions/{dispositionId}"),
                FuzzRoute.json(
                                "POST",
                                "/api/v1/dispositions/groups/create",
                                "{\"name\":\"Fuzz group\",\"dispositions\":[" + quoted(ownIds.get("dispositionId"))
                                        + "]}",
                                Map.of(
                                        "/name", List.of("1", "null", "\"\""),
                                        "/dispositions",
                                                List.of(
                                                        "\"x\"",
                                                        "1",
                                                        "[1]",
                                                        "[null]",
                                                        "[" + quoted(foreignIds.get("dispositionId")) + "]")))
                        .capped("/dispositions", 101),
                FuzzRoute.json(
                        "PUT",
                        "/api/v1/dispositions/groups/{groupId}",
                        "{\"description\":\"x\"}",
                        Map.of(
                                "/dispositions",
                                        List.of("null", "\"x\"", "[" + quoted(foreignIds.get("dispositionId")) + "]"),
                                "/name", List.of("\"\"", "null"))),
                FuzzRoute.idOnly("DELETE", "/api/v1/dispositions/groups/{groupId}"),
                FuzzRoute.json(
                                "POST",
                                "/api/v1/dispositions/groups/{groupId}/dispositions",
                                "{\"dispositions\":[" + quoted(ownIds.get("dispositionId")) + "]}",
                                Map.of(
                                        "/dispositions",
                                        List.of(
                                                "[]",
                                                "null",
                                                "\"x\"",
                                                "[" + quoted(foreignIds.get("dispositionId")) + "]")))
                        .capped("/dispositions", 101),
                FuzzRoute.json(
                                "DELETE",
                                "/api/v1/dispositions/groups/{groupId}/dispositions",
                                "{\"dispositions\":[" + quoted(ownIds.get("dispositionId")) + "]}",
                                Map.of(
                                        "/dispositions",
                                        List.of(
                                                "[]",
                                                "null",
                                                "\"x\"",
                                                "[" + quoted(foreignIds.get("dispositionId")) + "]")))
                        .capped("/dispositions", 101),
                FuzzRoute.json(
                        "POST",
                        "/api/v1/phone-numbers",
                        "{\"number\":\"+918045550199\",\"maxConcurrentCalls\":5,\"active\":true}",
                        Map.of(
                                "/number", List.of("1", "true", "[]"),
                                "/maxConcurrentCalls", List.of("\"5\"", "1.5", "0", "1001"),
                                "/active", List.of("\"yes\"", "1"))),
                FuzzRoute.json(
                        "PATCH",
                        "/api/v1/phone-numbers/{numberId}",
                        "{\"active\":false,\"maxConcurrentCalls\":3}",
                        Map.of(
                                "/active",
                                List.of("null", "\"no\""),
                                "/maxConcurrentCalls",
                                List.of("null", "\"3\"", "0"))),
                FuzzRoute.idOnly("DELETE", "/api/v1/phone-numbers/{numberId}"),
                FuzzRoute.json(
                                "POST",
                                "/api/v1/dnc",
                                "{\"phones\":[\"+919812300001\"]}",
                                wrong("/phones", "\"x\"", "1", "{}"))
                        .capped("/phones", 10_001),
                FuzzRoute.idOnly("DELETE", "/api/v1/dnc/{phone}"),
                FuzzRoute.json(
                                "POST",
                                "/api/v1/webhooks",
                                "{\"url\":\"http://127.0.0.1:9/other\",\"events\":[\"call.failed\"]}",
                                Map.of(
                                        "/url", List.of("1", "[]"),
                                        "/events", List.of("\"x\"", "1", "[]", "[\"Contacted\"]"),
                                        "/format", List.of("\"xml\"", "1", "\"TIMEPAY\""),
                                        "/secret", List.of("1", "\"a-secret-of-twenty-chars\"")))
                        .capped("/events", 51),
                FuzzRoute.json(
                        "PATCH",
                        "/api/v1/webhooks/{webhookId}",
                        "{\"events\":[\"call.failed\"],\"active\":false}",
                        Map.of("/events", List.of("\"x\"", "[]"), "/active", List.of("\"yes\"", "1"))),
                FuzzRoute.idOnly("DELETE", "/api/v1/webhooks/{webhookId}"),
                FuzzRoute.idOnly("POST", "/api/v1/webhooks/{webhookId}/rotate-secret"),
                FuzzRoute.idOnly("POST", "/api/v1/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver"),
                FuzzRoute.idOnly("POST", "/api/v1/calls/{callId}/cancel"),
                FuzzRoute.idOnly("POST", "/api/v1/initiations/{initiationId}/cancel"),
                FuzzRoute.json(
                                "POST",
                                "/api/v1/initiate/{campaignId}/calls",
                                initiate,
                                Map.of(
                                        "/agentId",
                                                List.of("1", "true", "\"\"", "null", quoted(foreignIds.get("agentId"))),
                                        "/dispositionId",
                                                List.of(
                                                        "[]",
                                                        quoted(foreignIds.get("groupId")),
                                                        quoted(ownIds.get("dispositionId"))),
                                        "/limit", List.of("\"5\"", "0", "-1", "1.5"),
                                        "/dryRun", List.of("\"true\"", "1"),
                                        "/filters", List.of("\"x\"", "[]", "1")))
                        .capped("/filters/ids", 10_001),
                FuzzRoute.json("POST", "/api/v1/initiate/{campaignId}/sms", "{\"templateId\":\"t1\"}", Map.of())
                        .kind(Kind.NOT_SERVED),
                FuzzRoute.json(
                                "POST",
                                "/api/v1/initiate/{campaignId}/whatsapp",
                                "{\"templateId\":\"t1\",\"conversationSettings\":{\"agentId\":\"a\",\"dispositionId\":\"d\"}}",
                                Map.of())
                        .kind(Kind.NOT_SERVED),
                FuzzRoute.json(
                                "POST",
                                "/api/v1/runner/events",
                                events,
                                Map.of(
                                        "/events", List.of("\"x\"", "{}", "1"),
                                        "/events/0/status", List.of("\"exploded\"", "1"),
                                        "/events/0/at", List.of("\"yesterday\"", "[]")))
                        .kind(Kind.RUNNER_JSON)
                        .capped("/events", 1_001));
    }

    private static String campaign() {
        return "{\"name\":\"Fuzz\",\"timezone\":\"Asia/Kolkata\",\"callingWindow\":{\"start\":\"09:00\",\"end\":\"18:00\"},"
                + "\"maxAttemptsPerDay\":3,\"maxAttemptsPerWeek\":7,"
                + "\"retry\":{\"on\":[\"no_answer\"],\"maxAttempts\":3,\"intervalMinutes\":60}}";
    }

    private static Map<String, List<String>> campaignWrongTypes() {
        return Map.of(
                "/name", List.of("1", "true", "[]", "\"\""),
                "/timezone", List.of("1", "\"Mars/Olympus\""),
                "/maxAttemptsPerDay", List.of("\"3\"", "1.5", "true"),
                "/callingWindow", List.of("\"9-5\"", "1"),
                "/retry", List.of("\"x\"", "{}"));
    }

    static Map<String, List<String>> wrong(String pointer, String... values) {
        return Map.of(pointer, List.of(values));
    }

    static String quoted(String text) {
        return "\"" + text + "\"";
    }
}
