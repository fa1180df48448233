package io.agentcalls.customer;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletContext;
import java.io.File;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Multipart bodies are parsed only by the import endpoint, when it asks for its file: a multipart
 * POST anywhere else writes nothing to the container's temporary directory. Watched for file
 * creation, since the container deletes its part files when a request ends.
 */
class MultipartDiskApiTest extends CustomerApiTestBase {

    private static final String BOUNDARY = "----agentcalls-disk-test";

    @Autowired
    ServletContext servletContext;

    @Test
    void aMultipartPostToAnyOtherPathWritesNothingToDisk() throws Exception {
        String key = newOrganization();
        String campaign = newCampaign(key);
        Path temp = ((File) servletContext.getAttribute(ServletContext.TEMPDIR)).toPath();
        List<String> others = List.of(
                "/api/v1/campaigns",
                "/api/v1/campaigns/" + campaign,
                "/api/v1/agents",
                customersPath(campaign),
                "/api/v1/initiate/" + campaign + "/calls",
                "/api/v1/no-such-path",
                "/admin/v1/organizations");
        long before = fileCount(temp);

        try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
            temp.register(watcher, StandardWatchEventKinds.ENTRY_CREATE);
            for (String path : others) {
                String auth = path.startsWith("/admin") ? ADMIN_TOKEN : key;
                Response response = send(multipart(path, auth, "POST"));
                assertThat(response.status()).as(path + ": " + response.raw()).isBetween(400, 499);
                assertThat(response.body().at("/success").asBoolean()).isFalse();
            }
            send(multipart("/api/v1/campaigns/" + campaign, key, "PATCH"));
            assertThat(created(watcher))
                    .as("files created by requests to other paths")
                    .isEmpty();
            assertThat(fileCount(temp)).isEqualTo(before);

            Response imported = send(multipart(customersPath(campaign) + "/import", key, "POST"));
            assertThat(counts(imported))
                    .as("the import endpoint reads the same body")
                    .isEqualTo("2100/2100/0/0");
            assertThat(created(watcher))
                    .as("the import's part went to the temporary directory")
                    .isNotEmpty();
        }
        assertThat(fileCount(temp)).as("and was deleted after the request").isEqualTo(before);
    }

    /** A multipart body with a 2 MB file, over the 1 MB the container keeps in memory. */
    private HttpRequest multipart(String path, String token, String method) {
        StringBuilder csv = new StringBuilder("id,phone,note\n");
        for (int i = 0; i < 2100; i++) {
            csv.append("M-")
                    .append(i)
                    .append(",9812345678,")
                    .append("n".repeat(1000))
                    .append('\n');
        }
        String body = "--" + BOUNDARY + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"customers.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + BOUNDARY + "--\r\n";
        return request(path)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
    }

    private static List<String> created(WatchService watcher) throws InterruptedException {
        List<String> names = new ArrayList<>();
        WatchKey key = watcher.poll(500, TimeUnit.MILLISECONDS);
        while (key != null) {
            key.pollEvents().forEach(event -> names.add(String.valueOf(event.context())));
            key.reset();
            key = watcher.poll(200, TimeUnit.MILLISECONDS);
        }
        return names;
    }

    private static long fileCount(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.count();
        }
    }
}
