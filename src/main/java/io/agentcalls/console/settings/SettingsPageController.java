package io.agentcalls.console.settings;

import io.agentcalls.agent.AgentService;
import io.agentcalls.campaign.CampaignService;
import io.agentcalls.common.PageRequest;
import io.agentcalls.console.ConsoleException;
import io.agentcalls.console.ConsolePage;
import io.agentcalls.console.ConsoleUser;
import io.agentcalls.console.ConsoleUserService;
import io.agentcalls.disposition.DispositionService;
import io.agentcalls.number.PhoneNumberService;
import io.agentcalls.organization.ApiKeyView;
import io.agentcalls.organization.OrganizationService;
import io.agentcalls.voice.VoiceConnections;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Screen 9, settings: what the organization is set up with, on one page (its voice connections
 * when it has any, by their key's last four characters only). Everyone may read it;
 * only an admin changes it. A new API key is shown once, in the answer to the request that made it,
 * and never stored anywhere but as its hash (not even in the session, which lives in the database).
 */
@Controller
class SettingsPageController implements ConsolePage {

    /** Each list shows this many; an organization with more uses the API's pages. */
    static final int LISTED = 100;

    static final int MAX_KEY_NAME = 100;

    private final ConsoleUserService users;
    private final OrganizationService organizations;
    private final CampaignService campaigns;
    private final AgentService agents;
    private final DispositionService dispositions;
    private final PhoneNumberService numbers;
    private final VoiceConnections voiceConnections;

    SettingsPageController(
            ConsoleUserService users,
            OrganizationService organizations,
            CampaignService campaigns,
            AgentService agents,
            DispositionService dispositions,
            PhoneNumberService numbers,
            VoiceConnections voiceConnections) {
        this.users = users;
        this.organizations = organizations;
        this.campaigns = campaigns;
        this.agents = agents;
        this.dispositions = dispositions;
        this.numbers = numbers;
        this.voiceConnections = voiceConnections;
    }

    @GetMapping("/console/settings")
    String page(ConsoleUser user, Model model) {
        return settings(user, model);
    }

    @PostMapping("/console/settings/api-keys")
    String createKey(ConsoleUser user, @RequestParam(defaultValue = "") String name, Model model) {
        user.requireAdmin();
        String keyName = name.strip();
        if (keyName.isEmpty()
                || keyName.length() > MAX_KEY_NAME
                || keyName.chars().anyMatch(Character::isISOControl)) {
            throw ConsoleException.badRequest("A key's name is 1 to " + MAX_KEY_NAME + " characters");
        }
        ApiKeyView created = organizations.createApiKey(user.organizationId(), keyName);
        model.addAttribute("createdKey", created);
        return settings(user, model);
    }

    @PostMapping("/console/settings/api-keys/{keyId}/revoke")
    String revokeKey(ConsoleUser user, @PathVariable String keyId, RedirectAttributes flash) {
        user.requireAdmin();
        organizations.revokeApiKey(user.organizationId(), keyId);
        flash.addFlashAttribute("notice", "The API key was revoked; requests with it are refused from now on.");
        return "redirect:/console/settings";
    }

    private String settings(ConsoleUser user, Model model) {
        String org = user.organizationId();
        PageRequest first = new PageRequest(LISTED, null);
        model.addAttribute("users", users.listUsers(org, first));
        model.addAttribute("keys", organizations.listApiKeys(org, first));
        model.addAttribute("campaigns", campaigns.listCampaigns(org, first));
        model.addAttribute("agents", agents.list(org, first));
        model.addAttribute("dispositionSets", dispositions.list(org, first));
        model.addAttribute("numbers", numbers.list(org, null, first));
        model.addAttribute("voiceConnections", voiceConnections.list(org, first));
        model.addAttribute(
                "roles",
                java.util.Arrays.stream(io.agentcalls.console.Role.values())
                        .map(io.agentcalls.console.Role::value)
                        .toList());
        return "console/settings/page";
    }
}
