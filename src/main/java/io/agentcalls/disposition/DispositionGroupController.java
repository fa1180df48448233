package io.agentcalls.disposition;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import io.agentcalls.common.ApiException;
import io.agentcalls.organization.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
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

/** The TimePay Agents API's disposition group pages, at their paths. */
@Tag(name = "Disposition groups (TimePay)")
@RestController
@RequestMapping("/api/v1/dispositions/groups")
class DispositionGroupController {

    private final DispositionGroups groups;

    DispositionGroupController(DispositionGroups groups) {
        this.groups = groups;
    }

    record CreateGroupRequest(String name, String description, List<String> dispositions) {}

    /** A partial update; {@code dispositions} replaces the whole list. An explicit null is refused. */
    static final class UpdateGroupRequest {
        @JsonSetter(nulls = Nulls.FAIL)
        String name;

        @JsonSetter(nulls = Nulls.FAIL)
        String description;

        @JsonSetter(nulls = Nulls.FAIL)
        List<String> dispositions;
    }

    record MembersRequest(List<String> dispositions) {}

    @Operation(
            operationId = "listDispositionGroups",
            summary = "List disposition groups",
            description =
                    "Numbered pages (`page`), filtered by `search`; `expand=true` includes each group's dispositions.")
    @GetMapping("/list")
    DocumentedPage.Listed<DispositionGroup> list(
            Caller caller,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String search,
            @RequestParam(required = false) String expand) {
        return groups.list(
                caller.organizationId(), search, expand(expand), DocumentedPage.of(page, DispositionGroups.PAGE_SIZE));
    }

    @Operation(
            operationId = "getDispositionGroup",
            summary = "Get a disposition group",
            description = "One group; `expand=true` includes its dispositions.")
    @GetMapping("/{groupId}")
    DocumentedAnswers.WithData<DispositionGroup> get(
            Caller caller, @PathVariable String groupId, @RequestParam(required = false) String expand) {
        return DocumentedAnswers.data(groups.get(caller.organizationId(), groupId, expand(expand)));
    }

    @Operation(
            operationId = "createDispositionGroup",
            responses =
                    @io.swagger.v3.oas.annotations.responses.ApiResponse(
                            responseCode = "409",
                            description = "A group of this name exists",
                            ref = "#/components/responses/Conflict"),
            summary = "Create a disposition group",
            description = "A group of dispositions; a group is what Initiate Call(s) takes as `dispositionId`.")
    @PostMapping("/create")
    @ResponseStatus(HttpStatus.CREATED)
    DocumentedAnswers.WithData<DispositionGroup> create(Caller caller, @RequestBody CreateGroupRequest request) {
        var command = new DispositionGroups.GroupCommand(request.name(), request.description(), request.dispositions());
        return DocumentedAnswers.created(
                "Disposition group created successfully", groups.create(caller.organizationId(), command));
    }

    @Operation(
            operationId = "updateDispositionGroup",
            responses = {
                @io.swagger.v3.oas.annotations.responses.ApiResponse(
                        responseCode = "200",
                        description = "The group as changed"),
                @io.swagger.v3.oas.annotations.responses.ApiResponse(
                        responseCode = "409",
                        description = "A group of this name exists",
                        ref = "#/components/responses/Conflict")
            },
            summary = "Update a disposition group",
            description = "Changes only the fields given; `dispositions` replaces the whole list.")
    @PutMapping("/{groupId}")
    DocumentedAnswers.Updated update(
            Caller caller, @PathVariable String groupId, @RequestBody UpdateGroupRequest request) {
        var command = new DispositionGroups.GroupCommand(request.name, request.description, request.dispositions);
        return DocumentedAnswers.updated(
                "Disposition group updated successfully", groups.update(caller.organizationId(), groupId, command));
    }

    @Operation(
            operationId = "deleteDispositionGroup",
            summary = "Delete a disposition group",
            description = "Deletes the group (its dispositions stay).")
    @DeleteMapping("/{groupId}")
    DocumentedAnswers.Done delete(Caller caller, @PathVariable String groupId) {
        groups.delete(caller.organizationId(), groupId);
        return DocumentedAnswers.done("Disposition group deleted successfully");
    }

    @Operation(
            operationId = "addDispositionsToGroup",
            summary = "Add dispositions to a group",
            description = "Adds the dispositions named by id to the group.")
    @PostMapping("/{groupId}/dispositions")
    DocumentedAnswers.Done add(Caller caller, @PathVariable String groupId, @RequestBody MembersRequest request) {
        groups.add(caller.organizationId(), groupId, request.dispositions());
        return DocumentedAnswers.done("Dispositions added to group successfully");
    }

    @Operation(
            operationId = "removeDispositionsFromGroup",
            summary = "Remove dispositions from a group",
            description = "Removes the dispositions named by id from the group.")
    @DeleteMapping("/{groupId}/dispositions")
    DocumentedAnswers.Done remove(Caller caller, @PathVariable String groupId, @RequestBody MembersRequest request) {
        groups.remove(caller.organizationId(), groupId, request.dispositions());
        return DocumentedAnswers.done("Dispositions removed from group successfully");
    }

    /** {@code expand}: {@code true} or {@code false} (the default), nothing else. */
    private static boolean expand(String expand) {
        if (expand == null || expand.isEmpty() || expand.equals("false")) {
            return false;
        }
        if (expand.equals("true")) {
            return true;
        }
        throw ApiException.validation("expand must be true or false");
    }
}
