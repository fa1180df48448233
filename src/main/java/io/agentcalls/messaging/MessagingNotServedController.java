package io.agentcalls.messaging;

import io.agentcalls.common.ApiException;
import io.agentcalls.organization.Caller;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The TimePay Agents API's SMS and WhatsApp pages (Initiate SMS, Initiate WhatsApp, Get WhatsApp
 * Details) answer {@code 501} in the envelope, saying why, until messaging providers exist here. A
 * body that is not JSON is still a {@code 400}, as everywhere: the request is read, then refused.
 */
@Hidden // every page answers 501 until messaging providers exist: nothing a generated client could call
@RestController
class MessagingNotServedController {

    static final String MESSAGE = "SMS and WhatsApp are not available yet: they need messaging providers"
            + " (an SMS gateway with DLT registration, a WhatsApp Business provider), which agentcalls does not"
            + " have. Calls are available: POST /api/v1/initiate/{campaignId}/calls";

    @PostMapping({"/api/v1/initiate/{campaignId}/sms", "/api/v1/initiate/{campaignId}/whatsapp"})
    Object initiate(Caller caller, @PathVariable String campaignId, @RequestBody(required = false) JsonNode body) {
        throw notServed();
    }

    @GetMapping("/api/v1/communication/whatsapp/{messageId}")
    Object whatsapp(Caller caller, @PathVariable String messageId) {
        throw notServed();
    }

    private static ApiException notServed() {
        return new ApiException(HttpStatus.NOT_IMPLEMENTED, MESSAGE, List.of(), Map.of("error", "NotImplemented"));
    }
}
