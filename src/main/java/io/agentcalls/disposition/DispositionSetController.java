package io.agentcalls.disposition;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import io.agentcalls.common.ApiResponse;
import io.agentcalls.common.PageRequest;
import io.agentcalls.organization.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Disposition sets")
@RestController
@RequestMapping("/api/v1/disposition-sets")
class DispositionSetController {

    private final DispositionService dispositions;

    DispositionSetController(DispositionService dispositions) {
        this.dispositions = dispositions;
    }

    /** The codes are checked by {@link DispositionCodeRules}, which names each bad entry by index. */
    record CreateDispositionSetRequest(
            @NotBlank @Size(max = 200) String name, List<DispositionCode> codes) {}

    /**
     * PATCH: absent fields stay as they are; an explicit null is refused. A class, not a record,
     * because Jackson fills a record's absent fields with null, which would look explicit.
     */
    static final class UpdateDispositionSetRequest {
        @JsonSetter(nulls = Nulls.FAIL)
        @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
        @Size(max = 200)
        String name;

        @JsonSetter(nulls = Nulls.FAIL)
        List<DispositionCode> codes;
    }

    @Operation(
            operationId = "createDispositionSet",
            responses =
                    @io.swagger.v3.oas.annotations.responses.ApiResponse(
                            responseCode = "409",
                            description = "A set or group of this name exists",
                            ref = "#/components/responses/Conflict"),
            summary = "Create a disposition set",
            description = "A named set of codes the runner classifies each call's outcome with.")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ApiResponse<DispositionSet> create(Caller caller, @Valid @RequestBody CreateDispositionSetRequest request) {
        return ApiResponse.of(dispositions.create(caller.organizationId(), request.name(), request.codes()));
    }

    @Operation(
            operationId = "listDispositionSets",
            summary = "List disposition sets",
            description = "A page at a time (`limit`, `cursor`).")
    @GetMapping
    ApiResponse<List<DispositionSet>> list(
            Caller caller,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor) {
        return ApiResponse.page(dispositions.list(caller.organizationId(), PageRequest.of(limit, cursor)));
    }

    @Operation(
            operationId = "getDispositionSet",
            summary = "Get a disposition set",
            description = "One set with its codes.")
    @GetMapping("/{groupId}")
    ApiResponse<DispositionSet> get(Caller caller, @PathVariable String groupId) {
        return ApiResponse.of(dispositions.get(caller.organizationId(), groupId));
    }

    @Operation(
            operationId = "updateDispositionSet",
            responses = {
                @io.swagger.v3.oas.annotations.responses.ApiResponse(
                        responseCode = "200",
                        description = "The disposition set as changed"),
                @io.swagger.v3.oas.annotations.responses.ApiResponse(
                        responseCode = "409",
                        description = "A set or group of this name exists",
                        ref = "#/components/responses/Conflict")
            },
            summary = "Update a disposition set",
            description = "Changes only the fields given; `codes` replaces the whole list.")
    @PatchMapping("/{groupId}")
    ApiResponse<DispositionSet> update(
            Caller caller, @PathVariable String groupId, @Valid @RequestBody UpdateDispositionSetRequest request) {
        return ApiResponse.of(dispositions.update(caller.organizationId(), groupId, request.name, request.codes));
    }

    @Operation(
            operationId = "deleteDispositionSet",
            summary = "Delete a disposition set",
            description = "Deletes the set; calls already made keep its id.")
    @DeleteMapping("/{groupId}")
    ApiResponse<Void> delete(Caller caller, @PathVariable String groupId) {
        dispositions.delete(caller.organizationId(), groupId);
        return new ApiResponse<>(true, null, null);
    }
}
