package io.agentcalls.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.agentcalls.AgentcallsApplication;
import io.agentcalls.common.StartupRefusal;
import io.agentcalls.support.ApiTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;

/**
 * Demo mode cannot leak into real use. Real restarts: further application contexts on this JVM's
 * embedded PostgreSQL (which this class's own context keeps running between them), each with its
 * own HTTP port, as a restarted node would be.
 */
class DemoModeTest extends ApiTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void theDemoKeyWorksInDemoModeAndNoLongerAfterARestartWithoutIt() throws Exception {
        String minted;
        try (ConfigurableApplicationContext demo = start("--agentcalls.demo=true")) {
            assertThat(campaignsStatus(demo, DemoData.API_KEY)).isEqualTo(200);
            // anyone with the public key can create another key of the demo organization
            minted = createApiKey(demo);
            assertThat(campaignsStatus(demo, minted)).isEqualTo(200);
        }
        try (ConfigurableApplicationContext real = start()) {
            assertThat(campaignsStatus(real, DemoData.API_KEY)).isEqualTo(401);
            assertThat(campaignsStatus(real, minted)).isEqualTo(401);
        }
        assertThat(jdbc.sql("SELECT revoked_at FROM api_keys WHERE organization_id = :org")
                        .param("org", DemoData.ORGANIZATION_ID)
                        .query(OffsetDateTime.class)
                        .list())
                .isNotEmpty()
                .doesNotContainNull();
        // and back: demo mode on again brings the public key back, as the README promises
        try (ConfigurableApplicationContext demo = start("--agentcalls.demo=true")) {
            assertThat(campaignsStatus(demo, DemoData.API_KEY)).isEqualTo(200);
            assertThat(campaignsStatus(demo, minted)).isEqualTo(401);
        }
        try (ConfigurableApplicationContext real = start()) {
            assertThat(campaignsStatus(real, DemoData.API_KEY)).isEqualTo(401);
        }
    }

    @Test
    void demoModeRefusesARealRunner() {
        Throwable thrown = catchThrowable(() -> start(
                "--agentcalls.demo=true",
                "--agentcalls.runner.url=http://127.0.0.1:9/runner",
                "--agentcalls.runner.secret=test-runner-secret-0123456789abcdef0123456789"));
        assertThat(NestedExceptionUtils.getMostSpecificCause(thrown))
                .isInstanceOf(StartupRefusal.class)
                .hasMessageContaining("AGENTCALLS_DEMO=true cannot run with AGENTCALLS_RUNNER_URL");
    }

    private static ConfigurableApplicationContext start(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "--server.port=0";
        System.arraycopy(args, 0, all, 1, args.length);
        return new SpringApplicationBuilder(AgentcallsApplication.class)
                .profiles("test")
                .run(all);
    }

    private static int campaignsStatus(ConfigurableApplicationContext context, String apiKey) throws Exception {
        return HTTP.send(
                        HttpRequest.newBuilder(url(context, "/api/v1/campaigns"))
                                .header("Authorization", "Bearer " + apiKey)
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    private static String createApiKey(ConfigurableApplicationContext context) throws Exception {
        HttpResponse<String> created = HTTP.send(
                HttpRequest.newBuilder(url(context, "/api/v1/api-keys"))
                        .header("Authorization", "Bearer " + DemoData.API_KEY)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"made during the demo\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).at("/data/key").asString();
    }

    private static URI url(ConfigurableApplicationContext context, String path) {
        int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        return URI.create("http://localhost:" + port + path);
    }
}
