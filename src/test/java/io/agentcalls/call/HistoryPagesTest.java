package io.agentcalls.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcalls.support.ApiTest;
import io.agentcalls.support.CallingSetup;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * What the tests of the documented call history pages share: an organization whose calls were
 * initiated through the API and played to outcomes by runner events, as a runner would report them.
 */
abstract class HistoryPagesTest extends ApiTest {

    @Autowired
    CallService calls;

    /** The ids of the calls of one initiation of {@code n} customers, in customer order. */
    List<String> initiate(CallingSetup setup, String prefix, int n) {
        List<Map<String, Object>> customers = setup.customers(prefix, n);
        setup.upsert(customers);
        Response initiated = setup.initiate(Map.of(
                "filters",
                Map.of("ids", customers.stream().map(c -> c.get("id")).toList())));
        assertThat(initiated.status()).as(initiated.raw()).isEqualTo(200);
        JsonNode list = get(
                        "/api/v1/calls?limit=500&initiationId="
                                + initiated.body().at("/results/initiationId").asString(),
                        setup.key)
                .body()
                .get("data");
        List<String> ids = new ArrayList<>();
        for (Map<String, Object> customer : customers) {
            list.valueStream()
                    .filter(c -> c.get("customerId").asString().equals(customer.get("id")))
                    .forEach(c -> ids.add(c.get("id").asString()));
        }
        return ids;
    }

    /** Gives the campaign a documented type ({@code emi}, {@code edi}, {@code lead}) before it has customers. */
    void typed(CallingSetup setup, String campaignType) {
        Response patched = patch(
                "/api/v1/campaigns/" + setup.campaignId, setup.key, "{\"campaignType\":\"" + campaignType + "\"}");
        assertThat(patched.status()).as(patched.raw()).isEqualTo(200);
    }

    /** A call answered and classified: PTP with the catalogue's extracted data, a recording and transcript. */
    void promiseToPay(String callId, int seconds) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        apply(
                RunnerEvent.status(callId, CallStatus.RINGING, now.minusSeconds(seconds + 10)),
                RunnerEvent.status(callId, CallStatus.IN_PROGRESS, now.minusSeconds(seconds)),
                new RunnerEvent(
                        callId,
                        CallStatus.COMPLETED,
                        now,
                        seconds,
                        new RunnerEvent.Disposition(
                                "PTP",
                                Map.of(
                                        "emi_amount", 5000,
                                        "emi_due_date", "2025-08-15",
                                        "promise_to_pay_date", "2025-08-20",
                                        "summary", "Customer promised to pay on the 20th")),
                        "https://runner.example/recordings/" + callId + ".mp3",
                        "Agent: Namaste, this is about your EMI.\nCustomer: I will pay on the 20th."));
    }

    void ended(String callId, CallStatus status) {
        apply(new RunnerEvent(callId, status, OffsetDateTime.now(ZoneOffset.UTC), 0, null, null, null));
    }

    private void apply(RunnerEvent... events) {
        RunnerEventsResult result = calls.applyRunnerEvents(List.of(events));
        assertThat(result.rejected()).isEmpty();
    }
}
