package io.agentcalls.console;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The campaign monitor: its figures live over SSE, and pause, resume and cancel for operators. */
@Controller
class MonitorController implements ConsolePage {

    private final CampaignMonitor monitor;
    private final MonitorStreams streams;

    MonitorController(CampaignMonitor monitor, MonitorStreams streams) {
        this.monitor = monitor;
        this.streams = streams;
    }

    @GetMapping("/console/campaigns/{campaignId}")
    String monitor(ConsoleUser user, @PathVariable String campaignId, Model model) {
        model.addAttribute("figures", monitor.figures(user.organizationId(), campaignId));
        return "console/monitor";
    }

    @GetMapping(path = "/console/campaigns/{campaignId}/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter live(ConsoleUser user, @PathVariable String campaignId) {
        monitor.campaign(user.organizationId(), campaignId);
        return streams.open(user.organizationId(), campaignId);
    }

    @PostMapping("/console/campaigns/{campaignId}/pause")
    String pause(ConsoleUser user, @PathVariable String campaignId, RedirectAttributes flash) {
        monitor.pause(user, campaignId);
        flash.addFlashAttribute("notice", "Campaign paused: no new calls start until it is resumed.");
        return "redirect:/console/campaigns/" + campaignId;
    }

    @PostMapping("/console/campaigns/{campaignId}/resume")
    String resume(ConsoleUser user, @PathVariable String campaignId, RedirectAttributes flash) {
        monitor.resume(user, campaignId);
        flash.addFlashAttribute("notice", "Campaign resumed.");
        return "redirect:/console/campaigns/" + campaignId;
    }

    @PostMapping("/console/campaigns/{campaignId}/cancel")
    String cancel(ConsoleUser user, @PathVariable String campaignId, RedirectAttributes flash) {
        long cancelled = monitor.cancel(user, campaignId);
        flash.addFlashAttribute("notice", "Campaign paused and " + cancelled + " call(s) not yet answered cancelled.");
        return "redirect:/console/campaigns/" + campaignId;
    }
}
