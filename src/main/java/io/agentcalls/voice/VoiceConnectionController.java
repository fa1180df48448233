package io.agentcalls.voice;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import io.agentcalls.common.ApiResponse;
import io.agentcalls.common.PageRequest;
import io.agentcalls.organization.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
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

@RestController
@RequestMapping("/api/v1/voice-connections")
@Tag(name = "Voice connections")
class VoiceConnectionController {

    static final int MAX_CONCURRENT = 10_000;
    private static final String NOT_BLANK = "(?s).*\\S.*";
    private static final String NO_SPACE = "\\S+";
    private static final String CONCURRENT_RANGE = "must be from 1 to " + MAX_CONCURRENT;
    private static final String RATE_RANGE = "must be more than 0 and at most 1000";

    private final VoiceConnections connections;

    VoiceConnectionController(VoiceConnections connections) {
        this.connections = connections;
    }

    record CreateConnectionRequest(
            @NotBlank @Size(max = 40) String provider,
            @NotBlank @Size(max = 200) String name,

            @Pattern(regexp = NO_SPACE, message = "must not be blank or contain spaces") @Size(max = 1_000)
            String apiKey,

            @Pattern(regexp = NO_SPACE, message = "must not be blank or contain spaces") @Size(max = 1_000)
            String webhookSecret,

            @Min(value = 1, message = CONCURRENT_RANGE) @Max(value = MAX_CONCURRENT, message = CONCURRENT_RANGE)
            Integer maxConcurrentCalls,

            @DecimalMin(value = "0", inclusive = false, message = RATE_RANGE)
            @DecimalMax(value = "1000", message = RATE_RANGE)
            Double callsPerSecond) {}

    /** PATCH: absent fields stay; an explicit null is refused. A class, so absent and null differ. */
    static final class UpdateConnectionRequest {
        @JsonSetter(nulls = Nulls.FAIL)
        @Pattern(regexp = NOT_BLANK, message = "must not be blank")
        @Size(max = 200)
        String name;

        @JsonSetter(nulls = Nulls.FAIL)
        @Pattern(regexp = NO_SPACE, message = "must not be blank or contain spaces")
        @Size(max = 1_000)
        String apiKey;

        @JsonSetter(nulls = Nulls.FAIL)
        @Pattern(regexp = NO_SPACE, message = "must not be blank or contain spaces")
        @Size(max = 1_000)
        String webhookSecret;

        @JsonSetter(nulls = Nulls.FAIL)
        @Min(value = 1, message = CONCURRENT_RANGE)
        @Max(value = MAX_CONCURRENT, message = CONCURRENT_RANGE)
        Integer maxConcurrentCalls;

        @JsonSetter(nulls = Nulls.FAIL)
        @DecimalMin(value = "0", inclusive = false, message = RATE_RANGE)
        @DecimalMax(value = "1000", message = RATE_RANGE)
        Double callsPerSecond;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Create a voice connection",
            operationId = "createVoiceConnection",
            description =
                    "Stores the organization's key at a provider (`vapi` or `retell`), encrypted at rest, with its webhook secret and caps. The answer never shows the key again (only its last 4 characters), and gives the webhook path to configure at the provider.")
    ApiResponse<VoiceConnection> create(Caller caller, @Valid @RequestBody CreateConnectionRequest request) {
        return ApiResponse.of(connections.create(
                caller.organizationId(),
                new VoiceConnections.NewConnection(
                        request.provider(),
                        request.name(),
                        request.apiKey(),
                        request.webhookSecret(),
                        request.maxConcurrentCalls(),
                        request.callsPerSecond())));
    }

    @GetMapping
    @Operation(
            summary = "List voice connections",
            operationId = "listVoiceConnections",
            description = "The organization's voice connections, oldest first, a page at a time (`limit`, `cursor`).")
    ApiResponse<List<VoiceConnection>> list(
            Caller caller,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor) {
        return ApiResponse.page(connections.list(caller.organizationId(), PageRequest.of(limit, cursor)));
    }

    @GetMapping("/{connectionId}")
    @Operation(
            summary = "Get a voice connection",
            operationId = "getVoiceConnection",
            description = "One voice connection, without its secrets.")
    ApiResponse<VoiceConnection> get(Caller caller, @PathVariable String connectionId) {
        return ApiResponse.of(connections.get(caller.organizationId(), connectionId));
    }

    @PatchMapping("/{connectionId}")
    @Operation(
            summary = "Change a voice connection",
            operationId = "updateVoiceConnection",
            description = "Changes only the fields given: its name, key, webhook secret or caps.")
    ApiResponse<VoiceConnection> update(
            Caller caller, @PathVariable String connectionId, @Valid @RequestBody UpdateConnectionRequest request) {
        return ApiResponse.of(connections.update(
                caller.organizationId(),
                connectionId,
                new VoiceConnections.ConnectionChanges(
                        request.name,
                        request.apiKey,
                        request.webhookSecret,
                        request.maxConcurrentCalls,
                        request.callsPerSecond)));
    }

    @DeleteMapping("/{connectionId}")
    @Operation(
            summary = "Delete a voice connection no agent uses",
            operationId = "deleteVoiceConnection",
            description =
                    "Deletes the connection and its stored secrets; refused with `409` while an agent dials through it.")
    ApiResponse<Void> delete(Caller caller, @PathVariable String connectionId) {
        connections.delete(caller.organizationId(), connectionId);
        return new ApiResponse<>(true, null, null);
    }

    @PostMapping("/{connectionId}/test")
    @Operation(
            summary = "Check a voice connection's credentials with the provider",
            operationId = "testVoiceConnection",
            description =
                    "Asks the provider whether the stored key is accepted, without placing a call; the answer says whether it was and why not.")
    ApiResponse<ConnectionCheck> test(Caller caller, @PathVariable String connectionId) {
        return ApiResponse.of(connections.test(caller.organizationId(), connectionId));
    }
}
