package io.agentcalls.customer;

import io.agentcalls.common.ApiException;
import io.agentcalls.customer.VersionedCustomerRepository.Change;
import io.agentcalls.customer.VersionedCustomerRepository.Versioned;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Bulk Update Customer: each record's change is computed from the customer as read, without a lock,
 * and written only if the customer is unchanged since (its row version). A customer changed in
 * between — by an import, a patch, another bulk update — is read again and its change computed
 * again: it counts as {@code retried}, and fails after {@value #MAX_ROUNDS} rounds. Records go 500 at
 * a time, each batch's writes one transaction under the campaign's customer write lock.
 */
@Service
class BulkCustomerUpdate {

    static final int BATCH = 500;
    static final int MAX_ROUNDS = 3;
    static final String CONFLICT = "version conflict: the customer kept changing while it was updated";

    private final CampaignAccess campaigns;
    private final VersionedCustomerRepository repository;
    private final CustomFieldRepository customFields;
    private final TransactionTemplate transaction;

    BulkCustomerUpdate(
            CampaignAccess campaigns,
            VersionedCustomerRepository repository,
            CustomFieldRepository customFields,
            TransactionTemplate transaction) {
        this.campaigns = campaigns;
        this.repository = repository;
        this.customFields = customFields;
        this.transaction = transaction;
    }

    /** What one round wrote, and the records whose customer changed since it was read. */
    private record Round(long written, List<Planned> conflicts) {}

    /** A record to update: its place in {@code records}, the customer's id and the change. */
    record Planned(int index, String id, CustomerPatch patch) {}

    /** What the update came to; {@code errors} in record order. */
    record Outcome(
            long total,
            long invalid,
            long successful,
            long retried,
            int batches,
            List<AddResponses.RecordError> errors) {}

    Outcome update(String organizationId, UpdateRequests.Bulk request) {
        String campaignId = request.campaignId();
        campaigns.require(organizationId, campaignId);
        List<AddResponses.RecordError> errors = new ArrayList<>();
        List<Planned> planned = plan(request.records(), errors);
        long invalid = errors.size();
        long successful = 0;
        Set<String> retried = new HashSet<>();
        for (int from = 0; from < planned.size(); from += BATCH) {
            List<Planned> pending = planned.subList(from, Math.min(planned.size(), from + BATCH));
            for (int round = 1; !pending.isEmpty(); round++) {
                if (round > MAX_ROUNDS) {
                    pending.forEach(p -> errors.add(new AddResponses.RecordError(p.index(), p.id(), CONFLICT)));
                    break;
                }
                Round done = write(organizationId, campaignId, pending, errors);
                successful += done.written();
                done.conflicts().forEach(p -> retried.add(p.id()));
                pending = done.conflicts();
            }
        }
        errors.sort((a, b) -> Long.compare(a.index(), b.index()));
        int batches = (request.records().size() + BATCH - 1) / BATCH;
        return new Outcome(request.records().size(), invalid, successful, retried.size(), batches, errors);
    }

    /** Each record read as {@code {id, data}}; a wrong one, or a repeated id, is that record's error. */
    private static List<Planned> plan(List<JsonNode> records, List<AddResponses.RecordError> errors) {
        Map<String, Planned> planned = new LinkedHashMap<>();
        for (int i = 0; i < records.size(); i++) {
            JsonNode record = records.get(i);
            JsonNode idNode = record.get("id");
            String id =
                    idNode != null && idNode.isString() ? idNode.stringValue().strip() : null;
            try {
                List<String> problems = new ArrayList<>();
                AddCustomersRequest.object(record, Set.of("id", "data"), problems);
                String checked = AddCustomersRequest.requiredText(record, "id", problems);
                if (!problems.isEmpty()) {
                    throw ApiException.validation(problems);
                }
                CustomerPatch patch = UpdateRequests.patch(record.get("data"), "data");
                if (planned.containsKey(checked)) {
                    errors.add(new AddResponses.RecordError(i, checked, "duplicate id in this request"));
                } else {
                    planned.put(checked, new Planned(i, checked, patch));
                }
            } catch (ApiException e) {
                String reason = e.errors().isEmpty() ? e.getMessage() : String.join("; ", e.errors());
                errors.add(new AddResponses.RecordError(i, id == null || id.isEmpty() ? null : id, reason));
            }
        }
        return List.copyOf(planned.values());
    }

    /**
     * One round: reads the pending customers, computes their changes, writes those whose customer is
     * unchanged. Customers not found become errors; the others that changed in between are returned.
     */
    private Round write(
            String organizationId, String campaignId, List<Planned> pending, List<AddResponses.RecordError> errors) {
        Map<String, Versioned> current = repository.find(
                organizationId, campaignId, pending.stream().map(Planned::id).toList());
        List<Planned> found = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        for (Planned p : pending) {
            Versioned read = current.get(p.id());
            if (read == null) {
                errors.add(new AddResponses.RecordError(p.index(), p.id(), "Customer not found"));
            } else {
                found.add(p);
                changes.add(
                        new Change(p.patch().applyTo(read.customer()), p.patch().customJson(), read.version()));
            }
        }
        if (found.isEmpty()) {
            return new Round(0, List.of());
        }
        return transaction.execute(status -> {
            campaigns.lockForWrite(organizationId, campaignId, false);
            boolean[] written = repository.updateIfUnchanged(organizationId, campaignId, changes);
            List<Planned> conflicts = new ArrayList<>();
            Set<String> setNames = new HashSet<>();
            Set<String> removedNames = new HashSet<>();
            for (int i = 0; i < written.length; i++) {
                if (written[i]) {
                    setNames.addAll(found.get(i).patch().setCustomNames());
                    removedNames.addAll(found.get(i).patch().removedCustomNames());
                } else {
                    conflicts.add(found.get(i));
                }
            }
            customFields.add(organizationId, campaignId, setNames);
            customFields.prune(organizationId, campaignId, removedNames);
            return new Round(found.size() - conflicts.size(), conflicts);
        });
    }
}
