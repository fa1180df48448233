package io.agentcalls.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.agentcalls.support.CallingSetup;
import io.agentcalls.support.TrickleUpload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Regression: 24 CSV uploads held open and trickling a line at a time held every pooled connection
 * (the import read the socket inside its transaction), and a plain GET, a one-row upsert and a dry
 * run then failed. Uploads are spooled before any connection is taken, so with more slow uploads
 * open than the pool has connections, those three answer 2xx at once.
 */
class SlowUploadApiTest extends CustomerApiTestBase {

    private static final int UPLOADS = 24; // more than the pool's 20 connections

    @Autowired
    CsvSpooler spooler;

    @Autowired
    DataSource dataSource;

    @Test
    void slowUploadsHoldNoConnectionSoOtherRequestsAnswerAtOnce() throws Exception {
        CallingSetup setup = CallingSetup.create(this);
        setup.upsert(List.of(CallingSetup.customer("DRY-1", "pending", "hindi")));
        String importPath = customersPath(setup.campaignId) + "/import";
        List<TrickleUpload> uploads = new ArrayList<>();
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        try {
            for (int i = 0; i < UPLOADS; i++) {
                TrickleUpload upload = TrickleUpload.start(
                        port, "POST", importPath, "Authorization: Bearer " + setup.key, "Content-Type: text/csv");
                upload.send("id,phone\n");
                uploads.add(upload);
            }
            int[] line = {0};
            trickle.scheduleAtFixedRate(
                    () -> {
                        line[0]++;
                        for (int i = 0; i < uploads.size(); i++) {
                            try {
                                uploads.get(i).send("S" + i + "-" + line[0] + "," + CallingSetup.nextPhone() + "\n");
                            } catch (java.io.IOException closed) {
                                // an abandoned upload
                            }
                        }
                    },
                    0,
                    300,
                    TimeUnit.MILLISECONDS);
            await().atMost(Duration.ofSeconds(10)).until(() -> spooler.inProgress() == UPLOADS);
            assertThat(pool().getHikariPoolMXBean().getActiveConnections())
                    .as("the uploads being read hold no pooled connection")
                    .isLessThan(10); // before, they held all 20; background jobs may hold a few for a moment

            long started = System.nanoTime();
            CompletableFuture<Response> campaign =
                    CompletableFuture.supplyAsync(() -> get("/api/v1/campaigns/" + setup.campaignId, setup.key));
            CompletableFuture<Response> upsert = CompletableFuture.supplyAsync(() -> upsert(
                    setup.key,
                    setup.campaignId,
                    JSON.writeValueAsString(List.of(CallingSetup.customer("ONE-1", "paid", "hindi")))));
            CompletableFuture<Response> dryRun =
                    CompletableFuture.supplyAsync(() -> setup.initiate(Map.of("dryRun", true)));
            for (CompletableFuture<Response> answer : List.of(campaign, upsert, dryRun)) {
                Response response = answer.get(20, TimeUnit.SECONDS);
                assertThat(response.status()).as(response.raw()).isBetween(200, 299);
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertThat(millis)
                    .as("answered at once, not after the pool's 5 s wait")
                    .isLessThan(3000);
            for (TrickleUpload upload : uploads) {
                assertThat(upload.isAwaitingAnswer())
                        .as("the uploads are still open")
                        .isTrue();
            }
        } finally {
            trickle.shutdownNow();
            trickle.awaitTermination(5, TimeUnit.SECONDS);
        }
        for (int i = 0; i < UPLOADS; i++) {
            if (i % 2 == 0) {
                String answer = uploads.get(i).finish();
                assertThat(answer).startsWith("HTTP/1.1 200").contains("\"success\":true");
            }
            uploads.get(i).close(); // the odd ones are abandoned half-way
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> spooler.inProgress() == 0);
        assertThat(spoolFiles())
                .as("every spooled upload is deleted, finished or not")
                .isEmpty();
        assertThat(customerCount(setup.campaignId))
                .as("only finished uploads wrote customers")
                .isGreaterThan(2);
    }

    private HikariDataSource pool() throws java.sql.SQLException {
        return dataSource.unwrap(HikariDataSource.class);
    }

    private List<Path> spoolFiles() throws java.io.IOException {
        try (Stream<Path> files = Files.list(Path.of("target/test-spool"))) {
            return files.toList();
        }
    }
}
