package io.agentcalls.number;

import io.agentcalls.common.ApiResponse;
import io.agentcalls.common.PageRequest;
import io.agentcalls.organization.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Do not call")
@RestController
@RequestMapping("/api/v1/dnc")
class DoNotCallController {

    private final DoNotCallService doNotCall;

    DoNotCallController(DoNotCallService doNotCall) {
        this.doNotCall = doNotCall;
    }

    record AddToDoNotCallRequest(List<String> phones) {}

    @Operation(
            operationId = "addToDoNotCall",
            summary = "Add numbers to the do-not-call list",
            description = "These numbers are never called again, in any campaign of the organization.")
    @PostMapping
    ApiResponse<DoNotCallService.DoNotCallAddition> add(Caller caller, @RequestBody AddToDoNotCallRequest request) {
        return ApiResponse.of(doNotCall.add(caller.organizationId(), request.phones()));
    }

    /** A raw {@code +} in a path stays a plus; {@code %2B} is decoded to one before we see it. */
    @Operation(
            operationId = "removeFromDoNotCall",
            summary = "Remove a number from the do-not-call list",
            description = "The number (E.164; `+` may be sent as is or as `%2B`) may be called again.")
    @DeleteMapping("/{phone}")
    ApiResponse<Void> remove(Caller caller, @PathVariable String phone) {
        doNotCall.remove(caller.organizationId(), phone);
        return new ApiResponse<>(true, null, null);
    }

    @Operation(
            operationId = "listDoNotCall",
            summary = "List the do-not-call list",
            description = "A page at a time, or the one entry of `phone`.")
    @GetMapping
    ApiResponse<List<DoNotCallEntry>> list(
            Caller caller,
            @RequestParam(required = false) String phone,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor) {
        return ApiResponse.page(
                doNotCall.list(caller.organizationId(), restorePlus(phone), PageRequest.of(limit, cursor)));
    }

    /** In a query string an unencoded {@code +} arrives as a space; a phone never starts with one. */
    private static String restorePlus(String phone) {
        return phone != null && phone.startsWith(" ") ? "+" + phone.substring(1) : phone;
    }
}
