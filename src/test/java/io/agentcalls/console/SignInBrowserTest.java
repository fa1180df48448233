package io.agentcalls.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcalls.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** Signing in and out of the console in a real browser, and sign-in throttled after failures. */
class SignInBrowserTest extends BrowserTest {

    @Test
    void theConsoleAsksASignedOutVisitorToSignInAndLetsTheRightPasswordIn() throws Exception {
        TestOrganization org = organization();
        String email = user(org.id(), "operator");

        browser.manage().deleteAllCookies();
        open("/");
        await(d -> d.getCurrentUrl().endsWith("/login"));
        assertThat(browser.getTitle()).contains("Sign in");
        screenshot("sign-in");

        signIn(email, "not-the-password");
        await(d -> d.getCurrentUrl().contains("/login?error"));
        assertThat(text(By.cssSelector("[role=alert]"))).contains("Wrong email or password");

        signIn(email, PASSWORD);
        await(d -> d.getCurrentUrl().endsWith("/console/campaigns"));
        assertThat(text(By.cssSelector(".who .email"))).isEqualTo(email);
        assertThat(text(By.cssSelector(".who .role"))).isEqualTo("operator");
        assertThat(browser.findElements(By.cssSelector("nav[aria-label='Console screens'] a")))
                .as("the navigation lists the nine screens")
                .hasSize(9);
        assertThat(browser.manage().getCookieNamed("AGENTCALLS_SESSION").isHttpOnly())
                .isTrue();

        browser.findElement(By.cssSelector(".who button")).click();
        await(d -> d.getCurrentUrl().contains("/login?signedOut"));
        open("/console/campaigns");
        await(d -> d.getCurrentUrl().endsWith("/login"));
    }

    @Test
    void fiveWrongPasswordsForOneEmailRefuseEvenTheRightOneForAWhile() {
        TestOrganization org = organization();
        String email = user(org.id(), "viewer");
        for (int i = 0; i < 5; i++) {
            signIn(email, "wrong-" + i);
            await(d -> d.getCurrentUrl().contains("/login?error"));
        }
        signIn(email, PASSWORD);
        await(d -> d.getCurrentUrl().contains("/login?throttled"));
        assertThat(text(By.cssSelector("[role=alert]"))).contains("Too many failed sign-ins");
    }
}
