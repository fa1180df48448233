package io.agentcalls.console;

import io.agentcalls.call.CallService;
import io.agentcalls.media.MediaService;
import io.agentcalls.media.Recording;
import io.agentcalls.webhook.WebhookService;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Call detail: the status timeline, transcript, recording, disposition data and webhook deliveries. */
@Controller
class CallDetailController implements ConsolePage {

    static final int DELIVERIES = 50;
    private static final int BUFFER = 64 * 1024;
    /** The call view's timestamps in the order a call reaches them, as the timeline names them. */
    private static final List<Map.Entry<String, String>> STEPS = List.of(
            Map.entry("queuedAt", "Queued"),
            Map.entry("initiatedAt", "Placed with the runner"),
            Map.entry("ringingAt", "Ringing"),
            Map.entry("inProgressAt", "Answered"),
            Map.entry("endedAt", "Ended"));

    private final CallService calls;
    private final MediaService media;
    private final WebhookService webhooks;

    CallDetailController(CallService calls, MediaService media, WebhookService webhooks) {
        this.calls = calls;
        this.media = media;
        this.webhooks = webhooks;
    }

    record Step(String label, String at) {}

    @GetMapping("/console/calls/{callId}")
    String detail(ConsoleUser user, @PathVariable String callId, Model model) {
        String organizationId = user.organizationId();
        Map<String, Object> call = calls.getCall(organizationId, callId);
        model.addAttribute("call", call);
        model.addAttribute("history", calls.history(organizationId, callId).orElse(null));
        model.addAttribute("timeline", timeline(call));
        model.addAttribute("turns", media.transcriptOfCall(organizationId, callId));
        model.addAttribute("deliveries", webhooks.deliveriesOfCall(organizationId, callId, DELIVERIES));
        return "console/call";
    }

    /** The recording for the page's player, streamed as it arrives, at most the media module's cap. */
    @GetMapping("/console/calls/{callId}/recording")
    void recording(ConsoleUser user, @PathVariable String callId, HttpServletResponse response) throws IOException {
        calls.getCall(user.organizationId(), callId);
        try (Recording recording = media.recordingOfCall(user.organizationId(), callId)) {
            response.setContentType(recording.contentType());
            if (recording.length() >= 0) {
                response.setContentLengthLong(recording.length());
            }
            copy(recording.stream(), response.getOutputStream(), media.maxRecordingBytes());
        }
    }

    private static List<Step> timeline(Map<String, Object> call) {
        List<Step> steps = new ArrayList<>();
        for (Map.Entry<String, String> step : STEPS) {
            Object at = call.get(step.getKey());
            if (at != null) {
                String label = step.getKey().equals("endedAt") ? "Ended: " + call.get("status") : step.getValue();
                steps.add(new Step(label, at.toString()));
            }
        }
        return steps;
    }

    private static void copy(InputStream in, OutputStream out, long max) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long copied = 0;
        int read;
        while (copied < max && (read = in.read(buffer, 0, (int) Math.min(buffer.length, max - copied))) != -1) {
            out.write(buffer, 0, read);
            copied += read;
        }
    }
}
