package io.agentcalls.disposition;

import io.agentcalls.common.ApiException;
import io.agentcalls.common.Ids;
import io.agentcalls.common.Page;
import io.agentcalls.common.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Disposition sets (groups seen with their codes) of an organization: what Initiate Call(s) names
 * as {@code dispositionId} and the call feature checks a call's outcome code against; and the set
 * API of {@code /api/v1/disposition-sets}, which makes a group and its dispositions in one request.
 */
@Service
public class DispositionService {

    private static final String NOT_FOUND = "Disposition not found";

    private final DispositionSetRepository sets;
    private final DispositionGroupRepository groups;
    private final DispositionRepository dispositions;

    DispositionService(
            DispositionSetRepository sets, DispositionGroupRepository groups, DispositionRepository dispositions) {
        this.sets = sets;
        this.groups = groups;
        this.dispositions = dispositions;
    }

    /** A set: a group whose members are the codes given, each a disposition found or made for it. */
    @Transactional
    public DispositionSet create(String organizationId, String name, List<DispositionCode> codes) {
        List<DispositionCode> checked = checked(codes);
        String id = Ids.newId("dsp");
        if (!groups.insert(organizationId, id, name.strip(), null)) {
            throw ApiException.conflict(DispositionGroups.DUPLICATE_NAME);
        }
        sets.replaceCodes(organizationId, id, entries(organizationId, checked));
        return sets.find(organizationId, id).orElseThrow();
    }

    /** The set (group), unless it does not exist, belongs to another organization, or was deleted. */
    public Optional<DispositionSet> find(String organizationId, String dispositionSetId) {
        if (!Ids.looksLike("dsp", dispositionSetId)) {
            return Optional.empty();
        }
        return sets.find(organizationId, dispositionSetId);
    }

    /**
     * The codes of a set (the group a call was classified into) whose dispositions the group {@code
     * groupId} holds too: the outcomes that group stands for, as a call of that set reports them. A
     * group deleted or unknown holds none.
     */
    public Set<String> codesAlsoIn(String organizationId, String dispositionSetId, String groupId) {
        if (!Ids.looksLike("dsp", groupId)) {
            return Set.of();
        }
        return sets.codesAlsoIn(organizationId, dispositionSetId, groupId);
    }

    DispositionSet get(String organizationId, String dispositionSetId) {
        return find(organizationId, dispositionSetId).orElseThrow(() -> ApiException.notFound(NOT_FOUND));
    }

    public Page<DispositionSet> list(String organizationId, PageRequest page) {
        return Page.fromOverfetch(
                sets.list(organizationId, page.after(), page.fetchSize()), page.limit(), DispositionSet::id);
    }

    /** Renames the set and/or replaces its whole list of codes; a null argument stays as it is. */
    @Transactional
    public DispositionSet update(
            String organizationId, String dispositionSetId, String name, List<DispositionCode> codes) {
        List<DispositionCode> checked = codes == null ? null : checked(codes);
        boolean found;
        try {
            found = Ids.looksLike("dsp", dispositionSetId)
                    && groups.update(organizationId, dispositionSetId, name == null ? null : name.strip(), null);
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict(DispositionGroups.DUPLICATE_NAME);
        }
        if (!found) {
            throw ApiException.notFound(NOT_FOUND);
        }
        if (checked != null) {
            sets.replaceCodes(organizationId, dispositionSetId, entries(organizationId, checked));
        }
        return sets.find(organizationId, dispositionSetId).orElseThrow();
    }

    public void delete(String organizationId, String dispositionSetId) {
        if (!Ids.looksLike("dsp", dispositionSetId) || !groups.softDelete(organizationId, dispositionSetId)) {
            throw ApiException.notFound(NOT_FOUND);
        }
    }

    /**
     * Each code as the disposition with that code, label (as its name) and category, made when the
     * organization has none. A label another disposition has as its name makes the new one's name
     * "label (CODE)", or with its id besides; the set still shows the label it was given.
     */
    private List<DispositionSetRepository.Entry> entries(String organizationId, List<DispositionCode> codes) {
        List<DispositionSetRepository.Entry> entries = new ArrayList<>(codes.size());
        for (DispositionCode c : codes) {
            String dispositionId = dispositions
                    .findEntry(organizationId, c.code(), c.label(), c.category())
                    .map(Disposition::id)
                    .orElseGet(() -> newDisposition(organizationId, c));
            entries.add(new DispositionSetRepository.Entry(dispositionId, c.code(), c.label(), c.category()));
        }
        return entries;
    }

    private String newDisposition(String organizationId, DispositionCode c) {
        String id = Ids.newId("dis");
        for (String name :
                List.of(c.label(), c.label() + " (" + c.code() + ")", c.label() + " (" + c.code() + ") " + id)) {
            var row = new DispositionRepository.NewDisposition(
                    name, null, DispositionFields.DEFAULT_PRIORITY, c.code(), c.category());
            if (dispositions.insert(organizationId, id, row)) {
                return id;
            }
        }
        throw new IllegalStateException("no free name for a disposition with its own id in it");
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
