package io.agentcalls.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcalls.support.ApiTest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CampaignStatsApiTest extends ApiTest {

    private static final List<String> PAYMENT = List.of("bounced", "pending", "partial", "paid", "received");
    private static final Map<String, String> LABELS =
            Map.of("PTP", "Promise to pay", "RTP", "Refused to pay", "CALLBACK", "Call back later");

    @Test
    void statsEqualWhatWasCountedWhileWritingTheCalls() {
        CallFixtures fixtures = new CallFixtures(jdbc);
        String key = newOrganization();
        String org = CallFixtures.organizationOf(key);
        String campaign = fixtures.campaign(org);
        String set = fixtures.dispositionSet(org);
        Random random = new Random(7);

        Map<String, Long> byPayment = new LinkedHashMap<>();
        PAYMENT.forEach(p -> byPayment.put(p, 0L));
        byPayment.put("unset", 0L);
        for (int i = 0; i < 40; i++) {
            String payment = random.nextInt(6) == 0 ? null : PAYMENT.get(random.nextInt(PAYMENT.size()));
            fixtures.customer(org, campaign, "LOAN-" + i, payment, null);
            byPayment.merge(payment == null ? "unset" : payment, 1L, Long::sum);
        }

        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (CallStatus status : CallStatus.values()) {
            byStatus.put(status.value(), 0L);
        }
        Map<String, Long> outcomes = new TreeMap<>();
        long ended = 0;
        long contacted = 0;
        BigDecimal promised = BigDecimal.ZERO;
        for (int i = 0; i < 150; i++) {
            CallStatus status = CallStatus.values()[random.nextInt(CallStatus.values().length)];
            String call = fixtures.call(org, campaign, set, status.value());
            byStatus.merge(status.value(), 1L, Long::sum);
            boolean answered = status == CallStatus.IN_PROGRESS
                    || (status == CallStatus.FAILED || status == CallStatus.VOICEMAIL) && random.nextBoolean();
            String code = status == CallStatus.COMPLETED
                    ? List.of("PTP", "RTP", "CALLBACK", "-").get(random.nextInt(4))
                    : "-";
            BigDecimal amount =
                    code.equals("PTP") && random.nextInt(5) > 0 ? BigDecimal.valueOf(random.nextInt(100_000), 2) : null;
            jdbc.sql("""
                            UPDATE calls SET in_progress_at = CASE WHEN :answered THEN now() END,
                                   disposition_code = :code,
                                   disposition_data = CASE WHEN CAST(:amount AS numeric) IS NULL THEN NULL
                                       ELSE jsonb_build_object('ptp_date', '2026-12-05', 'ptp_amount', CAST(:amount AS numeric)) END
                            WHERE id = :id
                            """)
                    .param("answered", answered)
                    .param("code", code.equals("-") ? null : code)
                    .param("amount", amount)
                    .param("id", call)
                    .update();
            if (status.isFinal()
                    && status != CallStatus.CANCELLED
                    && status != CallStatus.FAILED_TO_INITIATE
                    && status != CallStatus.EXPIRED) {
                ended++;
                if (answered || status == CallStatus.COMPLETED) {
                    contacted++;
                }
            }
            if (!code.equals("-")) {
                outcomes.merge(code, 1L, Long::sum);
            }
            if (amount != null) {
                promised = promised.add(amount);
            }
        }
        // neither another campaign's nor another organization's calls count
        String elsewhere = fixtures.call(org, fixtures.campaign(org), set, "completed");
        jdbc.sql("UPDATE calls SET disposition_code = 'PTP', disposition_data = '{\"ptp_amount\":999}' WHERE id = :id")
                .param("id", elsewhere)
                .update();
        String otherOrg = CallFixtures.organizationOf(newOrganization());
        fixtures.call(otherOrg, campaign, fixtures.dispositionSet(otherOrg), "completed");

        Response response = get("/api/v1/campaigns/" + campaign + "/stats", key);

        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        JsonNode data = response.body().at("/data");
        assertThat(data.at("/campaignId").asString()).isEqualTo(campaign);
        assertThat(data.at("/customers/total").asLong()).isEqualTo(40);
        assertThat(data.at("/customers/byPaymentStatus").toString()).isEqualTo(JSON.writeValueAsString(byPayment));
        assertThat(data.at("/calls/total").asLong()).isEqualTo(150);
        assertThat(data.at("/calls/byStatus").toString()).isEqualTo(JSON.writeValueAsString(byStatus));
        Map<String, Long> reported = new TreeMap<>();
        data.at("/outcomes").forEach(o -> {
            assertThat(o.at("/label").asString())
                    .isEqualTo(LABELS.get(o.at("/code").asString()));
            reported.put(o.at("/code").asString(), o.at("/count").asLong());
        });
        assertThat(reported).isEqualTo(outcomes);
        assertThat(data.at("/endedCalls").asLong()).isEqualTo(ended);
        assertThat(data.at("/contactedCalls").asLong()).isEqualTo(contacted);
        // compared by value: JSON drops a trailing zero (0.3710 is written 0.371)
        assertThat(data.at("/contactRate").decimalValue())
                .isEqualByComparingTo(
                        BigDecimal.valueOf(contacted).divide(BigDecimal.valueOf(ended), 4, RoundingMode.HALF_UP));
        assertThat(data.at("/promisedAmount").decimalValue()).isEqualTo(promised.setScale(2, RoundingMode.HALF_UP));
    }

    @Test
    void anEmptyCampaignHasZerosAndNoContactRate() {
        CallFixtures fixtures = new CallFixtures(jdbc);
        String key = newOrganization();
        String campaign = fixtures.campaign(CallFixtures.organizationOf(key));

        Response response = get("/api/v1/campaigns/" + campaign + "/stats", key);

        assertThat(response.body().at("/data/calls/total").asLong()).isZero();
        assertThat(response.body().at("/data/outcomes").size()).isZero();
        assertThat(response.body().at("/data/contactRate").isNull()).isTrue();
        assertThat(response.body().at("/data/promisedAmount").decimalValue()).isEqualByComparingTo("0");
    }

    @Test
    void anotherOrganizationsOrAnUnknownCampaignIsNotFound() {
        CallFixtures fixtures = new CallFixtures(jdbc);
        String campaign = fixtures.campaign(CallFixtures.organizationOf(newOrganization()));
        String otherKey = newOrganization();

        for (String id : List.of(campaign, "cmp_nope")) {
            Response response = get("/api/v1/campaigns/" + id + "/stats", otherKey);
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.raw())
                    .isEqualTo("{\"success\":false,\"error\":\"NotFound\",\"message\":\"Campaign not found\"}");
        }
    }
}
