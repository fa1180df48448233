package io.agentcalls.voice;

import io.agentcalls.call.RunnerEventsResult;
import io.agentcalls.common.ApiException;
import io.agentcalls.common.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/providers/{provider}/events/{connectionId}}: a provider's webhook. No API key:
 * the provider's signature, checked against the connection's secret, is the authentication. The body
 * arrives capped by the security chain and is read raw, because the signature covers the bytes.
 */
@RestController
@Tag(name = "Provider webhooks")
class ProviderWebhookController {

    private static final int MAX_HEADERS = 100;

    private final ProviderWebhookService webhooks;

    ProviderWebhookController(ProviderWebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @PostMapping("/api/v1/providers/{provider}/events/{connectionId}")
    @Operation(
            summary = "Receive a voice provider's webhook",
            operationId = "receiveProviderWebhook",
            description =
                    "For Vapi and Retell, not for clients: the provider's report of a call it placed, authenticated by the provider's own signature against the connection's webhook secret. Its status changes follow the call's status machine; a replayed report changes nothing.")
    ApiResponse<RunnerEventsResult> receive(
            @PathVariable String provider, @PathVariable String connectionId, HttpServletRequest request)
            throws IOException {
        ProviderWebhook webhook =
                new ProviderWebhook(headers(request), request.getInputStream().readAllBytes());
        try {
            return ApiResponse.of(webhooks.receive(provider, connectionId, webhook));
        } catch (WebhookRejected e) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, e.getMessage());
        }
    }

    private static Map<String, String> headers(HttpServletRequest request) {
        Map<String, String> headers = new HashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            if (headers.size() < MAX_HEADERS) {
                headers.putIfAbsent(name.toLowerCase(Locale.ROOT), request.getHeader(name));
            }
        }
        return headers;
    }
}
