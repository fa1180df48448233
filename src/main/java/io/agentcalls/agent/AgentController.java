package io.agentcalls.agent;

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

@Tag(name = "Agents")
@RestController
@RequestMapping("/api/v1/agents")
class AgentController {

    /** For optional text: absent is fine, but given it must say something. */
    private static final String NOT_BLANK = "(?s).*\\S.*";

    private final AgentService agents;

    AgentController(AgentService agents) {
        this.agents = agents;
    }

    record CreateAgentRequest(
            @NotBlank @Size(max = 200) String name,

            @Pattern(regexp = NOT_BLANK, message = "must not be blank") @Size(max = 50)
            String language,

            @Pattern(regexp = NOT_BLANK, message = "must not be blank") @Size(max = 100)
            String voice,

            @NotBlank @Size(max = 20_000) String prompt,
            @Size(max = 100) List<String> variables,
            @Size(max = 40) String voiceConnectionId,

            @Pattern(regexp = NOT_BLANK, message = "must not be blank") @Size(max = 200)
            String providerAgentId,

            OutcomeMapping outcomeMapping) {}

    /**
     * PATCH: absent fields stay as they are; an explicit null is refused rather than guessed at. A class,
     * not a record, because Jackson fills a record's absent fields with null, which would look explicit.
     */
    static final class UpdateAgentRequest {
        @JsonSetter(nulls = Nulls.FAIL)
        @Pattern(regexp = NOT_BLANK, message = "must not be blank")
        @Size(max = 200)
        String name;

        @JsonSetter(nulls = Nulls.FAIL)
        @Pattern(regexp = NOT_BLANK, message = "must not be blank")
        @Size(max = 50)
        String language;

        @JsonSetter(nulls = Nulls.FAIL)
        @Pattern(regexp = NOT_BLANK, message = "must not be blank")
        @Size(max = 100)
        String voice;

        @JsonSetter(nulls = Nulls.FAIL)
        @Pattern(regexp = NOT_BLANK, message = "must not be blank")
        @Size(max = 20_000)
        String prompt;

        @JsonSetter(nulls = Nulls.FAIL)
        @Size(max = 100)
        List<String> variables;

        @JsonSetter(nulls = Nulls.FAIL)
        @Size(max = 40)
        String voiceConnectionId;

        @JsonSetter(nulls = Nulls.FAIL)
        @Pattern(regexp = NOT_BLANK, message = "must not be blank")
        @Size(max = 200)
        String providerAgentId;

        @JsonSetter(nulls = Nulls.FAIL)
        OutcomeMapping outcomeMapping;
    }

    @Operation(
            operationId = "createAgent",
            summary = "Create an agent",
            description =
                    "An AI agent: its prompt may use `{{variables}}` filled from each customer's fields; a customer missing one is not called.")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ApiResponse<Agent> create(Caller caller, @Valid @RequestBody CreateAgentRequest request) {
        return ApiResponse.of(agents.create(
                caller.organizationId(),
                new AgentService.NewAgent(
                        request.name(),
                        request.language(),
                        request.voice(),
                        request.prompt(),
                        request.variables(),
                        request.voiceConnectionId(),
                        request.providerAgentId(),
                        request.outcomeMapping())));
    }

    @Operation(
            operationId = "listAgents",
            summary = "List agents",
            description = "A page at a time (`limit`, `cursor`).")
    @GetMapping
    ApiResponse<List<Agent>> list(
            Caller caller,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor) {
        return ApiResponse.page(agents.list(caller.organizationId(), PageRequest.of(limit, cursor)));
    }

    @Operation(operationId = "getAgent", summary = "Get an agent", description = "One agent by id.")
    @GetMapping("/{agentId}")
    ApiResponse<Agent> get(Caller caller, @PathVariable String agentId) {
        return ApiResponse.of(agents.get(caller.organizationId(), agentId));
    }

    @Operation(
            operationId = "updateAgent",
            summary = "Update an agent",
            description = "Changes only the fields given; `null` is refused.")
    @PatchMapping("/{agentId}")
    ApiResponse<Agent> update(
            Caller caller, @PathVariable String agentId, @Valid @RequestBody UpdateAgentRequest request) {
        return ApiResponse.of(agents.update(
                caller.organizationId(),
                agentId,
                new AgentService.AgentChanges(
                        request.name,
                        request.language,
                        request.voice,
                        request.prompt,
                        request.variables,
                        request.voiceConnectionId,
                        request.providerAgentId,
                        request.outcomeMapping)));
    }

    @Operation(
            operationId = "deleteAgent",
            summary = "Delete an agent",
            description = "Deletes the agent; calls already made keep its id.")
    @DeleteMapping("/{agentId}")
    ApiResponse<Void> delete(Caller caller, @PathVariable String agentId) {
        agents.delete(caller.organizationId(), agentId);
        return new ApiResponse<>(true, null, null);
    }
}
