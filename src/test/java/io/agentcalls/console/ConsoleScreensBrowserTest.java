package io.agentcalls.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcalls.runner.SimulatedPlayback;
import io.agentcalls.support.BrowserTest;
import io.agentcalls.support.CallingSetup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The console's screens in a real browser, in the order a team lead uses them: launch through the
 * wizard once the preview shows the expected counts (a double click launches once), watch the
 * monitor's counters move as the simulated calls end without reloading, pause and resume, outcomes,
 * a call's transcript; then what a viewer and another organization cannot do. Screenshots of each
 * screen go to docs/console/.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleScreensBrowserTest extends BrowserTest {

    @Autowired
    ApplicationContext context;

    private CallingSetup lender;
    private String operator;
    private String viewer;

    @BeforeAll
    void lenderWithCustomers() {
        lender = CallingSetup.create(this);
        List<Map<String, Object>> customers = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            String status = i <= 12 ? "pending" : i <= 20 ? "bounced" : "paid";
            Map<String, Object> customer =
                    CallingSetup.customer(String.format("LN-%04d", i), status, i % 3 == 0 ? "english" : "hindi");
            customer.put(
                    "name",
                    List.of("Asha Rao", "Ravi Kumar", "Meena Iyer", "Arjun Das", "Priya Nair")
                                    .get(i % 5) + " " + i);
            customer.put("emi_amount", 2500 + i * 100);
            customers.add(customer);
        }
        lender.upsert(customers);
        String organizationId = organizationOf(lender.key);
        operator = user(organizationId, "operator");
        viewer = user(organizationId, "viewer");
    }

    @Test
    @Order(1)
    void theLaunchPreviewCountsAsYouEditAndADoubleClickLaunchesOnce() throws Exception {
        signIn(operator, PASSWORD);
        await(d -> d.getCurrentUrl().endsWith("/console/campaigns"));
        screenshot("campaigns");
        browser.findElement(By.cssSelector("a.launch")).click();
        await(d -> d.getCurrentUrl().endsWith("/launch"));
        await(d -> !text(By.id("matched")).isEmpty());
        assertThat(text(By.id("matched"))).as("no filter: every customer").isEqualTo("30");

        browser.findElement(By.id("ps-pending")).click();
        browser.findElement(By.id("ps-bounced")).click();
        await(d -> text(By.id("matched")).equals("20"));
        assertThat(text(By.id("would-call"))).isEqualTo("20");
        assertThat(browser.findElements(By.cssSelector("#samples tbody tr"))).hasSize(3);
        assertThat(text(By.id("samples"))).contains("{{emi_amount}}").contains("{{name}}");
        screenshot("launch");

        // two clicks before the page changes: the same form, with its Idempotency-Key, sent twice
        ((JavascriptExecutor) browser)
                .executeScript("const b = document.getElementById('launch'); b.click(); b.click();");
        await(d -> d.getCurrentUrl().endsWith("/console/campaigns/" + lender.campaignId));
        assertThat(count("SELECT count(*) FROM initiations WHERE campaign_id = :id"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM calls WHERE campaign_id = :id")).isEqualTo(20);
        assertThat(text(By.cssSelector("main [role=status]"))).contains("20");
    }

    @Test
    @Order(2)
    void theMonitorCountsCallsAsTheyEndWithoutReloading() throws Exception {
        open("/console/campaigns/" + lender.campaignId);
        await(d -> present(By.id("ended")));
        assertThat(text(By.id("total"))).isEqualTo("20");
        assertThat(text(By.id("ended"))).isEqualTo("0");
        ((JavascriptExecutor) browser).executeScript("window.stillTheSamePage = true;");

        await(d -> {
            SimulatedPlayback.playDue(context);
            return text(By.id("ended")).equals("20");
        });
        assertThat(((JavascriptExecutor) browser).executeScript("return window.stillTheSamePage === true"))
                .as("the figures changed over SSE, not by a reload")
                .isEqualTo(true);
        assertThat(text(By.id("contact-rate"))).endsWith("%");
        assertThat(text(By.id("window-state"))).isEqualTo("Calling window open");
        screenshot("monitor");
    }

    @Test
    @Order(3)
    void anOperatorPausesAndResumesTheCampaign() {
        open("/console/campaigns/" + lender.campaignId);
        browser.findElement(By.id("pause")).click();
        await(d -> present(By.id("resume")));
        assertThat(text(By.id("campaign-status"))).isEqualTo("paused");
        assertThat(status()).isEqualTo("paused");

        browser.findElement(By.id("resume")).click();
        await(d -> present(By.id("pause")));
        assertThat(text(By.id("campaign-status"))).isEqualTo("active");
        assertThat(status()).isEqualTo("active");
    }

    @Test
    @Order(4)
    void outcomesShowDispositionsByPaymentStatusAndLanguage() throws Exception {
        open("/console/outcomes?campaignId=" + lender.campaignId);
        await(d -> present(By.id("dispositions")));
        assertThat(text(By.id("ended"))).isEqualTo("20");
        assertThat(text(By.id("dispositions")))
                .contains("pending")
                .contains("bounced")
                .contains("hindi");
        assertThat(browser.findElements(By.cssSelector("#hours tbody tr"))).isNotEmpty();
        screenshot("outcomes");
    }

    @Test
    @Order(5)
    void aCallShowsItsTimelineAndTranscript() throws Exception {
        String call = jdbc.sql("SELECT id FROM calls WHERE campaign_id = :id AND status = 'completed'"
                        + " AND transcript IS NOT NULL ORDER BY id LIMIT 1")
                .param("id", lender.campaignId)
                .query(String.class)
                .single();
        open("/console/calls/" + call);
        await(d -> present(By.id("timeline")));
        assertThat(text(By.id("call-status"))).isEqualTo("completed");
        assertThat(text(By.id("timeline"))).contains("Queued").contains("Answered");
        assertThat(text(By.id("transcript"))).contains("Agent:");
        Object recording = ((JavascriptExecutor) browser).executeAsyncScript("""
                        const done = arguments[arguments.length - 1];
                        fetch(document.querySelector('audio').src)
                            .then(r => done(r.status + ' ' + r.headers.get('Content-Type')));
                        """);
        assertThat(recording.toString()).as("the player's source").startsWith("200 audio/");
        screenshot("call-detail");
    }

    @Test
    @Order(6)
    void aViewerSeesNoControlAndAForgedLaunchIsRefused() {
        signIn(viewer, PASSWORD);
        await(d -> d.getCurrentUrl().endsWith("/console/campaigns"));
        assertThat(browser.findElements(By.cssSelector("a.launch"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("nav a[href=\"/console/launch\"]")))
                .isEmpty();
        open("/console/campaigns/" + lender.campaignId);
        await(d -> present(By.id("total")));
        assertThat(browser.findElements(By.cssSelector("main form button"))).isEmpty();

        long calls = count("SELECT count(*) FROM calls WHERE campaign_id = :id");
        Object forged = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const header = document.querySelector('meta[name="_csrf_header"]').content;
                const token = document.querySelector('meta[name="_csrf"]').content;
                const post = path => fetch(path, {method: 'POST', headers: {[header]: token,
                    'Content-Type': 'application/x-www-form-urlencoded'},
                    body: 'agentId=%s&dispositionId=%s&idempotencyKey=forged-1'}).then(r => r.status);
                Promise.all([post('%s/launch'), post('%s/pause'), post('%s/launch/preview')]).then(done);
                """.formatted(
                        lender.agentId,
                        lender.dispositionId,
                        "/console/campaigns/" + lender.campaignId,
                        "/console/campaigns/" + lender.campaignId,
                        "/console/campaigns/" + lender.campaignId));
        assertThat(forged).isEqualTo(List.of(403L, 403L, 403L));
        assertThat(count("SELECT count(*) FROM calls WHERE campaign_id = :id")).isEqualTo(calls);
        assertThat(status()).isEqualTo("active");

        open("/console/campaigns/" + lender.campaignId + "/launch");
        assertThat(text(By.tagName("h1"))).isEqualTo("Not allowed");
    }

    @Test
    @Order(7)
    void anotherOrganizationsCampaignAndCallAreNotFound() {
        CallingSetup other = CallingSetup.create(this);
        other.upsert(other.customers("OTHER", 2));
        assertThat(other.initiate(Map.of("limit", 1)).status()).isEqualTo(200);
        String otherCall = jdbc.sql("SELECT id FROM calls WHERE campaign_id = :id LIMIT 1")
                .param("id", other.campaignId)
                .query(String.class)
                .single();

        signIn(operator, PASSWORD);
        await(d -> d.getCurrentUrl().endsWith("/console/campaigns"));
        for (String path : List.of(
                "/console/campaigns/" + other.campaignId,
                "/console/campaigns/" + other.campaignId + "/launch",
                "/console/outcomes?campaignId=" + other.campaignId,
                "/console/calls/" + otherCall)) {
            open(path);
            assertThat(text(By.tagName("h1"))).as(path).isEqualTo("Not found");
        }
        Object live = ((JavascriptExecutor) browser)
                .executeAsyncScript("const done = arguments[arguments.length - 1];" + "fetch('/console/campaigns/"
                        + other.campaignId + "/live').then(r => done(r.status));");
        assertThat(live).isEqualTo(404L);
    }

    @Test
    @Order(8)
    void theScreensFitAPhonesWidth() {
        signIn(operator, PASSWORD);
        await(d -> d.getCurrentUrl().endsWith("/console/campaigns"));
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            for (String path : List.of(
                    "/console/campaigns",
                    "/console/campaigns/" + lender.campaignId,
                    "/console/campaigns/" + lender.campaignId + "/launch",
                    "/console/outcomes?campaignId=" + lender.campaignId)) {
                open(path);
                Object overflow = ((JavascriptExecutor) browser)
                        .executeScript("return document.documentElement.scrollWidth - window.innerWidth");
                assertThat(((Number) overflow).longValue()).as(path).isLessThanOrEqualTo(0);
            }
        } finally {
            browser.manage().window().setSize(new Dimension(1366, 768));
        }
    }

    private long count(String sql) {
        return jdbc.sql(sql).param("id", lender.campaignId).query(Long.class).single();
    }

    private String status() {
        return jdbc.sql("SELECT status FROM campaigns WHERE id = :id")
                .param("id", lender.campaignId)
                .query(String.class)
                .single();
    }
}
