package io.agentcalls.console.settings;

import io.agentcalls.console.ConsolePage;
import io.agentcalls.console.ConsoleUser;
import io.agentcalls.console.ConsoleUserService;
import io.agentcalls.console.ConsoleUserService.NewUser;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An admin adds a person to the organization with a first password and a role. */
@Controller
class UserSettingsController implements ConsolePage {

    private final ConsoleUserService users;

    UserSettingsController(ConsoleUserService users) {
        this.users = users;
    }

    @PostMapping("/console/settings/users")
    String create(
            ConsoleUser user,
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String role,
            RedirectAttributes flash) {
        user.requireAdmin();
        users.createUser(user.organizationId(), new NewUser(email, password, role));
        flash.addFlashAttribute("notice", email.strip() + " can sign in now, as " + role + ".");
        return "redirect:/console/settings";
    }
}
