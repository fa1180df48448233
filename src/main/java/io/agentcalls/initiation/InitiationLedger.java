package io.agentcalls.initiation;

import io.agentcalls.common.ApiException;
import io.agentcalls.common.Ids;
import io.agentcalls.initiation.InitiationResult.Failed;
import io.agentcalls.initiation.InitiationResult.Rejected;
import io.agentcalls.initiation.record.InitiationRecords;
import io.agentcalls.initiation.record.StoredInitiation;
import io.agentcalls.organization.Caller;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Records every initiation and makes {@code Idempotency-Key} hold: the key is claimed by a unique
 * index before any work, so a duplicate on any node never runs again: it replays the first request's
 * answer once there is one, and before that is {@code 409} at once. No server thread waits on
 * another request (a wait would hold a thread, and its connection, per impatient client).
 */
@Service
public class InitiationLedger {

    private static final Logger log = LoggerFactory.getLogger(InitiationLedger.class);
    private static final int MAX_KEY_LENGTH = 255;
    private static final Duration BUSY_RETRY_AFTER = Duration.ofSeconds(2);

    private final InitiateCallsService initiations;
    private final InitiationRecords records;
    private final InitiationResponses responses;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final InitiationProperties properties;

    InitiationLedger(
            InitiateCallsService initiations,
            InitiationRecords records,
            InitiationResponses responses,
            TransactionTemplate transaction,
            ApplicationEventPublisher events,
            InitiationProperties properties) {
        this.initiations = initiations;
        this.records = records;
        this.responses = responses;
        this.transaction = transaction;
        this.events = events;
        this.properties = properties;
    }

    /**
     * A request through the API: its answer, stored and replayed for a repeated Idempotency-Key.
     *
     * @param body the request as sent, which the record keeps and a repeated key must match
     */
    InitiationOutcome initiate(
            Caller caller, String campaignId, String idempotencyKey, InitiateCallsRequest request, JsonNode body) {
        if (idempotencyKey != null && !validKey(idempotencyKey)) {
            throw ApiException.validation(
                    "Idempotency-Key must be 1 to " + MAX_KEY_LENGTH + " printable ASCII characters");
        }
        if (request.dryRun()) {
            return run(caller, campaignId, request, null);
        }
        String initiationId = Ids.newId("ini");
        InitiationRecords.Recording recorded = records.recordWithinCap(
                caller.organizationId(),
                initiationId,
                campaignId,
                caller.apiKeyId(),
                idempotencyKey,
                body,
                properties.maxRunningPerOrganization());
        if (recorded == InitiationRecords.Recording.KEY_HELD) {
            return replay(caller.organizationId(), idempotencyKey, campaignId, body);
        }
        if (recorded == InitiationRecords.Recording.ORGANIZATION_BUSY) {
            throw busy();
        }
        InitiationOutcome outcome = run(caller, campaignId, request, initiationId);
        if (idempotencyKey == null && refused(outcome)) {
            // a refused request wrote nothing, and with no key there is no answer to replay: a 4xx
            // leaves no row behind (the refusal is in the answer and the log)
            records.forget(caller.organizationId(), initiationId);
            return outcome;
        }
        complete(caller.organizationId(), initiationId, outcome);
        return outcome;
    }

    /** Nothing was recorded or run: the client sends the same request again shortly. */
    private ApiException busy() {
        return ApiException.tooManyRequests(
                "This organization has " + properties.maxRunningPerOrganization()
                        + " initiations being dispatched already; send the request again shortly",
                BUSY_RETRY_AFTER);
    }

    private static boolean refused(InitiationOutcome outcome) {
        return outcome.status() >= 400 && outcome.status() < 500;
    }

    /**
     * An initiation the service starts by itself (retries): recorded like a request without an API
     * key or idempotency key, with {@code body} as its request. When it is rejected nothing was
     * written, so the record is dropped, for the caller to try again later.
     *
     * @param attempts the attempt number of each customer's new call by customer id
     */
    public InitiationResult initiateBySystem(
            String organizationId,
            String campaignId,
            JsonNode body,
            InitiateCallsRequest request,
            Map<String, Integer> attempts) {
        String initiationId = Ids.newId("ini");
        records.record(organizationId, initiationId, campaignId, null, null, body);
        InitiationResult result;
        try {
            result =
                    initiations.initiate(new Caller(organizationId, null), campaignId, request, initiationId, attempts);
        } catch (ApiException e) {
            records.forget(organizationId, initiationId);
            throw e;
        } catch (RuntimeException e) {
            result = unexpected(e, initiationId, campaignId);
        }
        if (result instanceof Rejected) {
            records.forget(organizationId, initiationId);
            return result;
        }
        complete(organizationId, initiationId, responses.of(result));
        return result;
    }

    /**
     * An initiation another endpoint of the API makes for its caller (Add Customers with
     * {@code initiateCall}): recorded as the caller's, without an idempotency key, with {@code body}
     * as its request, and answered as what it came to. Refused, it wrote nothing and leaves no record,
     * like a refused request without a key.
     */
    InitiationResult initiateFor(Caller caller, String campaignId, InitiateCallsRequest request, JsonNode body) {
        String initiationId = Ids.newId("ini");
        if (records.recordWithinCap(
                        caller.organizationId(),
                        initiationId,
                        campaignId,
                        caller.apiKeyId(),
                        null,
                        body,
                        properties.maxRunningPerOrganization())
                == InitiationRecords.Recording.ORGANIZATION_BUSY) {
            throw busy();
        }
        InitiationResult result;
        try {
            result = initiations.initiate(caller, campaignId, request, initiationId);
        } catch (ApiException e) {
            records.forget(caller.organizationId(), initiationId);
            throw e;
        } catch (RuntimeException e) {
            result = unexpected(e, initiationId, campaignId);
        }
        if (result instanceof Rejected) {
            records.forget(caller.organizationId(), initiationId);
            return result;
        }
        complete(caller.organizationId(), initiationId, responses.of(result));
        return result;
    }

    /** Every answer, the contract's errors included, becomes an outcome that can be stored and replayed. */
    private InitiationOutcome run(Caller caller, String campaignId, InitiateCallsRequest request, String initiationId) {
        try {
            return responses.of(initiations.initiate(caller, campaignId, request, initiationId));
        } catch (ApiException e) {
            return responses.error(e);
        } catch (RuntimeException e) {
            return responses.of(unexpected(e, initiationId, campaignId));
        }
    }

    private static Failed unexpected(RuntimeException e, String initiationId, String campaignId) {
        log.error("Initiation {} on campaign {} failed unexpectedly", initiationId, campaignId, e);
        return new Failed();
    }

    private void complete(String organizationId, String initiationId, InitiationOutcome outcome) {
        transaction.executeWithoutResult(status -> records.complete(
                        organizationId, initiationId, outcome.status(), outcome.body())
                .ifPresent(view -> events.publishEvent(
                        new InitiationCompleted(organizationId, initiationId, OffsetDateTime.now(), view))));
    }

    private InitiationOutcome replay(String organizationId, String key, String campaignId, JsonNode body) {
        StoredInitiation first = records.findByKey(organizationId, key)
                .orElseThrow(() -> new IllegalStateException("Idempotency key vanished while in use"));
        if (!records.sameRequest(first, campaignId, body)) {
            throw new ApiException(
                    HttpStatus.UNPROCESSABLE_ENTITY, "Idempotency-Key was already used with a different request");
        }
        if (!first.isCompleted()) {
            throw ApiException.conflict("A request with this Idempotency-Key is still in progress; "
                    + "send it again once that one has answered to get its answer");
        }
        return new InitiationOutcome(first.responseStatus(), first.response(), true);
    }

    private static boolean validKey(String key) {
        return !key.isEmpty() && key.length() <= MAX_KEY_LENGTH && key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e);
    }
}
