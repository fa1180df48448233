package io.agentcalls.number;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import io.agentcalls.common.ApiException;
import io.agentcalls.common.ApiResponse;
import io.agentcalls.common.PageRequest;
import io.agentcalls.organization.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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

@Tag(name = "Phone numbers")
@RestController
@RequestMapping("/api/v1/phone-numbers")
class PhoneNumberController {

    /** For optional text: absent is fine, but given it must say something. */
    private static final String NOT_BLANK = "(?s).*\\S.*";

    private static final String RANGE = "must be from 1 to " + PhoneNumberService.MAX_CONCURRENT_CALLS_LIMIT;

    private final PhoneNumberService numbers;

    PhoneNumberController(PhoneNumberService numbers) {
        this.numbers = numbers;
    }

    record CreatePhoneNumberRequest(
            @NotBlank String number,
            Boolean active,

            @Min(value = 1, message = RANGE)
            @Max(value = PhoneNumberService.MAX_CONCURRENT_CALLS_LIMIT, message = RANGE)
            Integer maxConcurrentCalls,

            @Pattern(regexp = NOT_BLANK, message = "must not be blank") @Size(max = 200)
            String providerNumberId) {}

    /**
     * PATCH: absent fields stay as they are; an explicit null is refused. A class, not a record,
     * because Jackson fills a record's absent fields with null, which would look explicit.
     */
    static final class UpdatePhoneNumberRequest {
        @JsonSetter(nulls = Nulls.FAIL)
        Boolean active;

        @JsonSetter(nulls = Nulls.FAIL)
        @Min(value = 1, message = RANGE)
        @Max(value = PhoneNumberService.MAX_CONCURRENT_CALLS_LIMIT, message = RANGE)
        Integer maxConcurrentCalls;

        @JsonSetter(nulls = Nulls.FAIL)
        @Pattern(regexp = NOT_BLANK, message = "must not be blank")
        @Size(max = 200)
        String providerNumberId;
    }

    @Operation(
            operationId = "createPhoneNumber",
            responses =
                    @io.swagger.v3.oas.annotations.responses.ApiResponse(
                            responseCode = "409",
                            description = "The number is registered already",
                            ref = "#/components/responses/Conflict"),
            summary = "Add a caller-ID number",
            description =
                    "A number calls are placed from (E.164 stored); at least one active number is needed to initiate calls.")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ApiResponse<PhoneNumber> create(Caller caller, @Valid @RequestBody CreatePhoneNumberRequest request) {
        return ApiResponse.of(numbers.create(
                caller.organizationId(),
                request.number(),
                request.active() == null || request.active(),
                request.maxConcurrentCalls() == null
                        ? PhoneNumberService.DEFAULT_MAX_CONCURRENT_CALLS
                        : request.maxConcurrentCalls(),
                request.providerNumberId()));
    }

    @Operation(
            operationId = "listPhoneNumbers",
            summary = "List caller-ID numbers",
            description = "A page at a time, filtered by `active` (`true` or `false`).")
    @GetMapping
    ApiResponse<List<PhoneNumber>> list(
            Caller caller,
            @RequestParam(required = false) String active,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor) {
        return ApiResponse.page(
                numbers.list(caller.organizationId(), activeFilter(active), PageRequest.of(limit, cursor)));
    }

    @Operation(operationId = "getPhoneNumber", summary = "Get a caller-ID number", description = "One number by id.")
    @GetMapping("/{numberId}")
    ApiResponse<PhoneNumber> get(Caller caller, @PathVariable String numberId) {
        return ApiResponse.of(numbers.get(caller.organizationId(), numberId));
    }

    @Operation(
            operationId = "updatePhoneNumber",
            summary = "Update a caller-ID number",
            description = "Turns the number on or off, or changes how many calls it carries at once.")
    @PatchMapping("/{numberId}")
    ApiResponse<PhoneNumber> update(
            Caller caller, @PathVariable String numberId, @Valid @RequestBody UpdatePhoneNumberRequest request) {
        return ApiResponse.of(numbers.update(
                caller.organizationId(),
                numberId,
                request.active,
                request.maxConcurrentCalls,
                request.providerNumberId));
    }

    @Operation(
            operationId = "deletePhoneNumber",
            summary = "Delete a caller-ID number",
            description = "Removes the number; calls already made keep it.")
    @DeleteMapping("/{numberId}")
    ApiResponse<Void> delete(Caller caller, @PathVariable String numberId) {
        numbers.delete(caller.organizationId(), numberId);
        return new ApiResponse<>(true, null, null);
    }

    /** Only the two literal values: "yes" or "1" are more likely a mistake than a choice. */
    private static Boolean activeFilter(String active) {
        if (active == null || active.isEmpty()) {
            return null;
        }
        return switch (active) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ApiException.validation("active must be true or false");
        };
    }
}
