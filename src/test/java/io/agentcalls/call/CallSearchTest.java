package io.agentcalls.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcalls.common.Cursor;
import io.agentcalls.common.Page;
import io.agentcalls.common.PageRequest;
import io.agentcalls.support.ApiTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The console's call list, export and a customer's attempts (issue 14): filters, keyset pages, isolation. */
class CallSearchTest extends ApiTest {

    private static final Instant JAN_10 = Instant.parse("2026-01-10T08:00:00Z");

    @Autowired
    CallSearches calls;

    private CallFixtures fixtures;
    private String org;
    private String campaign;
    private String otherCampaign;
    private String set;
    /** Each call made "now" gets its own millisecond, so newest-first order is certain. */
    private Instant now = Instant.now();

    @BeforeEach
    void organization() {
        fixtures = new CallFixtures(jdbc);
        org = fixtures.organization();
        campaign = fixtures.campaign(org);
        otherCampaign = fixtures.campaign(org);
        set = fixtures.dispositionSet(org);
    }

    @Test
    void filtersByStatusCampaignDatePhoneAndName() {
        customer(campaign, "C-asha", "Asha Rao", "+919800000001");
        customer(campaign, "C-bala", "Bala_Krishnan", "+919800000002");
        customer(otherCampaign, "C-chitra", "Chitra", "+919800000003");
        String old = call(campaign, "C-asha", "+919800000001", "no_answer", JAN_10);
        String answered = call(campaign, "C-asha", "+919800000001", "completed", null);
        String bala = call(campaign, "C-bala", "+919800000002", "busy", null);
        String chitra = call(otherCampaign, "C-chitra", "+919800000003", "completed", null);
        // another organization's call to the same phone and a customer of the same name never shows
        String stranger = fixtures.organization();
        String strangerCampaign = fixtures.campaign(stranger);
        jdbc.sql("INSERT INTO customers (organization_id, campaign_id, id, name, phone)"
                        + " VALUES (:org, :campaign, 'C-asha', 'Asha Rao', '+919800000001')")
                .param("org", stranger)
                .param("campaign", strangerCampaign)
                .update();

        assertThat(ids(CallSearch.ALL)).containsExactly(chitra, bala, answered, old);
        assertThat(ids(search(campaign, List.of(CallStatus.COMPLETED), null, null, null, null)))
                .containsExactly(answered);
        assertThat(ids(search(null, List.of(), JAN_10.minusSeconds(3600), JAN_10.plusSeconds(3600), null, null)))
                .containsExactly(old);
        assertThat(ids(search(null, List.of(), JAN_10.plusSeconds(3600), null, null, null)))
                .containsExactly(chitra, bala, answered);
        assertThat(ids(search(null, List.of(), null, null, "+919800000001", null)))
                .containsExactly(answered, old);
        assertThat(ids(search(null, List.of(), null, null, null, "asha"))).containsExactly(answered, old);
        assertThat(ids(search(null, List.of(), null, null, null, "BALA_"))).containsExactly(bala);
        // LIKE's wildcards in a search are plain characters
        assertThat(ids(search(null, List.of(), null, null, null, "%"))).isEmpty();
        assertThat(ids(search(null, List.of(), null, null, null, "b_la"))).isEmpty();

        CallListItem first = calls.searchCalls(org, search(null, List.of(), null, null, null, "asha"), page(1, null))
                .items()
                .get(0);
        assertThat(first.customerName()).isEqualTo("Asha Rao");
        assertThat(first.status()).isEqualTo(CallStatus.COMPLETED);
        assertThat(calls.searchCalls(stranger, CallSearch.ALL, page(50, null)).items())
                .isEmpty();
    }

    @Test
    void pagesFollowOneAnotherAndTheExportReadsThemAll() {
        customer(campaign, "C-many", "Many", "+919800000010");
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            made.add(0, call(campaign, "C-many", "+919800000010", "no_answer", null));
        }
        List<String> paged = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Page<CallListItem> page = calls.searchCalls(org, CallSearch.ALL, page(3, cursor));
            page.items().forEach(item -> paged.add(item.id()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(paged).containsExactlyElementsOf(made);

        List<String> exported = new ArrayList<>();
        calls.exportCalls(org, CallSearch.ALL, rows -> rows.forEach(r -> exported.add(r.id())));
        assertThat(exported).containsExactlyElementsOf(made);

        List<String> attempts = calls.customerAttempts(org, campaign, "C-many").stream()
                .map(CallListItem::id)
                .toList();
        List<String> oldestFirst = new ArrayList<>(made);
        java.util.Collections.reverse(oldestFirst);
        assertThat(attempts).containsExactlyElementsOf(oldestFirst);
        assertThat(calls.customerAttempts(fixtures.organization(), campaign, "C-many"))
                .isEmpty();
    }

    private static CallSearch search(
            String campaignId, List<CallStatus> statuses, Instant from, Instant until, String phone, String name) {
        return new CallSearch(campaignId, statuses, from, until, phone, name);
    }

    private static PageRequest page(int limit, String cursor) {
        return new PageRequest(limit, cursor == null ? null : Cursor.decode(cursor));
    }

    private List<String> ids(CallSearch search) {
        return calls.searchCalls(org, search, page(50, null)).items().stream()
                .map(CallListItem::id)
                .toList();
    }

    private void customer(String campaignId, String id, String name, String phone) {
        jdbc.sql("INSERT INTO customers (organization_id, campaign_id, id, name, phone)"
                        + " VALUES (:org, :campaign, :id, :name, :phone)")
                .param("org", org)
                .param("campaign", campaignId)
                .param("id", id)
                .param("name", name)
                .param("phone", phone)
                .update();
    }

    /** A call whose id was made at {@code at}, or (null) a millisecond after the previous one. */
    private String call(String campaignId, String customerId, String phone, String status, Instant at) {
        String id = fixtures.call(org, campaignId, set, status, customerId, null, null);
        if (at == null) {
            now = now.plusMillis(1);
        }
        String prefix = CallSearchRepository.idAt(at == null ? now : at);
        String newId = prefix + id.substring(prefix.length());
        jdbc.sql("UPDATE calls SET id = :newId, to_phone = :phone WHERE organization_id = :org AND id = :id")
                .param("newId", newId)
                .param("phone", phone)
                .param("org", org)
                .param("id", id)
                .update();
        return newId;
    }
}
