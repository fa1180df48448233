package io.agentcalls.console.imports;

import io.agentcalls.campaign.Campaign;
import io.agentcalls.campaign.CampaignService;
import io.agentcalls.common.PageRequest;
import io.agentcalls.console.ConsoleException;
import io.agentcalls.console.ConsolePage;
import io.agentcalls.console.ConsoleUser;
import io.agentcalls.customer.CustomerService;
import io.agentcalls.customer.ImportResult;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * Screen 6, import: a CSV file into a campaign through the customer import the API uses (spooled to
 * disk under the same caps, then written in one transaction), answered with what was created,
 * updated and rejected and the table of rejected rows. The page shows the upload's progress as the
 * browser sends it (htmx's upload progress events), then that the import runs, until the answer.
 */
@Controller
class ImportPageController implements ConsolePage {

    static final int MAX_CAMPAIGNS = 500;

    private final CustomerService customers;
    private final CampaignService campaigns;

    ImportPageController(CustomerService customers, CampaignService campaigns) {
        this.customers = customers;
        this.campaigns = campaigns;
    }

    @GetMapping("/console/import")
    String page(ConsoleUser user, Model model) {
        model.addAttribute("campaigns", activeCampaigns(user));
        return "console/import/page";
    }

    @PostMapping("/console/import")
    String upload(ConsoleUser user, HttpServletRequest http, Model model) throws IOException {
        user.requireOperator();
        MultipartHttpServletRequest request = multipart(http);
        String campaignId;
        MultipartFile file;
        try { // the container reads the body here, within the import's size caps
            campaignId = request.getParameter("campaign");
            file = request.getFile("file");
        } catch (MaxUploadSizeExceededException e) {
            throw ConsoleException.badRequest("The file is larger than an import may be");
        }
        if (campaignId == null || campaignId.isBlank()) {
            throw ConsoleException.badRequest("Choose a campaign to import into");
        }
        if (file == null || file.isEmpty()) {
            throw ConsoleException.badRequest("Choose a CSV file to import");
        }
        ImportResult result = customers.importCsv(user.organizationId(), campaignId.strip(), file.getInputStream());
        model.addAttribute("campaigns", activeCampaigns(user));
        model.addAttribute("campaign", campaignId.strip());
        model.addAttribute("fileName", file.getOriginalFilename());
        model.addAttribute("result", result);
        return "console/import/page";
    }

    /** A form that is not multipart has no file: a 400 page, not the framework's error. */
    static MultipartHttpServletRequest multipart(HttpServletRequest http) {
        if (http instanceof MultipartHttpServletRequest request) {
            return request;
        }
        throw ConsoleException.badRequest("Send the file as multipart/form-data (the page's form does)");
    }

    private List<Campaign> activeCampaigns(ConsoleUser user) {
        return campaigns.listCampaigns(user.organizationId(), new PageRequest(MAX_CAMPAIGNS, null)).items().stream()
                .filter(c -> !c.isArchived())
                .toList();
    }
}
