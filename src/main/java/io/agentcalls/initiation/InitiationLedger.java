package io.agentcalls.initiation;

import io.agentcalls.campaign.CampaignService;
import io.agentcalls.common.ApiException;
import io.agentcalls.common.ApiExceptionHandler;
import io.agentcalls.common.Ids;
import io.agentcalls.common.Page;
import io.agentcalls.common.PageRequest;
import io.agentcalls.initiation.record.InitiationRepository;
import io.agentcalls.organization.Caller;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Records every initiation and makes {@code Idempotency-Key} hold: the key is claimed by a unique
 * index before any work, so a concurrent duplicate on any node waits for the first request's answer
 * and replays it instead of running again.
 */
@Service
public class InitiationLedger {

    private static final Logger log = LoggerFactory.getLogger(InitiationLedger.class);
    private static final int MAX_KEY_LENGTH = 255;
    private static final Duration POLL = Duration.ofMillis(100);

    private final InitiateCallsService initiations;
    private final CampaignService campaigns;
    private final InitiationRepository repository;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final ObjectMapper objectMapper;
    private final Duration duplicateWait;

    InitiationLedger(
            InitiateCallsService initiations,
            CampaignService campaigns,
            InitiationRepository repository,
            TransactionTemplate transaction,
            ApplicationEventPublisher events,
            ObjectMapper objectMapper,
            @Value("${agentcalls.initiation.duplicate-wait:5m}") Duration duplicateWait) {
        this.initiations = initiations;
        this.campaigns = campaigns;
        this.repository = repository;
        this.transaction = transaction;
        this.events = events;
        this.objectMapper = objectMapper;
        this.duplicateWait = duplicateWait;
    }

    InitiationOutcome initiate(Caller caller, String campaignId, String idempotencyKey, JsonNode body) {
        InitiateCallsRequest request = InitiateCallsRequestParser.parse(body);
        if (idempotencyKey != null && !validKey(idempotencyKey)) {
            throw ApiException.validation(
                    "Idempotency-Key must be 1 to " + MAX_KEY_LENGTH + " printable ASCII characters");
        }
        if (request.dryRun()) {
            return run(caller, campaignId, request, null);
        }
        String initiationId = Ids.newId("ini");
        String recordedRequest = recordedRequest(campaignId, body);
        boolean recorded = repository.insert(
                caller.organizationId(), initiationId, campaignId, caller.apiKeyId(), idempotencyKey, recordedRequest);
        if (!recorded) {
            return replay(caller.organizationId(), idempotencyKey, recordedRequest);
        }
        InitiationOutcome outcome = run(caller, campaignId, request, initiationId);
        complete(caller.organizationId(), initiationId, outcome);
        return outcome;
    }

    /**
     * An initiation the service starts by itself (retries): recorded like a request without an API
     * key or idempotency key, with {@code body} as its request. When the service answers with an
     * error, nothing was written, so the record is dropped and the error thrown for the caller to
     * try again later.
     *
     * @param attempts the attempt number of each customer's new call by customer id
     * @throws ApiException when no call was created (all skipped, no active number, ...)
     */
    public InitiationOutcome initiateBySystem(
            String organizationId,
            String campaignId,
            JsonNode body,
            InitiateCallsRequest request,
            Map<String, Integer> attempts) {
        String initiationId = Ids.newId("ini");
        repository.insert(organizationId, initiationId, campaignId, null, null, recordedRequest(campaignId, body));
        InitiationOutcome outcome;
        try {
            outcome =
                    initiations.initiate(new Caller(organizationId, null), campaignId, request, initiationId, attempts);
        } catch (ApiException e) {
            repository.delete(organizationId, initiationId);
            throw e;
        } catch (RuntimeException e) {
            log.error("Initiation {} on campaign {} failed unexpectedly", initiationId, campaignId, e);
            outcome = new InitiationOutcome(
                    HttpStatus.INTERNAL_SERVER_ERROR.value(),
                    objectMapper.writeValueAsString(ApiExceptionHandler.internalErrorBody()),
                    false);
        }
        complete(organizationId, initiationId, outcome);
        return outcome;
    }

    private void complete(String organizationId, String initiationId, InitiationOutcome outcome) {
        transaction.executeWithoutResult(status -> {
            repository.complete(organizationId, initiationId, outcome.status(), outcome.body());
            repository
                    .find(organizationId, initiationId)
                    .ifPresent(stored -> events.publishEvent(
                            new InitiationCompleted(organizationId, initiationId, OffsetDateTime.now(), view(stored))));
        });
    }

    /** Every answer, the seed's errors included, becomes an outcome that can be stored and replayed. */
    private InitiationOutcome run(Caller caller, String campaignId, InitiateCallsRequest request, String initiationId) {
        try {
            return initiations.initiate(caller, campaignId, request, initiationId);
        } catch (ApiException e) {
            return new InitiationOutcome(
                    e.status().value(), objectMapper.writeValueAsString(ApiExceptionHandler.bodyOf(e)), false);
        } catch (RuntimeException e) {
            log.error("Initiation {} on campaign {} failed unexpectedly", initiationId, campaignId, e);
            return new InitiationOutcome(
                    HttpStatus.INTERNAL_SERVER_ERROR.value(),
                    objectMapper.writeValueAsString(ApiExceptionHandler.internalErrorBody()),
                    false);
        }
    }

    private InitiationOutcome replay(String organizationId, String key, String recordedRequest) {
        long deadline = System.nanoTime() + duplicateWait.toNanos();
        while (true) {
            InitiationRepository.StoredInitiation first = repository
                    .findByKey(organizationId, key)
                    .orElseThrow(() -> new IllegalStateException("Idempotency key vanished while in use"));
            if (!objectMapper.readTree(first.request()).equals(objectMapper.readTree(recordedRequest))) {
                throw new ApiException(
                        HttpStatus.UNPROCESSABLE_ENTITY, "Idempotency-Key was already used with a different request");
            }
            if ("completed".equals(first.state())) {
                return new InitiationOutcome(first.responseStatus(), first.response(), true);
            }
            if (System.nanoTime() > deadline) {
                throw ApiException.conflict("A request with this Idempotency-Key is still in progress");
            }
            sleep();
        }
    }

    Map<String, Object> get(Caller caller, String initiationId) {
        return repository
                .find(caller.organizationId(), initiationId)
                .map(this::view)
                .orElseThrow(() -> ApiException.notFound("Initiation not found"));
    }

    /** Newest first; the campaign must be the caller's. */
    Page<Map<String, Object>> listByCampaign(Caller caller, String campaignId, PageRequest page) {
        campaigns
                .find(caller.organizationId(), campaignId)
                .orElseThrow(() -> ApiException.notFound("Campaign not found"));
        var rows = repository.listByCampaign(caller.organizationId(), campaignId, page.after(), page.fetchSize());
        return Page.fromOverfetch(rows, page.limit(), InitiationRepository.StoredInitiation::id)
                .map(this::view);
    }

    private Map<String, Object> view(InitiationRepository.StoredInitiation stored) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", stored.id());
        view.put("campaignId", stored.campaignId());
        view.put("apiKeyId", stored.apiKeyId());
        view.put("idempotencyKey", stored.idempotencyKey());
        view.put("status", stored.state());
        view.put("createdAt", stored.createdAt());
        view.put("completedAt", stored.completedAt());
        view.put("request", objectMapper.readTree(stored.request()).get("body"));
        view.put("responseStatus", stored.responseStatus());
        view.put("response", stored.response() == null ? null : objectMapper.readTree(stored.response()));
        return view;
    }

    private String recordedRequest(String campaignId, JsonNode body) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("campaignId", campaignId);
        request.put("body", body);
        return objectMapper.writeValueAsString(request);
    }

    private static boolean validKey(String key) {
        return !key.isEmpty() && key.length() <= MAX_KEY_LENGTH && key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e);
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a duplicate request", e);
        }
    }
}
