package io.agentcalls.console.calls;

import io.agentcalls.call.CallListItem;
import io.agentcalls.call.CallSearch;
import io.agentcalls.call.CallSearches;
import io.agentcalls.call.CallStatus;
import io.agentcalls.campaign.Campaign;
import io.agentcalls.campaign.CampaignService;
import io.agentcalls.common.Page;
import io.agentcalls.common.PageRequest;
import io.agentcalls.console.ConsoleException;
import io.agentcalls.console.ConsolePage;
import io.agentcalls.console.ConsoleUser;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Screen 4, calls: the organization's calls newest first, filtered by campaign, status, days and a
 * phone or name, 50 a page; and the same search as a CSV download, written a page of 1,000 at a time
 * as it is read, so neither the server nor the database holds the whole list.
 */
@Controller
class CallsPageController implements ConsolePage {

    static final int PAGE_SIZE = 50;
    /** The campaign picker lists this many; an organization with more filters by typing an id. */
    static final int MAX_CAMPAIGNS = 500;

    private static final String[] CSV_HEADER = {
        "call_id",
        "queued_at",
        "campaign_id",
        "customer_id",
        "customer_name",
        "phone",
        "status",
        "attempt",
        "duration_seconds",
        "disposition",
        "ended_at"
    };

    private final CallSearches calls;
    private final CampaignService campaigns;

    CallsPageController(CallSearches calls, CampaignService campaigns) {
        this.calls = calls;
        this.campaigns = campaigns;
    }

    @GetMapping("/console/calls")
    String calls(ConsoleUser user, @RequestParam MultiValueMap<String, String> params, Model model) {
        CallListQuery query = checked(user, params);
        Page<CallListItem> page =
                calls.searchCalls(user.organizationId(), query.search(), new PageRequest(PAGE_SIZE, query.after()));
        model.addAttribute("query", query);
        model.addAttribute("page", page);
        model.addAttribute("campaigns", campaignPicker(user));
        model.addAttribute(
                "statuses",
                Arrays.stream(CallStatus.values()).map(CallStatus::value).toList());
        model.addAttribute("nameLimit", CallSearch.MAX_NAME_MATCHES);
        return "console/calls/list";
    }

    @GetMapping("/console/calls/export.csv")
    void export(ConsoleUser user, @RequestParam MultiValueMap<String, String> params, HttpServletResponse response)
            throws IOException {
        CallListQuery query = checked(user, params);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"calls.csv\"");
        response.setHeader("Cache-Control", "no-store");
        Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        try (CSVPrinter csv =
                CSVFormat.DEFAULT.builder().setHeader(CSV_HEADER).get().print(writer)) {
            calls.exportCalls(user.organizationId(), query.search(), rows -> write(csv, rows));
        }
    }

    private CallListQuery checked(ConsoleUser user, MultiValueMap<String, String> params) {
        CallListQuery query = CallListQuery.parse(params);
        if (query.campaign() != null
                && campaigns.find(user.organizationId(), query.campaign()).isEmpty()) {
            throw ConsoleException.notFound("Campaign");
        }
        return query;
    }

    List<Campaign> campaignPicker(ConsoleUser user) {
        return campaigns
                .listCampaigns(user.organizationId(), new PageRequest(MAX_CAMPAIGNS, null))
                .items();
    }

    private static void write(CSVPrinter csv, List<CallListItem> rows) {
        try {
            for (CallListItem c : rows) {
                csv.printRecord(
                        c.id(),
                        c.queuedAt(),
                        c.campaignId(),
                        SpreadsheetCells.safe(c.customerId()),
                        SpreadsheetCells.safe(c.customerName()),
                        c.toPhone(),
                        c.status().value(),
                        c.attempt(),
                        c.durationSeconds(),
                        SpreadsheetCells.safe(c.disposition()),
                        c.endedAt());
            }
            csv.flush(); // each page goes out as it is read
        } catch (IOException e) {
            throw new UncheckedIOException("The download was cut off", e);
        }
    }
}
