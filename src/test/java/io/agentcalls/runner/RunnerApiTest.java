package io.agentcalls.runner;

import io.agentcalls.support.ApiTest;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Autowired;

/** HTTP tests that speak as the workflow runner: signed requests to {@code /api/v1/runner/events}. */
abstract class RunnerApiTest extends ApiTest {

    @Autowired
    protected RunnerSignature signature;

    /** Signed with the platform's runner secret and the current time. */
    protected Response sendEvents(String body) {
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        return sendSigned(body, timestamp, signature.sign(timestamp, body.getBytes(StandardCharsets.UTF_8)));
    }

    /** Null timestamp or signature leaves that header out. */
    protected Response sendSigned(String body, String timestamp, String signatureValue) {
        HttpRequest.Builder request = request("/api/v1/runner/events")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (timestamp != null) {
            request.header(RunnerSignature.TIMESTAMP_HEADER, timestamp);
        }
        if (signatureValue != null) {
            request.header(RunnerSignature.SIGNATURE_HEADER, signatureValue);
        }
        return send(request.build());
    }
}
