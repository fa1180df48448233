package io.agentcalls;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcalls.runner.RunnerSignature;
import io.agentcalls.support.ApiTest;
import io.agentcalls.support.CallingSetup;
import io.agentcalls.support.FuzzCases;
import io.agentcalls.support.FuzzCases.FuzzCase;
import io.agentcalls.support.FuzzRoute;
import io.agentcalls.support.FuzzRoutes;
import io.agentcalls.support.OrganizationChecksum;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every write endpoint (found from the handler mappings, so a new one fails this test until it is
 * listed in {@link FuzzRoutes}) gets {@code fuzz.perEndpoint} generated bodies (1,000 by default),
 * each invalid by construction: malformed JSON, wrong types, overflowing numbers, NUL and lone
 * surrogates, deep nesting, huge arrays, unknown fields, wrong content types, broken CSV and
 * multipart, another organization's ids. Every answer must be a 4xx in the envelope with its
 * {@code error} word (or, from a documented path not served yet, its 501), and neither
 * organization's rows may change. Bodies come from a seeded {@link Random}: a failure prints its seed
 * and bodies; rerun it with {@code -Dfuzz.seed=<seed>}.
 */
class WriteEndpointFuzzTest extends ApiTest {

    private static final int PER_ENDPOINT = Integer.getInteger("fuzz.perEndpoint", 300);
    private static final int THREADS = 4;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    RunnerSignature runnerSignature;

    private record Failure(FuzzCase request, String answer) {}

    /** Answers by status, logged to show what the run exercised. */
    private final Map<Integer, AtomicInteger> statuses = new ConcurrentSkipListMap<>();

    private String ownKey;

    @Test
    void malformedBodiesToEveryWriteEndpointAre4xxInTheEnvelopeAndChangeNothing() throws Exception {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        System.out.println("WriteEndpointFuzzTest seed " + seed + " (rerun: -Dfuzz.seed=" + seed + ")");
        CallingSetup own = organizationWithData("OWN");
        CallingSetup other = organizationWithData("OTHER");
        ownKey = own.key;
        Map<String, String> ownIds = idsOf(own);
        Map<String, String> foreignIds = idsOf(other);
        List<FuzzRoute> routes = FuzzRoutes.all(ownIds, foreignIds);
        Set<String> fuzzed = routes.stream().map(FuzzRoute::key).collect(Collectors.toCollection(TreeSet::new));
        assertThat(fuzzed).as("every write endpoint is fuzzed").containsAll(writeEndpoints());

        List<FuzzCase> cases = new FuzzCases(ownIds, foreignIds).generate(routes, PER_ENDPOINT, new Random(seed));
        OrganizationChecksum checksum = new OrganizationChecksum(jdbc);
        Map<String, String> ownBefore = checksum.of(orgOf(own));
        Map<String, String> otherBefore = checksum.of(orgOf(other));
        long organizationsBefore = organizations();

        long started = System.nanoTime();
        List<Failure> failures = send(cases);
        System.out.printf(
                "WriteEndpointFuzzTest: %d requests to %d endpoints in %d ms, answers by status %s%n",
                cases.size(), routes.size(), (System.nanoTime() - started) / 1_000_000, statuses);

        assertThat(failures)
                .as(
                        "seed %d: answers that are not a 4xx in the envelope (%d), the first:%n%s",
                        seed, failures.size(), describe(failures))
                .isEmpty();
        assertThat(checksum.of(orgOf(own)))
                .as("seed %d: the organization's rows", seed)
                .isEqualTo(ownBefore);
        assertThat(checksum.of(orgOf(other)))
                .as("seed %d: the other organization's rows", seed)
                .isEqualTo(otherBefore);
        assertThat(organizations()).as("seed %d: no organization created", seed).isEqualTo(organizationsBefore);
    }

    /** An organization with a row in every table a request could touch: calls, a webhook, do-not-call. */
    private CallingSetup organizationWithData(String prefix) {
        CallingSetup setup = CallingSetup.create(this);
        List<Map<String, Object>> customers = setup.customers(prefix, 3);
        customers.get(0).put("custom", Map.of("branch", "mumbai"));
        setup.upsert(customers);
        Response initiated = setup.initiate(Map.of("limit", 2));
        assertThat(initiated.status()).as(initiated.raw()).isEqualTo(200);
        Response listed = post("/api/v1/dnc", setup.key, "{\"phones\":[\"" + CallingSetup.nextPhone() + "\"]}");
        assertThat(listed.status()).as(listed.raw()).isEqualTo(200);
        setup.created(
                "/api/v1/webhooks", Map.of("url", "http://127.0.0.1:1029/hook", "events", List.of("call.completed")));
        setup.created(
                "/api/v1/voice-connections",
                Map.of("provider", "vapi", "name", "Voice", "apiKey", "k-0123456789", "webhookSecret", "s-01234567"));
        return setup;
    }

    /** The organization's ids by the path variable names of the controllers. */
    private Map<String, String> idsOf(CallingSetup setup) {
        String org = orgOf(setup);
        return Map.ofEntries(
                Map.entry("organizationId", org),
                Map.entry("campaignId", setup.campaignId),
                Map.entry("agentId", setup.agentId),
                Map.entry("groupId", setup.dispositionId),
                Map.entry(
                        "dispositionId",
                        one("SELECT id FROM dispositions WHERE organization_id = :org AND deleted_at IS NULL", org)),
                Map.entry("numberId", setup.numberId),
                Map.entry("customerId", one("SELECT id FROM customers WHERE organization_id = :org", org)),
                Map.entry("callId", one("SELECT id FROM calls WHERE organization_id = :org", org)),
                Map.entry("initiationId", one("SELECT id FROM initiations WHERE organization_id = :org", org)),
                Map.entry("webhookId", one("SELECT id FROM webhook_endpoints WHERE organization_id = :org", org)),
                Map.entry("keyId", one("SELECT id FROM api_keys WHERE organization_id = :org", org)),
                Map.entry("phone", one("SELECT phone FROM do_not_call WHERE organization_id = :org", org)),
                Map.entry("deliveryId", "whd_" + "0".repeat(32)),
                Map.entry("connectionId", one("SELECT id FROM voice_connections WHERE organization_id = :org", org)),
                Map.entry("provider", "vapi"));
    }

    /** The write endpoints of the application, as {@code METHOD /pattern}. */
    private Set<String> writeEndpoints() {
        Set<RequestMethod> writes =
                Set.of(RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE);
        Set<String> endpoints = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            // console pages take signed-in form posts with CSRF tokens, not API bodies: their refusals
            // are tested by the console's own tests (issue 14)
            if (handler.getBeanType().getPackageName().startsWith("io.agentcalls")
                    && !io.agentcalls.console.ConsolePage.class.isAssignableFrom(handler.getBeanType())) {
                for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                    if (writes.contains(method)) {
                        info.getPatternValues().forEach(pattern -> endpoints.add(method + " " + pattern));
                    }
                }
            }
        });
        assertThat(endpoints).as("write endpoints found").hasSizeGreaterThan(25);
        return endpoints;
    }

    private List<Failure> send(List<FuzzCase> cases) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Failure>> answers = new ArrayList<>();
            for (FuzzCase request : cases) {
                answers.add(pool.submit(() -> check(request)));
            }
            List<Failure> failures = new ArrayList<>();
            for (Future<Failure> answer : answers) {
                Failure failure = answer.get();
                if (failure != null) {
                    failures.add(failure);
                }
            }
            return failures;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Null when the answer is a 4xx in the envelope, else what was sent and answered. */
    private Failure check(FuzzCase request) {
        HttpRequest.Builder http = request(request.path())
                .method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body()));
        if (request.contentType() != null) {
            http.header("Content-Type", request.contentType());
        }
        switch (request.route().kind()) {
            case ADMIN_JSON -> http.header("Authorization", "Bearer " + ADMIN_TOKEN);
            case RUNNER_JSON -> {
                String timestamp = Long.toString(System.currentTimeMillis() / 1000);
                http.header(RunnerSignature.TIMESTAMP_HEADER, timestamp)
                        .header(RunnerSignature.SIGNATURE_HEADER, runnerSignature.sign(timestamp, request.body()));
            }
            default -> http.header("Authorization", "Bearer " + ownKey);
        }
        Response response;
        try {
            response = send(http.build());
        } catch (RuntimeException e) {
            return new Failure(request, "no answer: " + e);
        }
        statuses.computeIfAbsent(response.status(), s -> new AtomicInteger()).incrementAndGet();
        boolean enveloped = response.body() != null
                && response.body().path("success").isBoolean()
                && !response.body().path("success").asBoolean()
                && !response.body().path("error").asString("").isEmpty()
                && !response.body().path("message").asString("").isEmpty();
        if (response.status() >= 400 && response.status() < 500 && enveloped) {
            return null;
        }
        if (request.route().kind() == FuzzRoute.Kind.NOT_SERVED && response.status() == 501 && enveloped) {
            return null;
        }
        return new Failure(request, response.status() + " " + abbreviate(response.raw(), 500));
    }

    private static String describe(List<Failure> failures) {
        return failures.stream()
                .limit(10)
                .map(f -> f.request().method() + " " + abbreviate(f.request().path(), 200) + " ["
                        + f.request().what() + "] content-type " + f.request().contentType() + "\n  body: "
                        + abbreviate(new String(f.request().body(), StandardCharsets.UTF_8), 1000) + "\n  answer: "
                        + f.answer())
                .collect(Collectors.joining("\n"));
    }

    private static String abbreviate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max) + "…(" + text.length() + " chars)";
    }

    private String one(String sql, String org) {
        return jdbc.sql(sql + " ORDER BY 1 LIMIT 1")
                .param("org", org)
                .query(String.class)
                .single();
    }

    private long organizations() {
        return jdbc.sql("SELECT count(*) FROM organizations").query(Long.class).single();
    }

    private static String orgOf(CallingSetup setup) {
        return "org_" + setup.key.substring(3, 35);
    }
}
