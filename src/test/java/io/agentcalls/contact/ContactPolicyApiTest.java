package io.agentcalls.contact;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcalls.support.ApiTest;
import io.agentcalls.support.CallingSetup;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code GET/PUT /api/v1/contact-policy}, and the policy in the selection: a phone called enough today
 * in any of the organization's campaigns is skipped, counted under {@code skipped.contactPolicy}.
 */
class ContactPolicyApiTest extends ApiTest {

    @Test
    void anOrganizationWithoutAPolicyHasTheDefaultAndCanReplaceIt() {
        String key = newOrganization();
        Response initial = get("/api/v1/contact-policy", key);
        assertThat(initial.status()).isEqualTo(200);
        assertThat(initial.body().at("/data/maxAttemptsPerDay").asInt()).isEqualTo(3);
        assertThat(initial.body().at("/data/maxAttemptsPerWeek").asInt()).isEqualTo(7);

        Response replaced = send(
                "PUT",
                "/api/v1/contact-policy",
                key,
                "application/json",
                "{\"maxAttemptsPerDay\":2,\"maxAttemptsPerWeek\":5}");
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(get("/api/v1/contact-policy", key)
                        .body()
                        .at("/data/maxAttemptsPerDay")
                        .asInt())
                .isEqualTo(2);
        assertThat(get("/api/v1/contact-policy", newOrganization())
                        .body()
                        .at("/data/maxAttemptsPerDay")
                        .asInt())
                .as("another organization keeps its own")
                .isEqualTo(3);
    }

    @Test
    void wrongPoliciesAreRefusedNamingTheFieldAndChangeNothing() {
        String key = newOrganization();
        Map<String, String> wrong = Map.of(
                "{\"maxAttemptsPerDay\":\"3\",\"maxAttemptsPerWeek\":7}", "maxAttemptsPerDay",
                "{\"maxAttemptsPerDay\":3}", "maxAttemptsPerWeek",
                "{\"maxAttemptsPerDay\":1e20,\"maxAttemptsPerWeek\":7}", "maxAttemptsPerDay",
                "{\"maxAttemptsPerDay\":3,\"maxAttemptsPerWeek\":99999999999}", "maxAttemptsPerWeek",
                "{\"maxAttemptsPerDay\":0,\"maxAttemptsPerWeek\":7}", "maxAttemptsPerDay",
                "{\"maxAttemptsPerDay\":5,\"maxAttemptsPerWeek\":4}", "maxAttemptsPerWeek",
                "{\"maxAttemptsPerDay\":3,\"maxAttemptsPerWeek\":7,\"extra\\u0000\":1}", "NUL characters",
                "{\"maxAttemptsPerDay\":3,\"maxAttemptsPerWeek\":7,\"extra\":1}", "Unknown field: extra",
                "[1,2]", "JSON object");
        wrong.forEach((body, named) -> {
            Response response = send("PUT", "/api/v1/contact-policy", key, "application/json", body);
            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.raw()).as(body).contains(named);
        });
        Response malformed = send("PUT", "/api/v1/contact-policy", key, "application/json", "{\"maxAttemptsPerDay\":");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(get("/api/v1/contact-policy", key)
                        .body()
                        .at("/data/maxAttemptsPerDay")
                        .asInt())
                .isEqualTo(3);
    }

    @Test
    void aPhoneCalledEnoughTodayInAnotherCampaignIsSkippedByTheSelection() {
        CallingSetup setup = CallingSetup.create(this);
        Map<String, Object> customer = CallingSetup.customer("CP-1", "pending", "hindi");
        setup.upsert(List.of(customer));
        String org = jdbc.sql("SELECT organization_id FROM campaigns WHERE id = :id")
                .param("id", setup.campaignId)
                .query(String.class)
                .single();
        String other = setup.created("/api/v1/campaigns", Map.of("name", "Other"));
        assertThat(send(
                                "PUT",
                                "/api/v1/contact-policy",
                                setup.key,
                                "application/json",
                                "{\"maxAttemptsPerDay\":2,\"maxAttemptsPerWeek\":7}")
                        .status())
                .isEqualTo(200);
        for (int i = 0; i < 2; i++) {
            jdbc.sql("""
                            INSERT INTO calls (organization_id, id, campaign_id, customer_id, agent_id, disposition_set_id,
                                               from_number, to_phone, status, ended_at)
                            VALUES (:org, new_id('call'), :campaign, 'X-' || :i, 'agt_x', 'dsp_x', '+918045550100',
                                    :phone, 'no_answer', now())
                            """)
                    .param("org", org)
                    .param("campaign", other)
                    .param("i", i)
                    .param("phone", customer.get("phone"))
                    .update();
        }

        Response response = setup.initiate();

        assertThat(response.status()).as(response.raw()).isEqualTo(400);
        assertThat(response.body().at("/skipped/contactPolicy").asInt()).isEqualTo(1);
        assertThat(response.raw()).contains("contact policy");
    }
}
