package io.agentcalls.organization;

import io.agentcalls.common.ApiResponse;
import io.agentcalls.common.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "API keys")
@RestController
@RequestMapping("/api/v1/api-keys")
class ApiKeyController {

    private final OrganizationService organizations;

    ApiKeyController(OrganizationService organizations) {
        this.organizations = organizations;
    }

    record CreateApiKeyRequest(@NotBlank @Size(max = 200) String name) {}

    @Operation(
            operationId = "createApiKey",
            summary = "Create an API key",
            description = "Creates another API key of the caller's organization. The key is shown only in this answer.")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ApiResponse<ApiKeyView> create(Caller caller, @Valid @RequestBody CreateApiKeyRequest request) {
        return ApiResponse.of(organizations.createApiKey(
                caller.organizationId(), request.name().trim()));
    }

    @Operation(
            operationId = "listApiKeys",
            summary = "List API keys",
            description = "The organization's API keys without their secrets, a page at a time (`limit`, `cursor`).")
    @GetMapping
    ApiResponse<List<ApiKeyView>> list(
            Caller caller,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor) {
        return ApiResponse.page(organizations.listApiKeys(caller.organizationId(), PageRequest.of(limit, cursor)));
    }

    @Operation(
            operationId = "revokeApiKey",
            summary = "Revoke an API key",
            description = "Revokes the key at once; requests with it are refused from then on.")
    @DeleteMapping("/{keyId}")
    ApiResponse<Void> revoke(Caller caller, @PathVariable String keyId) {
        organizations.revokeApiKey(caller.organizationId(), keyId);
        return new ApiResponse<>(true, null, null);
    }
}
