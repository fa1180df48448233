package io.agentcalls.console;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /} is the console: its first screen when signed in, else the sign-in page. */
@Controller
class HomeController implements ConsolePage {

    @GetMapping("/")
    String home() {
        return "redirect:/console/campaigns";
    }

    @GetMapping("/console")
    String console() {
        return "redirect:/console/campaigns";
    }

    @GetMapping("/login")
    String login() {
        return ConsoleModel.signedIn() == null ? "console/login" : "redirect:/console/campaigns";
    }
}
