package io.agentcalls.number;

import io.agentcalls.common.ApiResponse;
import io.agentcalls.common.PageRequest;
import io.agentcalls.organization.Caller;
import java.util.List;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/dnc")
class DoNotCallController {

    private final DoNotCallService doNotCall;

    DoNotCallController(DoNotCallService doNotCall) {
        this.doNotCall = doNotCall;
    }

    record AddToDoNotCallRequest(List<String> phones) {}

    @PostMapping
    ApiResponse<DoNotCallService.DoNotCallAddition> add(Caller caller, @RequestBody AddToDoNotCallRequest request) {
        return ApiResponse.of(doNotCall.add(caller.organizationId(), request.phones()));
    }

    /** A raw {@code +} in a path stays a plus; {@code %2B} is decoded to one before we see it. */
    @DeleteMapping("/{phone}")
    ApiResponse<Void> remove(Caller caller, @PathVariable String phone) {
        doNotCall.remove(caller.organizationId(), phone);
        return new ApiResponse<>(true, null, null);
    }

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
