package io.agentcalls.disposition;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import io.agentcalls.organization.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The TimePay Agents API's dispositions pages (list, get, create, update, delete), at their paths. */
@Tag(name = "Dispositions (TimePay)")
@RestController
@RequestMapping("/api/v1/dispositions")
class DispositionController {

    private final DispositionCatalog catalog;

    DispositionController(DispositionCatalog catalog) {
        this.catalog = catalog;
    }

    /** The documented fields, and our optional {@code code} and {@code category}. */
    record CreateDispositionRequest(String name, String description, Integer priority, String code, String category) {}

    /** A partial update: absent fields stay; an explicit null is refused. Not a record (absent is not null). */
    static final class UpdateDispositionRequest {
        @JsonSetter(nulls = Nulls.FAIL)
        String name;

        @JsonSetter(nulls = Nulls.FAIL)
        String description;

        @JsonSetter(nulls = Nulls.FAIL)
        Integer priority;

        @JsonSetter(nulls = Nulls.FAIL)
        String category;

        @JsonSetter(nulls = Nulls.FAIL)
        String code;
    }

    @Operation(
            operationId = "createDisposition",
            summary = "Create a disposition",
            description = "The TimePay Agents API's Create Disposition.")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    DocumentedAnswers.WithData<Disposition> create(Caller caller, @RequestBody CreateDispositionRequest request) {
        var command = new DispositionCatalog.NewDispositionCommand(
                request.name(), request.description(), request.priority(), request.code(), request.category());
        return DocumentedAnswers.created(
                "Disposition created successfully", catalog.create(caller.organizationId(), command));
    }

    @Operation(
            operationId = "listDispositions",
            summary = "List dispositions",
            description = "Numbered pages (`page`), filtered by `search` on the name.")
    @GetMapping
    DocumentedPage.Listed<Disposition> list(
            Caller caller, @RequestParam(required = false) String page, @RequestParam(required = false) String search) {
        return catalog.list(caller.organizationId(), search, DocumentedPage.of(page, DispositionCatalog.PAGE_SIZE));
    }

    @Operation(operationId = "getDisposition", summary = "Get a disposition", description = "One disposition by id.")
    @GetMapping("/{dispositionId}")
    DocumentedAnswers.WithData<Disposition> get(Caller caller, @PathVariable String dispositionId) {
        return DocumentedAnswers.data(catalog.get(caller.organizationId(), dispositionId));
    }

    @Operation(
            operationId = "updateDisposition",
            summary = "Update a disposition",
            description = "Changes only the fields given; `null` is refused.")
    @PutMapping("/{dispositionId}")
    DocumentedAnswers.Updated update(
            Caller caller, @PathVariable String dispositionId, @RequestBody UpdateDispositionRequest request) {
        var changes = new DispositionChanges(
                request.name, request.description, request.priority, request.category, request.code);
        return DocumentedAnswers.updated(
                "Disposition updated successfully", catalog.update(caller.organizationId(), dispositionId, changes));
    }

    @Operation(
            operationId = "deleteDisposition",
            summary = "Delete a disposition",
            description = "Deletes the disposition.")
    @DeleteMapping("/{dispositionId}")
    DocumentedAnswers.Done delete(Caller caller, @PathVariable String dispositionId) {
        catalog.delete(caller.organizationId(), dispositionId);
        return DocumentedAnswers.done("Disposition deleted successfully");
    }
}
