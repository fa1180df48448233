package io.agentcalls.console;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every console page's model carries the signed-in person as {@code user} (the layout shows them). */
@ControllerAdvice(assignableTypes = ConsolePage.class)
class ConsoleModel {

    @ModelAttribute("user")
    ConsoleUser user() {
        return signedIn();
    }

    static ConsoleUser signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof ConsoleUser user ? user : null;
    }
}
