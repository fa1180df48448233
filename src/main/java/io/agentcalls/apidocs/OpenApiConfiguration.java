package io.agentcalls.apidocs;

import io.agentcalls.organization.Caller;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.List;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The document's front page: what the API is, its tags in the order a newcomer meets them (the
 * order Swagger UI shows), and how each kind of caller authenticates. Which operation needs which
 * scheme, and the error answers they share, are {@link SharedAnswers}' work, keyed on the path, so
 * endpoints added later get them without a line of their own.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String API_KEY = "ApiKey";
    static final String ADMIN_TOKEN = "AdminToken";
    static final String RUNNER_TIMESTAMP = "RunnerTimestamp";
    static final String RUNNER_SIGNATURE = "RunnerSignature";

    static {
        // the caller is resolved from the authenticated API key, never sent by the client
        SpringDocUtils.getConfig()
                .addRequestWrapperToIgnore(Caller.class)
                // a body read by hand is described by its operation; anywhere else it is any JSON value,
                // never the node class's own getters
                .replaceWithSchema(tools.jackson.databind.JsonNode.class, new Schema<>());
    }

    /** Tag names and what each covers, in reading order; an operation names its tag by this name. */
    static final List<Tag> TAGS = List.of(
            tag("Organizations", "Admin API: create an organization and its first API key (admin token)."),
            tag("Console users", "Admin API: an organization's first console users (admin token)."),
            tag("API keys", "The organization's API keys: create, list, revoke."),
            tag("Campaigns", "Campaigns: settings (timezone, calling window, attempt caps) and the TimePay pages."),
            tag("Customers", "A campaign's customers: JSON upsert, read, merge-patch, delete."),
            tag("Customer import", "CSV import of a campaign's customers, as a text/csv body or a multipart file."),
            tag("Customer data (TimePay)", "The TimePay Agents API's add and update customer pages."),
            tag("Agents", "AI agents: prompt templates with {{variables}} filled from each customer."),
            tag("Disposition sets", "Disposition sets: the codes a call's outcome is classified with."),
            tag("Dispositions (TimePay)", "The TimePay Agents API's dispositions."),
            tag("Disposition groups (TimePay)", "The TimePay Agents API's disposition groups."),
            tag("Phone numbers", "Caller-ID numbers the calls are placed from."),
            tag("Do not call", "Phone numbers that are never called, across every campaign."),
            tag(
                    "Contact policy",
                    "The organization's caps on attempts per borrower, enforced again when each call is dialed."),
            tag("Voice connections", "The organization's accounts at voice-AI providers (Vapi, Retell)."),
            tag("Initiate calls", "Initiate Call(s): select customers with filters and place calls, or dry-run."),
            tag("Initiations", "What each Initiate Call(s) request did, and cancelling its calls."),
            tag("Calls", "Call records, their status and outcome; cancelling a call."),
            tag("Stats", "A campaign's figures: customers, calls by status, outcomes, contact rate."),
            tag("Call history (TimePay)", "The TimePay Agents API's call details and call logs."),
            tag("Recordings and transcripts", "A call's recording (audio) and transcript."),
            tag("Webhooks", "Signed event deliveries to your endpoints: subscriptions and delivery history."),
            tag("Runner events", "For the workflow runner: status events of the calls it places (signed)."),
            tag("Provider webhooks", "Voice providers report their calls here, signed as each provider signs."));

    @Bean
    OpenAPI agentcallsOpenApi() {
        return new OpenAPI()
                .info(new Info().title("agentcalls API").version("v1").description("""
                                Outbound AI-agent call campaigns: load customers into a campaign, define agents, \
                                dispositions and caller-ID numbers, then initiate calls with filters.

                                Every answer is a JSON envelope: `{"success":true,"data":...}` (lists add \
                                `nextCursor` while more pages exist), or `{"success":false,"error":"NotFound",\
                                "message":"...","errors":[...]}`. Organization endpoints take \
                                `Authorization: Bearer <API key>`; `/admin/v1` takes the admin token."""))
                // relative: the document is right on any host; a generated client is given its base URL
                .servers(List.of(new Server().url("/").description("The server that served this document")))
                .tags(TAGS)
                .components(new Components()
                        .addSecuritySchemes(
                                API_KEY,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("An organization's API key: `Authorization: Bearer ak_...`"))
                        .addSecuritySchemes(
                                ADMIN_TOKEN,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("The operator's admin token (AGENTCALLS_ADMIN_TOKEN)"))
                        .addSecuritySchemes(
                                RUNNER_TIMESTAMP,
                                header(
                                        "X-Runner-Timestamp",
                                        "Unix seconds when the runner signed the request (docs/RUNNER-PROTOCOL.md)"))
                        .addSecuritySchemes(
                                RUNNER_SIGNATURE,
                                header(
                                        "X-Runner-Signature",
                                        "Hex HMAC-SHA256 of timestamp + \".\" + body with the runner secret")));
    }

    private static SecurityScheme header(String name, String description) {
        return new SecurityScheme()
                .type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.HEADER)
                .name(name)
                .description(description);
    }

    private static Tag tag(String name, String description) {
        return new Tag().name(name).description(description);
    }
}
