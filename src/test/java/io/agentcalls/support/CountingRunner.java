package io.agentcalls.support;

import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A WireMock runner that accepts every call of a batch (after the stub's delay), counting how often
 * each call id arrives: a real runner treats the call id as an idempotency key, so a call that
 * arrives twice is still placed once, and the count shows how often that happened.
 */
public final class CountingRunner implements ResponseTransformerV2 {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();

    @Override
    public Response transform(Response response, ServeEvent event) {
        JsonNode batch = JSON.readTree(event.getRequest().getBodyAsString());
        List<String> ids = new ArrayList<>();
        batch.path("calls").forEach(c -> {
            String id = c.path("callId").asString();
            received.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            ids.add(id);
        });
        return Response.Builder.like(response)
                .but()
                .body(JSON.writeValueAsString(Map.of("accepted", ids, "rejected", List.of())))
                .build();
    }

    @Override
    public String getName() {
        return "counting-runner";
    }
}
