package io.agentcalls.initiation.record;

import io.agentcalls.campaign.CampaignService;
import io.agentcalls.common.ApiException;
import io.agentcalls.common.LeaseProperties;
import io.agentcalls.common.NodeIdentity;
import io.agentcalls.common.Page;
import io.agentcalls.common.PageRequest;
import io.agentcalls.organization.Caller;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Every initiation is recorded (who, when, the request as sent, the answer as sent); the record
 * doubles as the idempotency store, and {@code GET /api/v1/initiations/{id}} shows it.
 */
@Service
public class InitiationRecords {

    private final InitiationRepository repository;
    private final SkipHistoryRepository skips;
    private final CampaignService campaigns;
    private final ObjectMapper objectMapper;
    private final NodeIdentity node;
    private final LeaseProperties lease;
    private final TransactionTemplate transactions;

    InitiationRecords(
            InitiationRepository repository,
            SkipHistoryRepository skips,
            CampaignService campaigns,
            ObjectMapper objectMapper,
            NodeIdentity node,
            LeaseProperties lease,
            TransactionTemplate transactions) {
        this.repository = repository;
        this.skips = skips;
        this.campaigns = campaigns;
        this.objectMapper = objectMapper;
        this.node = node;
        this.lease = lease;
        this.transactions = transactions;
    }

    /** Customers held back per day (UTC) by reason, {@code from} inclusive, {@code until} exclusive. */
    public List<SkippedDay> skipsByDay(String organizationId, Instant from, Instant until) {
        return skips.byDay(organizationId, from, until).stream()
                .map(d -> new SkippedDay(d.day(), d.activeCall(), d.doNotCall(), d.attemptLimit(), d.outsideWindow()))
                .toList();
    }

    /** One day's skips by reason. */
    public record SkippedDay(
            LocalDate day, long activeCall, long doNotCall, long attemptLimit, long outsideCallingWindow) {}

    /**
     * Records a new initiation; with an idempotency key, only if no live request holds the key. It is
     * leased to this node until its answer is stored ({@link #complete}); if the node dies first,
     * recovery completes it ({@link #claimOrphan}).
     *
     * @param apiKeyId null for an initiation the service starts by itself (retries)
     * @return true when recorded, false when the key names an earlier request of the last 24 h
     */
    public boolean record(
            String organizationId, String id, String campaignId, String apiKeyId, String key, JsonNode body) {
        return repository.insert(
                organizationId,
                id,
                campaignId,
                apiKeyId,
                key,
                recordedRequest(campaignId, body),
                node.id(),
                lease.expiryInterval());
    }

    /** What recording a request came to. */
    public enum Recording {
        RECORDED,
        /** the key names an earlier request of the last 24 h: replay it */
        KEY_HELD,
        /** the organization has {@code maxRunning} requests being answered already */
        ORGANIZATION_BUSY
    }

    /**
     * Records an API request like {@link #record}, unless the organization already has
     * {@code maxRunning} requests being answered by live nodes: counted and recorded in one
     * transaction under a lock of the organization's, so several nodes never admit one too many. A
     * repeated key is answered from its record even when the organization is busy.
     */
    public Recording recordWithinCap(
            String organizationId,
            String id,
            String campaignId,
            String apiKeyId,
            String key,
            JsonNode body,
            int maxRunning) {
        return transactions.execute(tx -> {
            long running = repository.lockAndCountRunning(organizationId);
            if (running >= maxRunning) {
                if (key != null) {
                    repository.releaseExpiredKey(organizationId, key);
                    if (repository.findByKey(organizationId, key).isPresent()) {
                        return Recording.KEY_HELD;
                    }
                }
                return Recording.ORGANIZATION_BUSY;
            }
            return record(organizationId, id, campaignId, apiKeyId, key, body)
                    ? Recording.RECORDED
                    : Recording.KEY_HELD;
        });
    }

    /** The request that holds the idempotency key, if any. */
    public Optional<StoredInitiation> findByKey(String organizationId, String key) {
        return repository.findByKey(organizationId, key);
    }

    /** Whether the recorded initiation was asked with this body on this campaign. */
    public boolean sameRequest(StoredInitiation stored, String campaignId, JsonNode body) {
        // by hash: the body itself is reduced after the key's 24 h (RequestTrim)
        return repository.sameRequest(stored.organizationId(), stored.id(), recordedRequest(campaignId, body));
    }

    /**
     * Stores the answer, unless the initiation was completed already (recovery completed it after its
     * node was taken for dead); returns the record as the API shows it, for the completion event,
     * only when this call stored it.
     */
    public Optional<Map<String, Object>> complete(String organizationId, String id, int status, String response) {
        if (!repository.complete(organizationId, id, status, response)) {
            return Optional.empty();
        }
        return repository.find(organizationId, id).map(this::view);
    }

    /**
     * Takes over, for this node, one running initiation whose answering node died and none of whose
     * calls is still queued: recovery then completes it.
     */
    public Optional<OrphanedInitiation> claimOrphan() {
        return repository.claimOrphan(node.id(), lease.expiryInterval());
    }

    /** Forgets an initiation that created nothing (a retry run that every safeguard held back). */
    public void forget(String organizationId, String id) {
        repository.delete(organizationId, id);
    }

    public Map<String, Object> get(Caller caller, String initiationId) {
        return repository
                .find(caller.organizationId(), initiationId)
                .map(this::view)
                .orElseThrow(() -> ApiException.notFound("Initiation not found"));
    }

    /** Newest first; the campaign must be the caller's. */
    public Page<Map<String, Object>> listByCampaign(Caller caller, String campaignId, PageRequest page) {
        campaigns
                .find(caller.organizationId(), campaignId)
                .orElseThrow(() -> ApiException.notFound("Campaign not found"));
        var rows = repository.listByCampaign(caller.organizationId(), campaignId, page.after(), page.fetchSize());
        return Page.fromOverfetch(rows, page.limit(), StoredInitiation::id).map(this::view);
    }

    private Map<String, Object> view(StoredInitiation stored) {
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
}
