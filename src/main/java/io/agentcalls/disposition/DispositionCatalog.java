package io.agentcalls.disposition;

import io.agentcalls.common.ApiException;
import io.agentcalls.common.Ids;
import java.util.ArrayList;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The documented dispositions: create, read, list, update and delete, with the catalogue's rules. */
@Service
class DispositionCatalog {

    static final String NOT_FOUND = "Disposition not found";
    static final String DUPLICATE_NAME = "A disposition with this name already exists";
    static final int PAGE_SIZE = 20;

    private final DispositionRepository dispositions;
    private final DispositionGroupRepository groups;

    DispositionCatalog(DispositionRepository dispositions, DispositionGroupRepository groups) {
        this.dispositions = dispositions;
        this.groups = groups;
    }

    /** A new disposition: name required; priority 500, category neutral and a code from the name by default. */
    record NewDispositionCommand(String name, String description, Integer priority, String code, String category) {}

    @Transactional
    Disposition create(String organizationId, NewDispositionCommand command) {
        List<String> errors = new ArrayList<>();
        DispositionFields.name(command.name(), true, errors);
        DispositionFields.description(command.description(), errors);
        DispositionFields.priority(command.priority(), errors);
        DispositionFields.code(command.code(), errors);
        DispositionFields.category(command.category(), errors);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        String id = Ids.newId("dis");
        String name = command.name().strip();
        var row = new DispositionRepository.NewDisposition(
                name,
                command.description(),
                command.priority() == null ? DispositionFields.DEFAULT_PRIORITY : command.priority(),
                command.code() == null ? DispositionFields.codeFor(name, id) : command.code(),
                command.category() == null ? DispositionFields.DEFAULT_CATEGORY : command.category());
        if (!dispositions.insert(organizationId, id, row)) {
            throw ApiException.conflict(DUPLICATE_NAME);
        }
        return dispositions.find(organizationId, id).orElseThrow();
    }

    Disposition get(String organizationId, String id) {
        return find(organizationId, id).orElseThrow(() -> ApiException.notFound(NOT_FOUND));
    }

    private java.util.Optional<Disposition> find(String organizationId, String id) {
        return Ids.looksLike("dis", id) ? dispositions.find(organizationId, id) : java.util.Optional.empty();
    }

    DocumentedPage.Listed<Disposition> list(String organizationId, String search, DocumentedPage page) {
        String pattern = SearchPattern.of(search);
        return page.answer(
                dispositions.page(organizationId, pattern, page.limit(), page.offset()),
                dispositions.count(organizationId, pattern));
    }

    /**
     * Changes the given fields; the groups it belongs to show its new name and category.
     *
     * @return the fields given
     */
    @Transactional
    List<String> update(String organizationId, String id, DispositionChanges changes) {
        List<String> errors = changes.errors();
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        List<String> fields = changes.fields();
        if (fields.isEmpty()) {
            throw ApiException.badRequest("No valid fields provided for update");
        }
        boolean updated;
        try {
            updated = Ids.looksLike("dis", id) && dispositions.update(organizationId, id, changes);
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict(DUPLICATE_NAME);
        }
        if (!updated) {
            throw ApiException.notFound(NOT_FOUND);
        }
        if (changes.name() != null || changes.category() != null) {
            Disposition now = dispositions.find(organizationId, id).orElseThrow();
            groups.refreshMember(organizationId, now);
        }
        return fields;
    }

    /**
     * Deletes a disposition that no group holds. The row is locked first, so a group that is taking
     * it either commits before (and is named here) or finds it deleted.
     */
    @Transactional
    void delete(String organizationId, String id) {
        if (!Ids.looksLike("dis", id) || !dispositions.lock(organizationId, id)) {
            boolean another = Ids.looksLike("dis", id)
                    && dispositions
                            .owner(id)
                            .filter(o -> !o.equals(organizationId))
                            .isPresent();
            throw another ? new ApiException(HttpStatus.FORBIDDEN, "Access denied") : ApiException.notFound(NOT_FOUND);
        }
        List<String> holders = groups.liveGroupNamesHolding(organizationId, id);
        if (!holders.isEmpty()) {
            throw ApiException.badRequest(
                    "Cannot delete: Disposition is used in group(s): " + String.join(", ", holders));
        }
        dispositions.softDelete(organizationId, id);
    }
}
