package io.agentcalls.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcalls.support.ApiTest;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Console users through the admin API; the console's door beside the API's (sign-in redirect for
 * pages, 401 envelopes for the API, CSRF on writes, the session cookie's flags); throttling by address.
 */
class ConsoleUserAdminTest extends ApiTest {

    @Autowired
    ConsoleUserService users;

    private String organizationId() {
        Response created =
                send("POST", "/admin/v1/organizations", ADMIN_TOKEN, "application/json", "{\"name\":\"Users Org\"}");
        return created.body().at("/data/organization/id").asString();
    }

    private Response createUser(String organizationId, String body) {
        return send(
                "POST", "/admin/v1/organizations/" + organizationId + "/users", ADMIN_TOKEN, "application/json", body);
    }

    @Test
    void anAdminCreatesUsersOnceEachAndTheWrongOnesAreNamed() {
        String org = organizationId();
        Response created =
                createUser(org, json("email", " Ravi@Lender.Example ", "password", "long-enough", "role", "admin"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.body().at("/data/email").asString()).isEqualTo("ravi@lender.example");
        assertThat(created.body().at("/data/role").asString()).isEqualTo("admin");
        assertThat(created.raw()).doesNotContain("long-enough").doesNotContain("bcrypt");
        String hash = jdbc.sql("SELECT password_hash FROM console_users WHERE email = 'ravi@lender.example'")
                .query(String.class)
                .single();
        assertThat(hash).startsWith("{bcrypt}");

        Response again =
                createUser(org, json("email", "ravi@lender.example", "password", "long-enough", "role", "viewer"));
        assertThat(again.status()).isEqualTo(409);

        Response wrong = createUser(org, json("email", "no-at-sign", "password", "short", "role", "boss"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body().at("/errors").toString())
                .contains("email")
                .contains("password")
                .contains("role");

        assertThat(createUser(org, "{\"email\":1}").status()).isEqualTo(400);
        assertThat(createUser(org, "{").status()).isEqualTo(400);
        assertThat(createUser(
                                "org_" + "0".repeat(32),
                                json("email", "x@y.z", "password", "long-enough", "role", "admin"))
                        .status())
                .isEqualTo(404);
        assertThat(send("POST", "/admin/v1/organizations/" + org + "/users", null, "application/json", "{}")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void pagesRedirectToSignInWhileTheApiStillAnswersEnvelopes() {
        Response home = get("/", null);
        assertThat(home.status()).isEqualTo(302);
        assertThat(home.http().headers().firstValue("Location").orElseThrow()).endsWith("/login");

        Response api = get("/api/v1/campaigns", null);
        assertThat(api.status()).isEqualTo(401);
        assertThat(api.body().at("/success").asBoolean()).isFalse();

        Response login = get("/login", null);
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.raw()).contains("name=\"_csrf\"");
        List<String> cookies = login.http().headers().allValues("Set-Cookie");
        assertThat(cookies)
                .anySatisfy(cookie -> assertThat(cookie)
                        .startsWith("AGENTCALLS_SESSION=")
                        .contains("HttpOnly")
                        .contains("SameSite=Lax"));

        // a sign-in without the page's CSRF token is refused
        Response forged = send(HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=a%40b.c&password=whatever1"))
                .build());
        assertThat(forged.status()).isEqualTo(403);
    }

    @Test
    void oneAddressGuessingManyEmailsIsThrottledToo() {
        String org = organizationId();
        Response created =
                createUser(org, json("email", "asha@lender.example", "password", "right-password", "role", "viewer"));
        assertThat(created.status()).isEqualTo(201);
        String address = "203.0.113." + (System.nanoTime() % 200);
        int limit = 30; // agentcalls.console.failures-per-address in the test profile
        for (int i = 0; i < limit; i++) {
            users.signIn("guess-" + i + "@lender.example", "wrong-password", address);
        }
        assertThat(users.signIn("asha@lender.example", "right-password", address)
                        .outcome())
                .isEqualTo(ConsoleUserService.SignIn.Outcome.THROTTLED);
        assertThat(users.signIn("asha@lender.example", "right-password", "198.51.100.1")
                        .outcome())
                .isEqualTo(ConsoleUserService.SignIn.Outcome.SIGNED_IN);
    }
}
