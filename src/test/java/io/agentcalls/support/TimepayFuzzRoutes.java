package io.agentcalls.support;

import static io.agentcalls.support.FuzzRoutes.quoted;

import java.util.List;
import java.util.Map;

/**
 * The write endpoints of the TimePay Agents API's campaign and customer-data pages (catalogue §2 and
 * §3), with a valid body each and the wrong values each must refuse; {@link FuzzRoutes} lists them
 * with the others.
 */
final class TimepayFuzzRoutes {

    private final Map<String, String> ownIds;
    private final Map<String, String> foreignIds;

    private TimepayFuzzRoutes(Map<String, String> ownIds, Map<String, String> foreignIds) {
        this.ownIds = ownIds;
        this.foreignIds = foreignIds;
    }

    static List<FuzzRoute> all(Map<String, String> ownIds, Map<String, String> foreignIds) {
        return new TimepayFuzzRoutes(ownIds, foreignIds).routes();
    }

    private List<FuzzRoute> routes() {
        return List.of(
                FuzzRoute.json("POST", "/api/v1/campaigns/create", documentedCampaign(), documentedCampaignWrongTypes())
                        .capped("/jsonData", 10_001),
                FuzzRoute.json(
                        "PUT",
                        "/api/v1/campaigns/update/{campaignId}",
                        documentedCampaign(),
                        documentedCampaignWrongTypes()),
                FuzzRoute.idOnly("PATCH", "/api/v1/campaigns/pause/{campaignId}"),
                FuzzRoute.json(
                        "POST",
                        "/api/v1/customers/add",
                        "{\"campaignId\":\"" + ownIds.get("campaignId") + "\",\"data\":" + documentedCustomer("FZ-10")
                                + "}",
                        Map.of(
                                "/campaignId", List.of("1", "[]", "null", quoted(foreignIds.get("campaignId"))),
                                "/data", List.of("\"x\"", "[]", "null"),
                                "/data/phone_number", List.of("1", "\"12\"", "[]"),
                                "/data/loan_period", List.of("\"24\"", "-1", "2.5"),
                                "/initiateCall", List.of("\"yes\"", "1", "true"))),
                FuzzRoute.json(
                                "POST",
                                "/api/v1/customers/add/bulk",
                                "{\"campaignId\":\"" + ownIds.get("campaignId") + "\",\"records\":["
                                        + documentedCustomer("FZ-11") + "," + documentedCustomer("FZ-12") + "]}",
                                Map.of(
                                        "/campaignId", List.of("1", "{}", quoted(foreignIds.get("campaignId"))),
                                        "/records", List.of("\"x\"", "1", "{}", "null", "[]"),
                                        "/useWorkflow", List.of("true", "\"no\""),
                                        "/callConfig", List.of("\"x\"", "[]")))
                        .capped("/records", 10_001),
                FuzzRoute.json("PUT", "/api/v1/customer-data", updateCustomer(), updateCustomerWrongTypes()),
                FuzzRoute.json("PUT", "/api/v1/customers/update", updateCustomer(), updateCustomerWrongTypes()),
                FuzzRoute.json(
                                "PUT",
                                "/api/v1/customer-data/bulk",
                                "{\"campaignId\":\"" + ownIds.get("campaignId") + "\",\"records\":[{\"id\":\""
                                        + ownIds.get("customerId") + "\",\"data\":{\"language\":\"tamil\"}}]}",
                                Map.of(
                                        "/campaignId", List.of("1", quoted(foreignIds.get("campaignId"))),
                                        "/records", List.of("\"x\"", "{}", "[]", "null"),
                                        "/records/0/id", List.of("1", "\"NOPE-404\"", "null"),
                                        "/records/0/data", List.of("{}", "\"x\"", "[]")))
                        .capped("/records", 10_001));
    }

    /** Update Customer: the organization's customer by loan_id, a documented change. */
    private String updateCustomer() {
        return "{\"campaignId\":\"" + ownIds.get("campaignId") + "\",\"loan_id\":\"" + ownIds.get("customerId")
                + "\",\"data\":{\"payment_status\":\"paid\",\"first_name\":\"Ravi\"}}";
    }

    private Map<String, List<String>> updateCustomerWrongTypes() {
        return Map.of(
                "/campaignId", List.of("1", quoted(foreignIds.get("campaignId"))),
                "/loan_id", List.of("1", "\"NOPE-404\"", quoted(foreignIds.get("customerId"))),
                "/data", List.of("\"x\"", "[]", "null", "{}"),
                "/data/payment_status", List.of("\"settled\"", "1"));
    }

    /** A customer of the TimePay Agents API's Debt Collection tab. */
    private static String documentedCustomer(String loanId) {
        return "{\"loan_id\":\"" + loanId + "\",\"first_name\":\"Asha\",\"last_name\":\"Sharma\","
                + "\"phone_number\":\"9812345678\",\"loan_amount\":100000,\"emi_amount\":4500,\"loan_period\":12,"
                + "\"current_emi\":3,\"emi_due_date\":\"2026-01-05\",\"payment_status\":\"pending\","
                + "\"language\":\"hindi\"}";
    }

    /** Create Campaign's fields (TIMEPAY-API.md §2.1) without jsonData, which Update Campaign does not take. */
    private static String documentedCampaign() {
        return "{\"name\":\"Fuzz Q1\",\"description\":\"d\",\"campaignType\":\"emi\",\"workflowId\":\"wf_1\","
                + "\"startDate\":\"2025-01-01\",\"startTime\":\"09:00\",\"endDate\":\"2025-03-31\","
                + "\"endTime\":\"18:00\",\"languages\":[\"english\",\"hindi\"],\"region\":\"north\","
                + "\"tags\":[\"priority\"]}";
    }

    private static Map<String, List<String>> documentedCampaignWrongTypes() {
        return Map.of(
                "/name", List.of("1", "[]", "\"\"", "null"),
                "/campaignType", List.of("\"loan\"", "1", "[\"emi\"]"),
                "/startDate", List.of("\"2025-02-30\"", "20250101", "\"01/01/2025\""),
                "/startTime", List.of("\"9am\"", "900", "\"24:00\""),
                "/endDate", List.of("\"2024-12-31\"", "true"),
                "/languages", List.of("\"hindi\"", "[\"klingon\"]", "[1]"),
                "/region", List.of("\"mars\"", "[]"),
                "/tags", List.of("\"x\"", "[1]", "{}"));
    }
}
