package io.agentcalls.organization;

import io.agentcalls.common.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Organizations")
@RestController
@RequestMapping("/admin/v1/organizations")
class OrganizationController {

    private final OrganizationService organizations;

    OrganizationController(OrganizationService organizations) {
        this.organizations = organizations;
    }

    record CreateOrganizationRequest(
            @NotBlank @Size(max = 200) String name) {}

    @Operation(
            operationId = "createOrganization",
            summary = "Create an organization",
            description =
                    "Creates an organization and its first API key. The key (`apiKey`) is shown only in this answer: store it.")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ApiResponse<OrganizationService.CreatedOrganization> create(@Valid @RequestBody CreateOrganizationRequest request) {
        return ApiResponse.of(organizations.createOrganization(request.name().trim()));
    }
}
