package io.agentcalls.console.compliance;

import io.agentcalls.common.ApiException;
import io.agentcalls.common.Cursor;
import io.agentcalls.common.PageRequest;
import io.agentcalls.console.ConsoleException;
import io.agentcalls.console.ConsolePage;
import io.agentcalls.console.ConsoleUser;
import io.agentcalls.initiation.InitiationHistory;
import io.agentcalls.number.DoNotCallService;
import io.agentcalls.number.DoNotCallService.DoNotCallAddition;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Screen 7, compliance: the organization's do-not-call list in phone order (find one, add many,
 * remove one, upload a CSV of them) and the customers the safeguards held back per day, by reason.
 */
@Controller
class CompliancePageController implements ConsolePage {

    static final int PAGE_SIZE = 50;
    static final int MAX_DAYS = 366;
    static final int MAX_PHONES_TEXT = 200_000;

    private final DoNotCallService doNotCall;
    private final InitiationHistory initiations;

    CompliancePageController(DoNotCallService doNotCall, InitiationHistory initiations) {
        this.doNotCall = doNotCall;
        this.initiations = initiations;
    }

    @GetMapping("/console/compliance")
    String page(
            ConsoleUser user,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "30") int days,
            Model model) {
        if (days < 1 || days > MAX_DAYS) {
            throw ApiException.validation("days must be from 1 to " + MAX_DAYS);
        }
        String phone = q == null || q.isBlank() ? null : q.strip();
        model.addAttribute("q", phone);
        model.addAttribute("days", days);
        model.addAttribute(
                "list",
                doNotCall.list(user.organizationId(), phone, new PageRequest(PAGE_SIZE, Cursor.decode(cursor))));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate first = today.minusDays(days - 1L);
        model.addAttribute(
                "chart",
                SkipChart.of(
                        initiations.skipsByDay(
                                user.organizationId(),
                                first.atStartOfDay().toInstant(ZoneOffset.UTC),
                                today.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)),
                        first,
                        days));
        return "console/compliance/page";
    }

    @PostMapping("/console/compliance/dnc")
    String add(ConsoleUser user, @RequestParam(defaultValue = "") String phones, RedirectAttributes flash) {
        user.requireOperator();
        if (phones.length() > MAX_PHONES_TEXT) {
            throw ConsoleException.badRequest(
                    "Paste at most " + MAX_PHONES_TEXT + " characters; upload a file for more");
        }
        List<String> list = PhoneUpload.lines(phones);
        return added(doNotCall.add(user.organizationId(), list), flash);
    }

    @PostMapping("/console/compliance/dnc/upload")
    String upload(ConsoleUser user, HttpServletRequest http, RedirectAttributes flash) throws IOException {
        user.requireOperator();
        if (!(http instanceof MultipartHttpServletRequest request)) {
            throw ConsoleException.badRequest("Send the file as multipart/form-data (the page's form does)");
        }
        MultipartFile file;
        try {
            file = request.getFile("file");
        } catch (MaxUploadSizeExceededException e) {
            throw ConsoleException.badRequest("The file is larger than an upload may be");
        }
        if (file == null || file.isEmpty()) {
            throw ConsoleException.badRequest("Choose a CSV file of phone numbers");
        }
        List<String> phones;
        try (InputStream in = file.getInputStream()) {
            phones = PhoneUpload.read(in);
        }
        return added(doNotCall.add(user.organizationId(), phones), flash);
    }

    @PostMapping("/console/compliance/dnc/remove")
    String remove(ConsoleUser user, @RequestParam String phone, RedirectAttributes flash) {
        user.requireOperator();
        doNotCall.remove(user.organizationId(), phone);
        flash.addFlashAttribute("notice", phone + " was taken off the do-not-call list.");
        return "redirect:/console/compliance";
    }

    private static String added(DoNotCallAddition addition, RedirectAttributes flash) {
        flash.addFlashAttribute(
                "notice",
                addition.added() + " added to the do-not-call list, " + addition.alreadyListed() + " already on it.");
        return "redirect:/console/compliance";
    }
}
