package io.agentcalls.apidocs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.agentcalls.client.ApiClient;
import io.agentcalls.client.ApiException;
import io.agentcalls.client.api.AgentsApi;
import io.agentcalls.client.api.CallsApi;
import io.agentcalls.client.api.CampaignsApi;
import io.agentcalls.client.api.CustomersApi;
import io.agentcalls.client.api.DispositionSetsApi;
import io.agentcalls.client.api.InitiateCallsApi;
import io.agentcalls.client.api.OrganizationsApi;
import io.agentcalls.client.api.PhoneNumbersApi;
import io.agentcalls.client.api.StatsApi;
import io.agentcalls.client.model.CallingWindow;
import io.agentcalls.client.model.CampaignRequest;
import io.agentcalls.client.model.CreateAgentRequest;
import io.agentcalls.client.model.CreateDispositionSetRequest;
import io.agentcalls.client.model.CreateOrganizationRequest;
import io.agentcalls.client.model.CreatePhoneNumberRequest;
import io.agentcalls.client.model.CustomerInput;
import io.agentcalls.client.model.DispositionCode;
import io.agentcalls.client.model.ErrorResponse;
import io.agentcalls.client.model.InitiateCallsRequest;
import io.agentcalls.client.model.UpsertCustomersRequest;
import io.agentcalls.support.ApiTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The main journey of an integrator, through a Java client generated from docs/api/openapi.json
 * and nothing else: if the document lies about a path, a body, an answer or the security, this
 * client cannot do its job and the test fails.
 */
class GeneratedClientJourneyTest extends ApiTest {

    private ApiClient client(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://localhost:" + port);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    @Test
    void anIntegratorRunsACampaignThroughTheGeneratedClient() throws Exception {
        var created = new OrganizationsApi(client(ADMIN_TOKEN))
                .createOrganization(new CreateOrganizationRequest().name("Generated client lender"));
        assertThat(created.getSuccess()).isTrue();
        String apiKey = created.getData().getApiKey();
        assertThat(apiKey).startsWith("ak_");
        ApiClient client = client(apiKey);

        var campaign = new CampaignsApi(client)
                .createCampaign(new CampaignRequest()
                        .name("November EMI")
                        .timezone("Asia/Kolkata")
                        .callingWindow(new CallingWindow().start("00:00").end("24:00")))
                .getData();
        assertThat(campaign.getName()).isEqualTo("November EMI");
        assertThat(campaign.getMaxAttemptsPerDay()).isEqualTo(3);

        var imported = new CustomersApi(client)
                .upsertCustomers(
                        campaign.getId(),
                        new UpsertCustomersRequest()
                                .customers(List.of(
                                        customer("LOAN-1", "+919812345601", CustomerInput.PaymentStatusEnum.BOUNCED),
                                        customer("LOAN-2", "+919812345602", CustomerInput.PaymentStatusEnum.PENDING),
                                        customer("LOAN-3", "+919812345603", CustomerInput.PaymentStatusEnum.PAID))))
                .getData();
        assertThat(imported.getCreated()).isEqualTo(3L);
        assertThat(imported.getRejected()).isZero();

        var agent = new AgentsApi(client)
                .createAgent(new CreateAgentRequest()
                        .name("EMI reminder")
                        .prompt("Namaste {{name}}, your EMI of {{emi_amount}} is due on {{emi_due_date}}."))
                .getData();
        assertThat(agent.getRequiredVariables()).contains("name", "emi_amount", "emi_due_date");
        var dispositions = new DispositionSetsApi(client)
                .createDispositionSet(new CreateDispositionSetRequest()
                        .name("Collections")
                        .codes(List.of(
                                new DispositionCode()
                                        .code("PTP")
                                        .label("Promise to pay")
                                        .category("positive"),
                                new DispositionCode()
                                        .code("RTP")
                                        .label("Refused to pay")
                                        .category("negative"))))
                .getData();
        assertThat(dispositions.getCodes()).hasSize(2);
        var number = new PhoneNumbersApi(client)
                .createPhoneNumber(new CreatePhoneNumberRequest().number("+918045550100"))
                .getData();
        assertThat(number.getActive()).isTrue();

        InitiateCallsApi initiations = new InitiateCallsApi(client);
        var dryRun = initiations.initiateCalls(
                campaign.getId(),
                new InitiateCallsRequest()
                        .agentId(agent.getId())
                        .dispositionId(dispositions.getId())
                        .dryRun(true),
                null);
        assertThat(dryRun.getSuccess()).isTrue();
        assertThat(dryRun.getResults().getDryRun()).isTrue();
        assertThat(dryRun.getResults().getTotalMatched()).isEqualTo(3L);
        var initiated = initiations.initiateCalls(
                campaign.getId(),
                new InitiateCallsRequest()
                        .agentId(agent.getId())
                        .dispositionId(dispositions.getId())
                        .limit(2),
                "generated-client-journey");
        assertThat(initiated.getSuccess()).isTrue();
        assertThat(initiated.getResults().getCustomersSelected()).isEqualTo(2L);
        assertThat(initiated.getResults().getInitiated()).isEqualTo(2L);
        assertThat(initiated.getResults().getInitiationId()).startsWith("ini_");

        var calls = new CallsApi(client).listCalls(campaign.getId(), null, null, null, null, null, null);
        assertThat(calls.getData()).hasSize(2);
        assertThat(calls.getData()).allSatisfy(call -> {
            assertThat(call.getCampaignId()).isEqualTo(campaign.getId());
            assertThat(call.getAgentId()).isEqualTo(agent.getId());
            assertThat(call.getFrom()).isEqualTo("+918045550100");
            assertThat(call.getQueuedAt()).isNotNull();
        });

        var stats = new StatsApi(client).getCampaignStats(campaign.getId()).getData();
        assertThat(stats.getCustomers().getTotal()).isEqualTo(3L);
        assertThat(stats.getCalls().getTotal()).isEqualTo(2L);

        ApiException missing = catchThrowableOfType(
                ApiException.class, () -> new CampaignsApi(client).getCampaign("cmp_00000000000000000000000000000000"));
        assertThat(missing.getCode()).isEqualTo(404);
        ErrorResponse error = client.getObjectMapper().readValue(missing.getResponseBody(), ErrorResponse.class);
        assertThat(error.getSuccess()).isFalse();
        assertThat(error.getError()).isEqualTo("NotFound");
        assertThat(error.getMessage()).isEqualTo("Campaign not found");
    }

    private static CustomerInput customer(String id, String phone, CustomerInput.PaymentStatusEnum paymentStatus) {
        return new CustomerInput()
                .id(id)
                .phone(phone)
                .name("Customer " + id)
                .paymentStatus(paymentStatus)
                .emiAmount(new BigDecimal("12500"))
                .emiDueDate(LocalDate.of(2026, 11, 5))
                .language("hindi");
    }
}
