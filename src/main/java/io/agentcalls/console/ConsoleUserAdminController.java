package io.agentcalls.console;

import io.agentcalls.common.ApiResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The operator of the service creates an organization's first console users (admin token). */
@RestController
@RequestMapping("/admin/v1/organizations/{organizationId}/users")
class ConsoleUserAdminController {

    private final ConsoleUserService users;

    ConsoleUserAdminController(ConsoleUserService users) {
        this.users = users;
    }

    record CreateUserRequest(String email, String password, String role) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ApiResponse<ConsoleUserView> create(@PathVariable String organizationId, @RequestBody CreateUserRequest request) {
        return ApiResponse.of(users.createUser(
                organizationId, new ConsoleUserService.NewUser(request.email(), request.password(), request.role())));
    }
}
