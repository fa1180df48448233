package io.agentcalls.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcalls.support.CallingSetup;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Get Logs: {@code GET /api/v1/logs}, every filter, {@code count_only}, ten a page. */
class TimepayLogsTest extends HistoryPagesTest {

    private CallingSetup setup;
    private List<String> ids;

    /** Twelve calls: 3 contacted with a promise, 4 not answered, 2 voicemail, 1 failed, 2 still ringing out. */
    @BeforeEach
    void twelveCalls() {
        setup = CallingSetup.create(this);
        ids = initiate(setup, "LOG", 12);
        for (int i = 0; i < 3; i++) {
            promiseToPay(ids.get(i), 60 + i);
        }
        for (int i = 3; i < 7; i++) {
            ended(ids.get(i), CallStatus.NO_ANSWER);
        }
        ended(ids.get(7), CallStatus.VOICEMAIL);
        ended(ids.get(8), CallStatus.VOICEMAIL);
        ended(ids.get(9), CallStatus.FAILED);
    }

    @Test
    void tenAPageNewestFirstWithTheSnakeCasePagination() {
        Response first = logs("");
        Response second = logs("page=2");

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().propertyNames()).containsExactly("success", "data", "pagination");
        assertThat(first.body().at("/data").size()).isEqualTo(10);
        assertThat(first.body().get("pagination")).isEqualTo(JSON.readTree("""
                        {"page":1,"per_page":10,"total":12,"total_pages":2,"has_next":true,"has_prev":false}"""));
        assertThat(second.body().at("/data").size()).isEqualTo(2);
        assertThat(second.body().get("pagination")).isEqualTo(JSON.readTree("""
                        {"page":2,"per_page":10,"total":12,"total_pages":2,"has_next":false,"has_prev":true}"""));
        List<String> order = first.body()
                .at("/data")
                .valueStream()
                .map(i -> i.get("call_id").asString())
                .toList();
        assertThat(order).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(logs("page=3").body().at("/data").size()).isZero();
    }

    @Test
    void anItemHasTheDocumentedFields() {
        JsonNode item = logs("status=Contacted").body().at("/data/0");

        assertThat(item.propertyNames())
                .containsExactly(
                        "call_id",
                        "date",
                        "start_time",
                        "end_time",
                        "campaign_name",
                        "campaign_id",
                        "name",
                        "loan_id",
                        "duration",
                        "direction",
                        "from",
                        "to",
                        "status",
                        "disposition",
                        "transcript_id",
                        "recording_id",
                        "extracted_data",
                        "summary",
                        "agent_id",
                        "disposition_id",
                        "type");
        assertThat(item.get("date").asString())
                .isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
        assertThat(item.get("status").asString()).isEqualTo("Contacted");
        assertThat(item.get("disposition").asString()).isEqualTo("Promise to pay");
        assertThat(item.get("type").asString()).isEqualTo("call");
        assertThat(item.get("campaign_name").asString()).isEqualTo("Nov EMI");
        assertThat(item.get("duration").asInt()).isBetween(60, 62);
    }

    @Test
    void aLeadCampaignsItemsCarryLeadIdBesideTheLoanCampaignsLoanId() {
        String loans = setup.campaignId;
        String leads = setup.created(
                "/api/v1/campaigns",
                Map.of(
                        "name",
                        "Leads",
                        "campaignType",
                        "lead",
                        "callingWindow",
                        Map.of("start", "00:00", "end", "24:00")));
        setup.campaignId = leads;
        String lead = initiate(setup, "LDL", 1).get(0);
        setup.campaignId = loans;

        JsonNode leadItem = logs("campaign_id=" + leads).body().at("/data/0");
        JsonNode loanItem = logs("campaign_id=" + loans).body().at("/data/0");

        assertThat(leadItem.get("call_id").asString()).isEqualTo(lead);
        assertThat(leadItem.propertyNames()).contains("lead_id").doesNotContain("loan_id");
        assertThat(leadItem.get("lead_id").asString()).isEqualTo("LDL-00001");
        assertThat(List.copyOf(leadItem.propertyNames()).indexOf("lead_id")).isEqualTo(7);
        assertThat(loanItem.propertyNames()).contains("loan_id").doesNotContain("lead_id");
        // one page may mix both kinds: each item is named by its own campaign
        JsonNode mixed = logs("").body().at("/data");
        assertThat(mixed.get(0).has("lead_id")).isTrue();
        assertThat(mixed.get(1).has("loan_id")).isTrue();
    }

    @Test
    void statusFilterTakesTheDocumentedWordsAndOurs() {
        assertThat(total("status=" + encode("No Contact"))).isEqualTo(6);
        assertThat(total("status=" + encode("no contact"))).isEqualTo(6);
        assertThat(total("status=Contacted")).isEqualTo(3);
        assertThat(total("status=Completed")).isEqualTo(3);
        assertThat(total("status=Failed")).isEqualTo(1);
        assertThat(total("status=voicemail")).isEqualTo(2);
        assertThat(total("status=Initiated")).isEqualTo(2);
        assertValidation(logs("status=Exploded"), "status must be one of ");
    }

    @Test
    void everyOtherFilter() {
        String phone = jdbc.sql("SELECT to_phone FROM calls WHERE id = :id")
                .param("id", ids.get(4))
                .query(String.class)
                .single();

        assertThat(total("disposition=" + encode("Promise to pay"))).isEqualTo(3);
        assertThat(total("disposition=PTP")).isEqualTo(3);
        assertThat(total("disposition=Voicemail")).isZero();
        assertThat(total("phone=" + phone.substring(3))).isEqualTo(1);
        assertThat(total("phone=" + encode(phone))).isEqualTo(1);
        assertThat(total("from_phone=" + encode("+918045550100"))).isEqualTo(12);
        assertThat(total("from_phone=+918045550100"))
                .as("an unencoded + arrives as a space")
                .isEqualTo(12);
        assertThat(total("campaign_id=" + setup.campaignId)).isEqualTo(12);
        assertThat(total("campaign_id=cmp_other")).isZero();
        assertThat(total("agent_id=" + setup.agentId + "&status=Failed")).isEqualTo(1);
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        assertThat(total("start_time=" + today + "T00:00:00&end_time=" + today + "T23:59:59"))
                .isEqualTo(12);
        assertThat(total("start_time=" + today)).isEqualTo(12);
        assertThat(total("end_time=2020-01-01T00:00:00")).isZero();
        assertThat(total("start_time=2999-01-01T00:00:00Z")).isZero();
        assertThat(total("type=call")).isEqualTo(12);
        assertThat(total("type=whatsapp")).isZero();
        assertThat(logs("type=whatsapp").body().at("/data").size()).isZero();
    }

    @Test
    void countOnlyAnswersTheTotal() {
        Response count = logs("count_only=true&status=" + encode("No Contact"));

        assertThat(count.status()).isEqualTo(200);
        assertThat(count.raw()).isEqualTo("{\"success\":true,\"data\":{\"total\":6}}");
        assertThat(logs("count_only=false").body().at("/data").size()).isEqualTo(10);
    }

    @Test
    void anotherOrganizationSeesNone() {
        Response theirs = get("/api/v1/logs?campaign_id=" + setup.campaignId, newOrganization());
        assertThat(theirs.body().at("/pagination/total").asInt()).isZero();
        assertThat(theirs.body().at("/data").size()).isZero();
    }

    @Test
    void badParametersAre400NamingThem() {
        for (String page : new String[] {"0", "-3", "x", "1.5", "99999999999999999999", "1000001"}) {
            assertValidation(logs("page=" + page), "page must be an integer from 1 to 1000000");
        }
        assertValidation(logs("count_only=yes"), "count_only must be true or false");
        assertValidation(logs("type=email"), "type must be one of call, whatsapp, sms");
        assertValidation(logs("phone=12"), "phone must be a phone number");
        assertValidation(logs("from_phone=abc"), "from_phone must be a phone number");
        assertValidation(logs("start_time=yesterday"), "start_time must be an ISO-8601 time");
        assertValidation(logs("end_time=2026-13-45T00:00:00"), "end_time must be an ISO-8601 time");
        assertValidation(
                logs("start_time=2026-01-18T00:00:00&end_time=2026-01-17T00:00:00"),
                "start_time must not be after end_time");
        Response nul = logs("campaign_id=a%00b");
        assertThat(nul.status()).isEqualTo(400);
        Response several = logs("page=0&type=x&count_only=2");
        assertThat(several.body().at("/errors").size()).isEqualTo(3);
        assertThat(get("/api/v1/logs", null).status()).isEqualTo(401);
    }

    private Response logs(String query) {
        return get("/api/v1/logs" + (query.isEmpty() ? "" : "?" + query), setup.key);
    }

    private int total(String query) {
        Response response = logs(query);
        assertThat(response.status()).as(query + ": " + response.raw()).isEqualTo(200);
        return response.body().at("/pagination/total").asInt();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static void assertValidation(Response response, String errorStart) {
        assertThat(response.status()).as(response.raw()).isEqualTo(400);
        assertThat(response.body().at("/success").asBoolean()).isFalse();
        assertThat(response.body().at("/message").asString()).isEqualTo("Validation failed");
        assertThat(response.body().at("/errors/0").asString()).startsWith(errorStart);
    }
}
