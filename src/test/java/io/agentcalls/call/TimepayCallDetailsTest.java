package io.agentcalls.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcalls.support.CallingSetup;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Get Call Details: {@code GET /api/v1/communication/call/{call_id}}. */
class TimepayCallDetailsTest extends HistoryPagesTest {

    @Test
    void aContactedCallWithItsOutcomeRecordingAndTranscript() {
        CallingSetup setup = CallingSetup.create(this);
        String call = initiate(setup, "DET", 1).get(0);
        promiseToPay(call, 145);

        Response details = get("/api/v1/communication/call/" + call, setup.key);

        assertThat(details.status()).isEqualTo(200);
        assertThat(details.body().propertyNames()).containsExactly("success", "data");
        JsonNode data = details.body().get("data");
        assertThat(data.propertyNames())
                .containsExactly(
                        "call_id",
                        "name",
                        "campaign_id",
                        "campaign_name",
                        "agent_id",
                        "loan_id",
                        "from",
                        "to",
                        "direction",
                        "status",
                        "disposition",
                        "disposition_id",
                        "duration",
                        "start_time",
                        "end_time",
                        "recording_id",
                        "transcript_id",
                        "summary",
                        "extracted_data");
        assertThat(data.get("call_id").asString()).isEqualTo(call);
        assertThat(data.get("name").asString()).isEqualTo("Customer DET-00001");
        assertThat(data.get("campaign_id").asString()).isEqualTo(setup.campaignId);
        assertThat(data.get("campaign_name").asString()).isEqualTo("Nov EMI");
        assertThat(data.get("agent_id").asString()).isEqualTo(setup.agentId);
        assertThat(data.get("loan_id").asString()).isEqualTo("DET-00001");
        assertThat(data.get("from").asString()).isEqualTo("+918045550100");
        assertThat(data.get("to").asString()).startsWith("+91");
        assertThat(data.get("direction").asString()).isEqualTo("outbound");
        assertThat(data.get("status").asString()).isEqualTo("Contacted");
        assertThat(data.get("disposition").asString()).isEqualTo("Promise to pay");
        assertThat(data.get("disposition_id").asString()).startsWith("dis_");
        assertThat(get("/api/v1/dispositions/" + data.get("disposition_id").asString(), setup.key)
                        .body()
                        .at("/data/code")
                        .asString())
                .isEqualTo("PTP");
        assertThat(data.get("duration").asInt()).isEqualTo(145);
        assertThat(data.get("start_time").asString()).matches("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z");
        assertThat(data.get("end_time").asString()).endsWith("Z");
        assertThat(data.get("recording_id").asString()).isEqualTo("rec_" + call.substring(5));
        assertThat(data.get("transcript_id").asString()).isEqualTo("trn_" + call.substring(5));
        assertThat(data.get("summary").asString()).isEqualTo("Customer promised to pay on the 20th");
        assertThat(data.at("/extracted_data/promise_to_pay_date").asString()).isEqualTo("2025-08-20");
        assertThat(data.at("/extracted_data/emi_amount").asInt()).isEqualTo(5000);
    }

    @Test
    void aLeadCampaignsCallShowsLeadIdAndALoanCampaignsLoanId() {
        CallingSetup leads = CallingSetup.create(this);
        typed(leads, "lead");
        CallingSetup loans = CallingSetup.create(this);
        typed(loans, "edi");
        String lead = initiate(leads, "LED", 1).get(0);
        String loan = initiate(loans, "EDI", 1).get(0);
        promiseToPay(lead, 30);

        JsonNode leadData =
                get("/api/v1/communication/call/" + lead, leads.key).body().get("data");
        JsonNode loanData =
                get("/api/v1/communication/call/" + loan, loans.key).body().get("data");

        assertThat(leadData.propertyNames()).contains("lead_id").doesNotContain("loan_id");
        assertThat(leadData.get("lead_id").asString()).isEqualTo("LED-00001");
        // in the place loan_id has, so the order is the catalogue's either way
        assertThat(List.copyOf(leadData.propertyNames()).indexOf("lead_id")).isEqualTo(5);
        assertThat(loanData.propertyNames()).contains("loan_id").doesNotContain("lead_id");
        assertThat(loanData.get("loan_id").asString()).isEqualTo("EDI-00001");
    }

    @Test
    void statusesInTheDocumentedWords() {
        CallingSetup setup = CallingSetup.create(this);
        List<String> ids = initiate(setup, "WRD", 4);
        ended(ids.get(0), CallStatus.NO_ANSWER);
        ended(ids.get(1), CallStatus.VOICEMAIL);
        ended(ids.get(2), CallStatus.FAILED);

        assertThat(status(setup, ids.get(0))).isEqualTo("No Contact");
        assertThat(status(setup, ids.get(1))).isEqualTo("No Contact");
        assertThat(status(setup, ids.get(2))).isEqualTo("Failed");
        assertThat(status(setup, ids.get(3))).isEqualTo("Initiated");
        JsonNode waiting = get("/api/v1/communication/call/" + ids.get(3), setup.key)
                .body()
                .get("data");
        assertThat(waiting.get("disposition").isNull()).isTrue();
        assertThat(waiting.get("duration").asInt()).isZero();
        assertThat(waiting.get("end_time").isNull()).isTrue();
        assertThat(waiting.get("recording_id").isNull()).isTrue();
        assertThat(waiting.get("transcript_id").isNull()).isTrue();
        assertThat(waiting.get("extracted_data").isNull()).isTrue();
    }

    @Test
    void unknownForeignAndOddIdsAre404() {
        CallingSetup setup = CallingSetup.create(this);
        CallingSetup other = CallingSetup.create(this);
        String foreign = initiate(other, "FRN", 1).get(0);

        for (String id : new String[] {
            foreign, "call_" + "0".repeat(32), setup.campaignId, "x", "call_", "c".repeat(3000), "%E2%82%AC"
        }) {
            Response missing = get("/api/v1/communication/call/" + id, setup.key);
            assertThat(missing.status()).as(id).isEqualTo(404);
            assertThat(missing.body().at("/success").asBoolean()).isFalse();
            assertThat(missing.body().at("/message").asString()).isEqualTo("Call not found");
        }
        assertThat(get("/api/v1/communication/call/" + foreign, null).status()).isEqualTo(401);
    }

    private String status(CallingSetup setup, String call) {
        return get("/api/v1/communication/call/" + call, setup.key)
                .body()
                .at("/data/status")
                .asString();
    }
}
