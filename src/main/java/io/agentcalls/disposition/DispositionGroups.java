package io.agentcalls.disposition;

import io.agentcalls.common.ApiException;
import io.agentcalls.common.Ids;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The documented disposition groups: the groups, their members, and the catalogue's rules. */
@Service
class DispositionGroups {

    static final String NOT_FOUND = "Disposition group not found";
    static final String DUPLICATE_NAME = "A group with this name already exists";
    static final String EMPTY = "dispositions must be a non-empty array";
    static final int PAGE_SIZE = 50;

    private final DispositionGroupRepository groups;
    private final DispositionRepository dispositions;

    DispositionGroups(DispositionGroupRepository groups, DispositionRepository dispositions) {
        this.groups = groups;
        this.dispositions = dispositions;
    }

    /** What a create or update says; null fields are not given (create requires the name). */
    record GroupCommand(String name, String description, List<String> dispositions) {

        List<String> fields() {
            List<String> fields = new ArrayList<>();
            if (name != null) {
                fields.add("name");
            }
            if (description != null) {
                fields.add("description");
            }
            if (dispositions != null) {
                fields.add("dispositions");
            }
            return fields;
        }
    }

    @Transactional
    DispositionGroup create(String organizationId, GroupCommand command) {
        List<String> errors = new ArrayList<>();
        DispositionFields.name(command.name(), true, errors);
        DispositionFields.description(command.description(), errors);
        List<String> ids =
                GroupMembers.distinct(command.dispositions() == null ? List.of() : command.dispositions(), errors);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        GroupMembers.check(ids, dispositions.shareLive(organizationId, ids), Map.of(), true);
        String id = Ids.newId("dsp");
        if (!groups.insert(organizationId, id, command.name().strip(), command.description())) {
            throw ApiException.conflict(DUPLICATE_NAME);
        }
        groups.append(organizationId, id, ids);
        return get(organizationId, id, false);
    }

    DispositionGroup get(String organizationId, String id, boolean expand) {
        if (!Ids.looksLike("dsp", id)) {
            throw ApiException.notFound(NOT_FOUND);
        }
        var row = groups.find(organizationId, id).orElseThrow(() -> ApiException.notFound(NOT_FOUND));
        return withMembers(organizationId, List.of(row), expand).get(0);
    }

    DocumentedPage.Listed<DispositionGroup> list(
            String organizationId, String search, boolean expand, DocumentedPage page) {
        String pattern = SearchPattern.of(search);
        var rows = groups.page(organizationId, pattern, page.limit(), page.offset());
        return page.answer(withMembers(organizationId, rows, expand), groups.count(organizationId, pattern));
    }

    /** @return the fields given */
    @Transactional
    List<String> update(String organizationId, String id, GroupCommand command) {
        List<String> fields = command.fields();
        if (fields.isEmpty()) {
            throw ApiException.badRequest("No valid fields provided for update");
        }
        List<String> errors = new ArrayList<>();
        DispositionFields.name(command.name(), false, errors);
        DispositionFields.description(command.description(), errors);
        List<String> ids =
                command.dispositions() == null ? null : GroupMembers.distinct(command.dispositions(), errors);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        lock(organizationId, id, command.name() == null ? null : command.name().strip(), command.description());
        if (ids != null) {
            GroupMembers.check(ids, dispositions.shareLive(organizationId, ids), Map.of(), true);
            groups.clear(organizationId, id);
            groups.append(organizationId, id, ids);
        }
        return fields;
    }

    @Transactional
    void delete(String organizationId, String id) {
        if (!Ids.looksLike("dsp", id) || !groups.softDelete(organizationId, id)) {
            throw ApiException.notFound(NOT_FOUND);
        }
    }

    /** Adds the dispositions not in the group yet, after its members; repeats and members are ignored. */
    @Transactional
    void add(String organizationId, String id, List<String> dispositionIds) {
        List<String> ids = nonEmpty(dispositionIds);
        lock(organizationId, id, null, null);
        Map<String, String> members = memberCodes(organizationId, id);
        List<String> added = ids.stream().filter(d -> !members.containsKey(d)).toList();
        GroupMembers.check(added, dispositions.shareLive(organizationId, added), members, true);
        if (members.size() + added.size() > GroupMembers.MAX_IDS) {
            throw ApiException.validation("a group holds at most " + GroupMembers.MAX_IDS + " dispositions");
        }
        groups.append(organizationId, id, added);
    }

    /**
     * Removes these dispositions from the group: each must be a disposition of the organization
     * ({@code invalidIds}); those that are not members change nothing.
     */
    @Transactional
    void remove(String organizationId, String id, List<String> dispositionIds) {
        List<String> ids = nonEmpty(dispositionIds);
        lock(organizationId, id, null, null);
        GroupMembers.check(ids, dispositions.shareLive(organizationId, ids), Map.of(), false);
        groups.remove(organizationId, id, ids);
    }

    private static List<String> nonEmpty(List<String> dispositionIds) {
        if (dispositionIds == null || dispositionIds.isEmpty()) {
            throw ApiException.badRequest(EMPTY);
        }
        List<String> errors = new ArrayList<>();
        List<String> ids = GroupMembers.distinct(dispositionIds, errors);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        return ids;
    }

    /** Locks (and touches, renames, describes) the group: membership changes of one group queue up. */
    private void lock(String organizationId, String id, String name, String description) {
        boolean found;
        try {
            found = Ids.looksLike("dsp", id) && groups.update(organizationId, id, name, description);
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict(DUPLICATE_NAME);
        }
        if (!found) {
            throw ApiException.notFound(NOT_FOUND);
        }
    }

    private Map<String, String> memberCodes(String organizationId, String id) {
        Map<String, String> codes = new LinkedHashMap<>();
        groups.members(organizationId, List.of(id))
                .getOrDefault(id, List.of())
                .forEach(d -> codes.put(d.id(), d.code()));
        return codes;
    }

    private List<DispositionGroup> withMembers(
            String organizationId, List<DispositionGroupRepository.GroupRow> rows, boolean expand) {
        var members = groups.members(
                organizationId,
                rows.stream().map(DispositionGroupRepository.GroupRow::id).toList());
        return rows.stream()
                .map(r -> {
                    List<DispositionGroup.Detail> details = members.getOrDefault(r.id(), List.of());
                    return new DispositionGroup(
                            r.id(),
                            r.name(),
                            r.description(),
                            details.stream().map(DispositionGroup.Detail::id).toList(),
                            expand ? details : null,
                            r.createdAt(),
                            r.updatedAt());
                })
                .toList();
    }
}
