package io.agentcalls.initiation;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcalls.support.ApiTest;
import io.agentcalls.support.CallingSetup;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Idempotency-Key replay and mismatch, concurrent duplicates, and the initiation records. */
class InitiationIdempotencyApiTest extends ApiTest {

    private CallingSetup setup;

    @BeforeEach
    void organizationWithCustomers() {
        setup = CallingSetup.create(this);
        setup.upsert(setup.customers("I", 5));
    }

    private Response initiate(String key, String body) {
        HttpRequest.Builder request = request("/api/v1/initiate/" + setup.campaignId + "/calls")
                .header("Authorization", "Bearer " + setup.key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return send(request.build());
    }

    private String body(int limit) {
        return "{\"agentId\":\"" + setup.agentId + "\",\"dispositionId\":\"" + setup.dispositionId + "\",\"limit\":"
                + limit + "}";
    }

    @Test
    void theSameKeyAndBodyReplaysTheFirstAnswerAndStartsNothing() {
        Response first = initiate("key-1", body(2));
        Response replay = initiate("key-1", body(2));

        assertThat(first.status()).isEqualTo(200);
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.raw()).isEqualTo(first.raw());
        assertThat(replay.http().headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(setup.calls().count()).isEqualTo(2);
    }

    @Test
    void theSameKeyWithAnotherBodyIs422() {
        assertThat(initiate("key-2", body(2)).status()).isEqualTo(200);
        Response mismatch = initiate("key-2", body(3));
        assertThat(mismatch.status()).isEqualTo(422);
        assertThat(mismatch.body().at("/success").asBoolean()).isFalse();
        assertThat(mismatch.body().at("/message").asString())
                .isEqualTo("Idempotency-Key was already used with a different request");
        assertThat(setup.calls().count()).isEqualTo(2);
    }

    @Test
    void errorsAreReplayedToo() {
        String badAgent =
                "{\"agentId\":\"agt_" + "0".repeat(32) + "\",\"dispositionId\":\"" + setup.dispositionId + "\"}";
        Response first = initiate("key-3", badAgent);
        assertThat(first.status()).isEqualTo(404);
        assertThat(initiate("key-3", badAgent).raw()).isEqualTo(first.raw());
    }

    @Test
    void concurrentDuplicatesRunOnceAndTheOthersReplayOrAre409() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Response>> requests = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            requests.add(() -> initiate("key-race", body(5)));
        }
        List<String> answered = new ArrayList<>();
        for (Future<Response> future : pool.invokeAll(requests)) {
            Response response = future.get();
            // the first answers 200; a duplicate replays it once it is stored, and is 409 before
            assertThat(response.status()).isIn(200, 409);
            if (response.status() == 200) {
                answered.add(response.raw());
            }
        }
        pool.shutdown();
        assertThat(answered).isNotEmpty().allMatch(b -> b.equals(answered.get(0)));
        assertThat(setup.calls().count()).isEqualTo(5);
        assertThat(get("/api/v1/campaigns/" + setup.campaignId + "/initiations", setup.key)
                        .body()
                        .at("/data")
                        .size())
                .isEqualTo(1);
        assertThat(initiate("key-race", body(5)).raw()).isEqualTo(answered.get(0));
    }

    @Test
    void aDuplicateOfARequestStillRunningIs409AtOnce() {
        assertThat(initiate("key-running", body(2)).status()).isEqualTo(200);
        // as if the first request were still dispatching
        jdbc.sql("UPDATE initiations SET state = 'running', response_status = NULL, response = NULL,"
                        + " completed_at = NULL WHERE idempotency_key = 'key-running'")
                .update();

        long started = System.nanoTime();
        Response duplicate = initiate("key-running", body(2));

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.body().at("/message").asString())
                .startsWith("A request with this Idempotency-Key is still in progress");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(setup.calls().count()).isEqualTo(2);
    }

    @Test
    void aBadKeyIs400() {
        Response response = initiate("x".repeat(300), body(1));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().at("/errors/0").asString()).startsWith("Idempotency-Key must be");
    }

    @Test
    void everyInitiationIsRecordedWithWhoWhenRequestAndResults() {
        Response response = initiate(null, body(3));
        String id = response.body().at("/results/initiationId").asString();

        Response record = get("/api/v1/initiations/" + id, setup.key);

        assertThat(record.status()).isEqualTo(200);
        assertThat(record.body().at("/data/id").asString()).isEqualTo(id);
        assertThat(record.body().at("/data/campaignId").asString()).isEqualTo(setup.campaignId);
        assertThat(record.body().at("/data/apiKeyId").asString()).startsWith("key_");
        assertThat(record.body().at("/data/status").asString()).isEqualTo("completed");
        assertThat(record.body().at("/data/createdAt").isMissingNode()).isFalse();
        assertThat(record.body().at("/data/request/limit").asInt()).isEqualTo(3);
        assertThat(record.body().at("/data/responseStatus").asInt()).isEqualTo(200);
        assertThat(record.body().at("/data/response/results/initiated").asInt()).isEqualTo(3);

        Response list = get("/api/v1/campaigns/" + setup.campaignId + "/initiations", setup.key);
        assertThat(list.body().at("/data/0/id").asString()).isEqualTo(id);
    }

    @Test
    void anotherOrganizationCannotSeeInitiations() {
        String id = initiate(null, body(1)).body().at("/results/initiationId").asString();
        String otherKey = newOrganization();
        assertThat(get("/api/v1/initiations/" + id, otherKey).status()).isEqualTo(404);
        assertThat(get("/api/v1/campaigns/" + setup.campaignId + "/initiations", otherKey)
                        .status())
                .isEqualTo(404);
    }
}
