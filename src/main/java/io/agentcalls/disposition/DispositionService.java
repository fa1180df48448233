package io.agentcalls.disposition;

import io.agentcalls.common.ApiException;
import io.agentcalls.common.Ids;
import io.agentcalls.common.Page;
import io.agentcalls.common.PageRequest;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Disposition sets of an organization; what the call feature uses to check a call's outcome code. */
@Service
public class DispositionService {

    private static final String NOT_FOUND = "Disposition not found";

    private final DispositionRepository repository;

    DispositionService(DispositionRepository repository) {
        this.repository = repository;
    }

    @Transactional
    public DispositionSet create(String organizationId, String name, List<DispositionCode> codes) {
        List<DispositionCode> checked = checked(codes);
        String id = Ids.newId("dsp");
        repository.insertSet(organizationId, id, name.strip());
        repository.replaceCodes(organizationId, id, checked);
        return repository.find(organizationId, id).orElseThrow();
    }

    /** The set, unless it does not exist, belongs to another organization, or was deleted. */
    public Optional<DispositionSet> find(String organizationId, String dispositionSetId) {
        if (!Ids.looksLike("dsp", dispositionSetId)) {
            return Optional.empty();
        }
        return repository.find(organizationId, dispositionSetId);
    }

    DispositionSet get(String organizationId, String dispositionSetId) {
        return find(organizationId, dispositionSetId).orElseThrow(() -> ApiException.notFound(NOT_FOUND));
    }

    public Page<DispositionSet> list(String organizationId, PageRequest page) {
        return Page.fromOverfetch(
                repository.list(organizationId, page.after(), page.fetchSize()), page.limit(), DispositionSet::id);
    }

    /** Renames the set and/or replaces its whole list of codes; a null argument stays as it is. */
    @Transactional
    public DispositionSet update(
            String organizationId, String dispositionSetId, String name, List<DispositionCode> codes) {
        List<DispositionCode> checked = codes == null ? null : checked(codes);
        if (!Ids.looksLike("dsp", dispositionSetId)
                || !repository.updateSet(organizationId, dispositionSetId, name == null ? null : name.strip())) {
            throw ApiException.notFound(NOT_FOUND);
        }
        if (checked != null) {
            repository.replaceCodes(organizationId, dispositionSetId, checked);
        }
        return repository.find(organizationId, dispositionSetId).orElseThrow();
    }

    public void delete(String organizationId, String dispositionSetId) {
        if (!Ids.looksLike("dsp", dispositionSetId) || !repository.softDelete(organizationId, dispositionSetId)) {
            throw ApiException.notFound(NOT_FOUND);
        }
    }

    private static List<DispositionCode> checked(List<DispositionCode> codes) {
        List<String> errors = DispositionCodeRules.check(codes);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        return codes.stream()
                .map(c -> new DispositionCode(c.code(), c.label().strip(), c.category()))
                .toList();
    }
}
