package io.agentcalls.console;

import io.agentcalls.common.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The operator of the service creates an organization's first console users (admin token). */
@Tag(name = "Console users")
@RestController
@RequestMapping("/admin/v1/organizations/{organizationId}/users")
class ConsoleUserAdminController {

    private final ConsoleUserService users;

    ConsoleUserAdminController(ConsoleUserService users) {
        this.users = users;
    }

    record CreateUserRequest(String email, String password, String role) {}

    @Operation(
            operationId = "createConsoleUser",
            summary = "Create a console user",
            description =
                    "Creates a person who signs in to the console for the organization, with a role: `admin`, `operator` or `viewer`. The password is at least 8 characters; an email already used is `409`.")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ApiResponse<ConsoleUserView> create(@PathVariable String organizationId, @RequestBody CreateUserRequest request) {
        return ApiResponse.of(users.createUser(
                organizationId, new ConsoleUserService.NewUser(request.email(), request.password(), request.role())));
    }
}
