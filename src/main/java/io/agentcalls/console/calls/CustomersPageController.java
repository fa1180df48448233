package io.agentcalls.console.calls;

import io.agentcalls.call.CallSearches;
import io.agentcalls.campaign.Campaign;
import io.agentcalls.campaign.CampaignService;
import io.agentcalls.common.ApiException;
import io.agentcalls.common.Cursor;
import io.agentcalls.common.PageRequest;
import io.agentcalls.common.PhoneNumbers;
import io.agentcalls.console.ConsoleException;
import io.agentcalls.console.ConsolePage;
import io.agentcalls.console.ConsoleUser;
import io.agentcalls.customer.Customer;
import io.agentcalls.customer.CustomerService;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Screen 4, customers: one campaign's customers in id order, found by phone or the start of a name,
 * 50 a page; and one customer with every call made to them, in the order they were made.
 */
@Controller
class CustomersPageController implements ConsolePage {

    private static final Pattern PHONE_LIKE = Pattern.compile("[+0-9][0-9 ()-]*");

    private final CustomerService customers;
    private final CampaignService campaigns;
    private final CallSearches calls;

    CustomersPageController(CustomerService customers, CampaignService campaigns, CallSearches calls) {
        this.customers = customers;
        this.campaigns = campaigns;
        this.calls = calls;
    }

    @GetMapping("/console/customers")
    String customers(
            ConsoleUser user,
            @RequestParam(required = false) String campaign,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String cursor,
            Model model) {
        List<Campaign> picker = campaigns
                .listCampaigns(user.organizationId(), new PageRequest(CallsPageController.MAX_CAMPAIGNS, null))
                .items();
        String campaignId = campaign == null || campaign.isBlank()
                ? picker.stream().map(Campaign::id).findFirst().orElse(null)
                : campaign.strip();
        String search = q == null || q.isBlank() ? null : q.strip();
        model.addAttribute("campaigns", picker);
        model.addAttribute("campaign", campaignId);
        model.addAttribute("q", search);
        if (campaignId != null) {
            model.addAttribute("page", page(user, campaignId, search, cursor));
        }
        return "console/customers/list";
    }

    @GetMapping("/console/customers/{campaignId}/{customerId}")
    String customer(ConsoleUser user, @PathVariable String campaignId, @PathVariable String customerId, Model model) {
        Campaign campaign = campaigns
                .find(user.organizationId(), campaignId)
                .orElseThrow(() -> ConsoleException.notFound("Customer"));
        Customer customer = customers.find(user.organizationId(), campaignId, customerId);
        model.addAttribute("campaign", campaign);
        model.addAttribute("customer", customer);
        model.addAttribute("attempts", calls.customerAttempts(user.organizationId(), campaignId, customerId));
        return "console/customers/detail";
    }

    private io.agentcalls.common.Page<Customer> page(ConsoleUser user, String campaignId, String q, String cursor) {
        if (q != null && (q.length() > CallListQuery.MAX_SEARCH || q.chars().anyMatch(Character::isISOControl))) {
            throw ApiException.validation(
                    "search must be at most " + CallListQuery.MAX_SEARCH + " characters, without control characters");
        }
        String phone = null;
        String name = null;
        if (q != null && PHONE_LIKE.matcher(q).matches()) {
            phone = PhoneNumbers.toE164(q)
                    .orElseThrow(() -> ApiException.validation(
                            "search: " + q + " is not a phone number; search a name with letters"));
        } else {
            name = q;
        }
        PageRequest page = new PageRequest(CallsPageController.PAGE_SIZE, Cursor.decode(cursor));
        return customers.search(user.organizationId(), campaignId, phone, name, page);
    }
}
