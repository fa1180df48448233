package io.agentcalls.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.StringJoiner;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class CustomerApiTest extends CustomerApiTestBase {

    @Autowired
    CustomerService customerService;

    private static final String ASHA = """
            {"loan_id":"LOAN-1","name":"Asha Rao","phone":"98123 45678","language":"Hindi",
             "payment_status":"bounced","emi_amount":4500.5,"emi_due_date":"2026-12-05","loan_amount":250000,
             "timezone":"Asia/Kolkata","custom":{"branch":"mumbai","score":712,"vip":true,"ratio":0.25}}""";
    private static final String RAVI = """
            {"lead_id":"LEAD-2","phone":"+14155550123"}""";

    @Test
    void upsertCreatesThenUpdatesByIdAndShowsTheCustomer() {
        String key = newOrganization();
        String campaign = newCampaign(key);

        Response first = upsert(key, campaign, "[" + ASHA + "," + RAVI + "]");
        assertThat(first.raw())
                .isEqualTo("{\"success\":true,\"data\":{\"received\":2,\"created\":2,\"updated\":0,\"rejected\":0,"
                        + "\"errors\":[]}}");

        JsonNode asha = get(customersPath(campaign) + "/LOAN-1", key).body().at("/data");
        assertThat(asha.propertyNames())
                .containsExactly(
                        "id",
                        "name",
                        "first_name",
                        "last_name",
                        "phone",
                        "language",
                        "payment_status",
                        "emi_amount",
                        "emi_due_date",
                        "loan_amount",
                        "loan_period",
                        "current_emi",
                        "lead_date",
                        "timezone",
                        "custom",
                        "createdAt",
                        "updatedAt");
        assertThat(asha.at("/id").asString()).isEqualTo("LOAN-1");
        assertThat(asha.at("/phone").asString()).isEqualTo("+919812345678");
        assertThat(asha.at("/language").asString()).isEqualTo("hindi");
        assertThat(asha.at("/payment_status").asString()).isEqualTo("bounced");
        // money is a JSON number with two decimals
        assertThat(get(customersPath(campaign) + "/LOAN-1", key).raw())
                .contains("\"emi_amount\":4500.50,")
                .contains("\"loan_amount\":250000.00,");
        assertThat(asha.at("/emi_due_date").asString()).isEqualTo("2026-12-05");
        assertThat(asha.at("/timezone").asString()).isEqualTo("Asia/Kolkata");
        // custom scalars keep their JSON type
        assertThat(asha.at("/custom/branch").isString()).isTrue();
        assertThat(asha.at("/custom/score").isNumber()).isTrue();
        assertThat(asha.at("/custom/score").asInt()).isEqualTo(712);
        assertThat(asha.at("/custom/vip").isBoolean()).isTrue();
        assertThat(asha.at("/custom/ratio").asDouble()).isEqualTo(0.25);

        JsonNode ravi = get(customersPath(campaign) + "/LEAD-2", key).body().at("/data");
        assertThat(ravi.at("/name").isNull()).isTrue();
        assertThat(ravi.at("/emi_amount").isNull()).isTrue();
        assertThat(ravi.at("/custom").toString()).isEqualTo("{}");

        // LOAN-1 is given again unchanged, LEAD-2 changed, LOAN-3 new
        Response second = upsert(
                key,
                campaign,
                "[" + ASHA + ",{\"lead_id\":\"LEAD-2\",\"phone\":\"+14155550123\",\"name\":\"Ravi\"},"
                        + "{\"id\":\"LOAN-3\",\"phone\":\"9812345679\"}]");
        assertThat(counts(second)).isEqualTo("3/1/2/0");
        assertThat(get(customersPath(campaign) + "/LEAD-2", key)
                        .body()
                        .at("/data/name")
                        .asString())
                .isEqualTo("Ravi");
        assertThat(get(customersPath(campaign) + "/LOAN-1", key).body().at("/data/updatedAt"))
                .as("an unchanged row is not rewritten")
                .isEqualTo(asha.at("/updatedAt"));
        assertThat(customerService.customFieldNames(extractOrg(key), campaign))
                .containsExactly("branch", "ratio", "score", "vip");
    }

    @Test
    void aBadCustomerIsRejectedAloneAndTheOthersAreKept() {
        String key = newOrganization();
        String campaign = newCampaign(key);
        StringJoiner customers = new StringJoiner(",", "[", "]");
        customers.add("{\"id\":\"OK-1\",\"phone\":\"9812345678\"}");
        customers.add("{\"id\":\"BAD-PHONE\",\"phone\":\"12345\"}");
        customers.add("{\"id\":\"BAD-DATE\",\"phone\":\"9812345678\",\"emi_due_date\":\"2025-02-30\"}");
        customers.add("{\"id\":\"BAD-DATE-FORMAT\",\"phone\":\"9812345678\",\"emi_due_date\":\"05/12/2026\"}");
        customers.add("{\"id\":\"CENTS\",\"phone\":\"9812345678\",\"emi_amount\":10.555}");
        customers.add("{\"id\":\"NEGATIVE\",\"phone\":\"9812345678\",\"loan_amount\":-1}");
        customers.add("{\"id\":\"AMOUNT-TEXT\",\"phone\":\"9812345678\",\"emi_amount\":\"4500\"}");
        customers.add("{\"id\":\"STATUS\",\"phone\":\"9812345678\",\"payment_status\":\"overdue\"}");
        customers.add("{\"id\":\"UNKNOWN\",\"phone\":\"9812345678\",\"branch\":\"pune\"}");
        customers.add("{\"id\":\"PHONE-TYPE\",\"phone\":9812345678}");
        customers.add("{\"phone\":\"9812345678\"}");
        customers.add("{\"id\":\"A\",\"loan_id\":\"B\",\"phone\":\"9812345678\"}");
        customers.add("{\"id\":\"" + "x".repeat(101) + "\",\"phone\":\"9812345678\"}");
        customers.add("{\"id\":42,\"phone\":\"9812345678\"}");
        customers.add("{\"id\":\"ZONE\",\"phone\":\"9812345678\",\"timezone\":\"India\"}");
        customers.add("{\"id\":\"NESTED\",\"phone\":\"9812345678\",\"custom\":{\"a\":{\"b\":1}}}");
        customers.add("{\"id\":\"RESERVED\",\"phone\":\"9812345678\",\"custom\":{\"phone\":\"x\"}}");
        customers.add("{\"id\":\"BAD-NAME\",\"phone\":\"9812345678\",\"custom\":{\"my field\":\"x\"}}");
        customers.add("{\"id\":\"CUSTOM-TYPE\",\"phone\":\"9812345678\",\"custom\":[1]}");
        customers.add("{\"id\":\"TWO\",\"phone\":\"\",\"emi_due_date\":\"tomorrow\"}");
        customers.add("{\"id\":\"OK-2\",\"phone\":\"+91 98123 45679\"}");

        Response response = upsert(key, campaign, customers.toString());

        assertThat(counts(response)).isEqualTo("21/2/0/19");
        assertThat(rowErrors(response))
                .containsExactly(
                        "2|BAD-PHONE|phone is not a valid number",
                        "3|BAD-DATE|emi_due_date must be a real date YYYY-MM-DD",
                        "4|BAD-DATE-FORMAT|emi_due_date must be a real date YYYY-MM-DD",
                        "5|CENTS|emi_amount must have at most two decimals",
                        "6|NEGATIVE|loan_amount must not be negative",
                        "7|AMOUNT-TEXT|emi_amount must be a number",
                        "8|STATUS|payment_status must be one of bounced, pending, partial, paid, received",
                        "9|UNKNOWN|unknown field 'branch'",
                        "10|PHONE-TYPE|phone must be a string; phone is required",
                        "11|-|id is required (id, loan_id or lead_id)",
                        "12|-|give only one of id, loan_id, lead_id",
                        "13|-|id must be at most 100 characters",
                        "14|-|id must be a string; id is required (id, loan_id or lead_id)",
                        "15|ZONE|timezone must be an IANA timezone such as Asia/Kolkata",
                        "16|NESTED|custom.a must be a string, number or boolean",
                        "17|RESERVED|custom field name 'phone' is reserved",
                        "18|BAD-NAME|custom field name 'my field' must be letters, digits and underscores, not"
                                + " starting with a digit, at most 64 characters",
                        "19|CUSTOM-TYPE|custom must be an object",
                        "20|TWO|phone is required; emi_due_date must be a real date YYYY-MM-DD");
        assertThat(customerCount(campaign)).isEqualTo(2);
    }

    @Test
    void laterDuplicatesInOneRequestAreRejected() {
        String key = newOrganization();
        String campaign = newCampaign(key);

        Response response = upsert(key, campaign, """
                [{"id":"D","phone":"9812345678","name":"first"},
                 {"id":"E","phone":"9812345678"},
                 {"loan_id":"D","phone":"9812345678","name":"second"},
                 {"id":"D","phone":"bad"},
                 {"lead_id":"D","phone":"9812345678","name":"third"}]""");

        assertThat(counts(response)).isEqualTo("5/2/0/3");
        assertThat(rowErrors(response))
                .containsExactly(
                        "3|D|duplicate id in this request",
                        "4|D|phone is not a valid number",
                        "5|D|duplicate id in this request");
        assertThat(get(customersPath(campaign) + "/D", key)
                        .body()
                        .at("/data/name")
                        .asString())
                .isEqualTo("first");
    }

    @Test
    void aRequestOfTheWrongShapeWritesNothing() {
        String key = newOrganization();
        String campaign = newCampaign(key);
        String path = customersPath(campaign);
        String good = "{\"id\":\"G\",\"phone\":\"9812345678\"}";

        assertValidationFailed(post(path, key, "{\"customers\":[" + good), "body is not valid JSON");
        assertValidationFailed(post(path, key, "{}"), "customers is required");
        assertValidationFailed(post(path, key, "{\"customers\":null}"), "customers is required");
        assertValidationFailed(post(path, key, "{\"customers\":" + good + "}"), "customers must be an array");
        assertValidationFailed(
                post(path, key, "{\"customers\":[" + good + ",\"G2\",7]}"),
                "customers[1] must be an object",
                "customers[2] must be an object");
        assertValidationFailed(
                post(path, key, "{\"customers\":[" + good + "],\"mode\":\"replace\"}"), "unknown field 'mode'");
        assertValidationFailed(post(path, key, "[" + good + "]"), "body has the wrong shape");
        assertThat(send("POST", path, key, null, null).status()).isIn(400, 415);

        StringJoiner tooMany = new StringJoiner(",", "[", "]");
        for (int i = 0; i <= CustomerJson.MAX_CUSTOMERS_PER_REQUEST; i++) {
            tooMany.add("{\"id\":\"C" + i + "\",\"phone\":\"9812345678\"}");
        }
        assertValidationFailed(
                upsert(key, campaign, tooMany.toString()),
                "customers must have at most 10000 entries (use the CSV import for more)");

        assertThat(customerCount(campaign)).isZero();
    }

    @Test
    void anEmptyListOrAHeaderOnlyFileIsAnsweredWithZeros() {
        String key = newOrganization();
        String campaign = newCampaign(key);
        assertThat(counts(upsert(key, campaign, "[]"))).isEqualTo("0/0/0/0");
        assertThat(counts(importCsv(key, campaign, "id,phone\n"))).isEqualTo("0/0/0/0");
    }

    @Test
    void tenThousandCustomersFitInOneRequest() {
        String key = newOrganization();
        String campaign = newCampaign(key);
        StringJoiner customers = new StringJoiner(",", "[", "]");
        for (int i = 0; i < CustomerJson.MAX_CUSTOMERS_PER_REQUEST; i++) {
            customers.add("{\"id\":\"C" + i + "\",\"phone\":\"98" + String.format("%08d", i) + "\"}");
        }
        assertThat(counts(upsert(key, campaign, customers.toString()))).isEqualTo("10000/10000/0/0");
    }

    @Test
    void archivedCampaignsGetNoCustomersAndUnknownOnesAre404() {
        String key = newOrganization();
        String campaign = newCampaign(key);
        delete("/api/v1/campaigns/" + campaign, key);

        Response archived = upsert(key, campaign, "[{\"id\":\"X\",\"phone\":\"9812345678\"}]");
        assertThat(archived.status()).isEqualTo(400);
        assertThat(archived.raw())
                .isEqualTo("{\"success\":false,\"error\":\"BadRequest\",\"message\":\"Campaign is archived\"}");
        assertThat(importCsv(key, campaign, "id,phone\nX,9812345678\n").raw())
                .isEqualTo("{\"success\":false,\"error\":\"BadRequest\",\"message\":\"Campaign is archived\"}");

        Response unknown = upsert(key, "cmp_nope", "[]");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.raw())
                .isEqualTo("{\"success\":false,\"error\":\"NotFound\",\"message\":\"Campaign not found\"}");
    }

    @Test
    void listsFilterByPaymentStatusAndLanguageInIdOrder() {
        String key = newOrganization();
        String campaign = newCampaign(key);
        upsert(key, campaign, """
                [{"id":"C","phone":"9812345678","payment_status":"paid","language":"hindi"},
                 {"id":"A","phone":"9812345678","payment_status":"bounced","language":"Hindi"},
                 {"id":"B","phone":"9812345678","payment_status":"bounced","language":"tamil"},
                 {"id":"D","phone":"9812345678"}]""");
        String path = customersPath(campaign);

        assertThat(ids(get(path, key))).isEqualTo("A,B,C,D");
        assertThat(ids(get(path + "?payment_status=bounced", key))).isEqualTo("A,B");
        assertThat(ids(get(path + "?language=HINDI", key))).isEqualTo("A,C");
        assertThat(ids(get(path + "?payment_status=bounced&language=tamil", key)))
                .isEqualTo("B");

        Response page = get(path + "?limit=3", key);
        assertThat(ids(page)).isEqualTo("A,B,C");
        assertThat(ids(get(
                        path + "?limit=3&cursor="
                                + page.body().at("/nextCursor").asString(),
                        key)))
                .isEqualTo("D");

        assertValidationFailed(
                get(path + "?payment_status=overdue", key),
                "payment_status must be one of bounced, pending, partial, paid, received");
        assertValidationFailed(get(path + "?limit=0", key), "limit must be an integer from 1 to 500");
        assertValidationFailed(get(path + "?cursor=!!!", key), "cursor is not a valid cursor");
        assertThat(get(customersPath("cmp_nope"), key).status()).isEqualTo(404);
    }

    @Test
    void patchChangesTheGivenFieldsAndMergesCustom() {
        String key = newOrganization();
        String campaign = newCampaign(key);
        upsert(key, campaign, "[" + ASHA + "]");
        String path = customersPath(campaign) + "/LOAN-1";

        Response patched = patch(path, key, """
                {"name":"Asha R.","payment_status":"paid","emi_due_date":null,
                 "custom":{"branch":"pune","score":null,"segment":"gold"}}""");

        assertThat(patched.status()).as(patched.raw()).isEqualTo(200);
        JsonNode customer = patched.body().at("/data");
        assertThat(customer.at("/name").asString()).isEqualTo("Asha R.");
        assertThat(customer.at("/payment_status").asString()).isEqualTo("paid");
        assertThat(customer.at("/emi_due_date").isNull()).isTrue();
        assertThat(customer.at("/phone").asString()).isEqualTo("+919812345678");
        assertThat(customer.at("/emi_amount").asDouble()).isEqualTo(4500.5);
        assertThat(customer.at("/custom").toString())
                .isEqualTo("{\"vip\":true,\"ratio\":0.25,\"branch\":\"pune\",\"segment\":\"gold\"}");
        assertThat(get(path, key).body().at("/data")).isEqualTo(customer);
        assertThat(customerService.customFieldNames(extractOrg(key), campaign))
                .containsExactly("branch", "ratio", "segment", "vip");

        assertValidationFailed(patch(path, key, "{\"phone\":null}"), "phone is required");
        assertValidationFailed(patch(path, key, "{\"phone\":\"123\"}"), "phone is not a valid number");
        assertValidationFailed(patch(path, key, "{\"loan_id\":\"LOAN-2\"}"), "loan_id cannot be changed");
        assertValidationFailed(patch(path, key, "{\"nickname\":\"A\"}"), "unknown field 'nickname'");
        assertValidationFailed(patch(path, key, "{\"emi_amount\":\"12\"}"), "emi_amount must be a number");
        assertValidationFailed(patch(path, key, "{\"emi_amount\":1.001}"), "emi_amount must have at most two decimals");
        assertValidationFailed(
                patch(path, key, "{\"payment_status\":\"late\"}"),
                "payment_status must be one of bounced, pending, partial, paid, received");
        assertValidationFailed(
                patch(path, key, "{\"custom\":null}"), "custom must be an object (set a field to null to remove it)");
        assertValidationFailed(patch(path, key, "{\"name\":"), "body is not valid JSON");
        assertValidationFailed(patch(path, key, "[]"), "body must be a JSON object");
        assertThat(get(path, key).body().at("/data")).isEqualTo(customer);

        Response missing = patch(customersPath(campaign) + "/NOPE", key, "{\"name\":\"x\"}");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.raw())
                .isEqualTo("{\"success\":false,\"error\":\"NotFound\",\"message\":\"Customer not found\"}");
    }

    @Test
    void deleteRemovesTheCustomerAndCustomFieldsNoOneHasAnyMore() {
        String key = newOrganization();
        String campaign = newCampaign(key);
        upsert(key, campaign, """
                [{"id":"A","phone":"9812345678","custom":{"branch":"mumbai","note":"call after 6"}},
                 {"id":"B","phone":"9812345679","custom":{"branch":"pune"}}]""");
        String org = extractOrg(key);
        assertThat(customerService.customFieldNames(org, campaign)).containsExactly("branch", "note");

        Response deleted = delete(customersPath(campaign) + "/A", key);
        assertThat(deleted.raw()).isEqualTo("{\"success\":true}");
        assertThat(get(customersPath(campaign) + "/A", key).status()).isEqualTo(404);
        assertThat(delete(customersPath(campaign) + "/A", key).raw())
                .isEqualTo("{\"success\":false,\"error\":\"NotFound\",\"message\":\"Customer not found\"}");
        assertThat(customerService.customFieldNames(org, campaign)).containsExactly("branch");

        // an upsert replaces the whole customer: a custom field left out is gone
        upsert(key, campaign, "[{\"id\":\"B\",\"phone\":\"9812345679\"}]");
        assertThat(customerService.customFieldNames(org, campaign)).isEmpty();
        assertThat(get(customersPath(campaign) + "/B", key)
                        .body()
                        .at("/data/custom")
                        .toString())
                .isEqualTo("{}");
    }

    private String extractOrg(String key) {
        return "org_" + key.substring(3, 35);
    }

    private static String ids(Response response) {
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return String.join(
                ",",
                response.body()
                        .at("/data")
                        .valueStream()
                        .map(c -> c.at("/id").asString())
                        .toList());
    }
}
