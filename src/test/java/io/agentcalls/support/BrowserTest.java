package io.agentcalls.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Base of the console's browser tests: the real server and database of {@link ApiTest}, driven by
 * Debian's headless Chromium through its chromedriver (Selenium). One browser per test class, reused
 * by its tests. Without Chromium the tests fail under CI ({@code CI} set, as {@code .ci/run} does)
 * and are skipped, saying why, elsewhere.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserTest extends ApiTest {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** The screenshots the README shows; rewritten by every run, like the module diagrams. */
    public static final Path SCREENSHOTS = Path.of("docs/console");

    public static final Duration WAIT = Duration.ofSeconds(15);
    public static final String PASSWORD = "correct-horse-battery";
    private static final AtomicLong NEXT_USER = new AtomicLong(System.nanoTime() % 1_000_000);

    protected WebDriver browser;
    private Path profile;

    /** An organization of the test with its API key and id. */
    public record TestOrganization(String id, String apiKey) {}

    @BeforeAll
    void startBrowser() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String missing = "Chromium for the console's browser tests is missing (" + CHROMIUM + ", " + CHROMEDRIVER
                    + "): apt-get install -y chromium chromium-driver";
            if (System.getenv("CI") != null) {
                fail(missing);
            }
            Assumptions.abort(missing + "; skipped because CI is not set");
        }
        profile = Files.createTempDirectory("agentcalls-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // the flags this machine needs: no sandbox as root, and no background connections (refused here)
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--window-size=1366,768",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(WAIT);
    }

    @AfterAll
    void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /**
     * Opens the page and waits until its document is whole. ChromeDriver's own wait can end early
     * when the page before was still navigating (the sign-in's redirect), and a half-parsed table
     * then shows a third of its rows.
     */
    protected void open(String path) {
        String before = browser.getCurrentUrl();
        String target = url(path);
        browser.get(target);
        // a page that redirects (/ to /login) lands elsewhere; any landing but the page before counts
        await(d -> (target.equals(before) || !before.equals(d.getCurrentUrl())) && loaded(d));
    }

    private static boolean loaded(WebDriver page) {
        return "complete".equals(((JavascriptExecutor) page).executeScript("return document.readyState"));
    }

    /** A new organization through the admin API. */
    protected TestOrganization organization() {
        Response created =
                send("POST", "/admin/v1/organizations", ADMIN_TOKEN, "application/json", "{\"name\":\"Console Org\"}");
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return new TestOrganization(
                created.body().at("/data/organization/id").asString(),
                created.body().at("/data/apiKey").asString());
    }

    /** The organization of an API key ({@code ak_<org hex>_<secret>}). */
    protected static String organizationOf(String apiKey) {
        return "org_" + apiKey.substring(3, apiKey.indexOf('_', 3));
    }

    /** A console user of the organization through the admin API; returns the email (password {@link #PASSWORD}). */
    protected String user(String organizationId, String role) {
        String email = role + "-" + NEXT_USER.incrementAndGet() + "@lender.example";
        Response created = send(
                "POST",
                "/admin/v1/organizations/" + organizationId + "/users",
                ADMIN_TOKEN,
                "application/json",
                json("email", email, "password", PASSWORD, "role", role));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return email;
    }

    /** Signs in through the form, as a person would, after signing out whoever was signed in. */
    protected void signIn(String email, String password) {
        browser.manage().deleteAllCookies();
        open("/login");
        type(By.id("email"), email);
        type(By.id("password"), password);
        browser.findElement(By.id("sign-in")).click();
    }

    protected void type(By field, String text) {
        WebElement element = browser.findElement(field);
        element.clear();
        element.sendKeys(text);
    }

    /** Waits for the condition; an element htmx or SSE swapped out while it was read is read again. */
    protected <T> T await(Function<WebDriver, T> condition) {
        return new WebDriverWait(browser, WAIT)
                .ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    /**
     * The element's text; when htmx or SSE swaps it out between finding and reading (the monitor's
     * counters are replaced on every event), it is found again and read again.
     */
    protected String text(By element) {
        for (int attempt = 1; ; attempt++) {
            try {
                return browser.findElement(element).getText();
            } catch (StaleElementReferenceException swapped) {
                if (attempt == 5) {
                    throw swapped;
                }
            }
        }
    }

    protected boolean present(By element) {
        return !browser.findElements(element).isEmpty();
    }

    /**
     * A screenshot of the whole page at the width of a laptop (1366 px), for the README, taken
     * through the DevTools protocol so the part below the window is in it too.
     */
    @SuppressWarnings("unchecked")
    protected void screenshot(String name) throws IOException {
        ChromeDriver chrome = (ChromeDriver) browser;
        Map<String, Object> metrics = chrome.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<String, Object> content = (Map<String, Object>) metrics.get("cssContentSize");
        double width = ((Number) content.get("width")).doubleValue();
        double height = Math.min(4000, ((Number) content.get("height")).doubleValue());
        Map<String, Object> shot = chrome.executeCdpCommand(
                "Page.captureScreenshot",
                Map.of(
                        "format",
                        "png",
                        "captureBeyondViewport",
                        true,
                        "clip",
                        Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
    }

    /** Body of a JSON object from alternating keys and values (for fixtures built through the API). */
    protected static String body(Map<String, ?> values) {
        return JSON.writeValueAsString(values);
    }

    protected static List<String> texts(List<WebElement> elements) {
        return elements.stream().map(WebElement::getText).toList();
    }
}
