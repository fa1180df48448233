package io.agentcalls.console.screens;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcalls.support.BrowserTest;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The screens of part B in a real browser (issue 14): export the call list as CSV and check its
 * rows, import a CSV with a bad row and see it reported, add a do-not-call number, redeliver a
 * webhook, create an API key that is shown once; a viewer sees no control that changes anything;
 * every control is labelled; the pages fit a phone's width. Screenshots of each screen on demo-like
 * data go to docs/console/.
 */
class PartBScreensBrowserTest extends BrowserTest {

    private ScreenData data;

    @BeforeAll
    void demoLikeData() {
        data = ScreenData.create(this, jdbc, port);
    }

    @Test
    void anAdminExportsImportsListsRedeliversAndCreatesAKey() throws Exception {
        signIn(user(data.organizationId, "admin"), PASSWORD);
        await(d -> d.getCurrentUrl().contains("/console/"));

        open("/console/calls");
        assertThat(browser.findElements(By.cssSelector("#calls-table tbody tr")))
                .hasSize(data.callIds.size());
        screenshot("calls");
        new Select(browser.findElement(By.id("f-status"))).selectByValue("busy");
        browser.findElement(By.id("apply-filters")).click();
        await(d -> d.getCurrentUrl().contains("status=busy"));
        assertThat(texts(browser.findElements(By.cssSelector("#calls-table tbody .pill"))))
                .containsOnly("busy");

        // the export link carries the filters; the browser downloads it with its session
        String href = browser.findElement(By.id("export-csv")).getAttribute("href");
        String csv = (String) ((JavascriptExecutor) browser)
                .executeAsyncScript("fetch(arguments[0]).then(r => r.text()).then(arguments[1])", href);
        List<CSVRecord> rows = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .get()
                .parse(new StringReader(csv))
                .getRecords();
        List<String> busy = jdbc.sql(
                        "SELECT id FROM calls WHERE organization_id = :org AND status = 'busy' ORDER BY id DESC")
                .param("org", data.organizationId)
                .query(String.class)
                .list();
        assertThat(rows).extracting(r -> r.get("call_id")).containsExactlyElementsOf(busy);
        assertThat(rows).extracting(r -> r.get("status")).containsOnly("busy");
        assertThat(rows)
                .extracting(r -> r.get("customer_name"))
                .allMatch(n -> List.of(ScreenData.NAMES).contains(n));

        open("/console/customers");
        assertThat(browser.findElements(By.cssSelector("#customers-table tbody tr")))
                .hasSize(ScreenData.NAMES.length);
        screenshot("customers");
        browser.findElement(By.cssSelector("#customers-table tbody tr a")).click();
        await(d -> present(By.id("attempts")));
        assertThat(browser.findElements(By.cssSelector("#attempts li"))).hasSize(2);
        screenshot("customer");

        Path upload = Files.createTempFile("customers-", ".csv");
        Files.writeString(
                upload,
                "id,name,phone\nLN09001,Farah Ali,9876512001\nLN09002,No Phone,12\nLN09003,Dev Anand,9876512003\n");
        open("/console/import");
        browser.findElement(By.id("i-file")).sendKeys(upload.toString());
        browser.findElement(By.id("import-submit")).click();
        await(d -> present(By.id("import-errors")));
        assertThat(text(By.id("imported-created"))).isEqualTo("2");
        assertThat(text(By.id("imported-rejected"))).isEqualTo("1");
        assertThat(text(By.cssSelector("#import-errors tbody tr"))).contains("2", "LN09002", "phone");
        assertThat(browser.findElement(By.id("import-progress")).getAttribute("value"))
                .isEqualTo("100");
        screenshot("import");
        Files.delete(upload);

        open("/console/compliance");
        type(By.id("dnc-phones"), "+91 98765 12999");
        browser.findElement(By.id("dnc-add")).click();
        await(d -> present(By.id("notice")));
        assertThat(text(By.id("notice"))).contains("1 added");
        assertThat(text(By.id("dnc-table"))).contains("+919876512999");
        assertThat(browser.findElement(By.id("skips-table")).getAttribute("textContent"))
                .as("the chart's figures, in a table beside it")
                .contains("Do-not-call");
        screenshot("compliance");

        open("/console/webhooks");
        browser.findElement(By.cssSelector("#webhooks-table tbody a")).click();
        await(d -> present(By.id("deliveries-table")));
        screenshot("webhooks");
        String exhausted = jdbc.sql("SELECT id FROM webhook_deliveries WHERE endpoint_id = :w AND status = 'exhausted'")
                .param("w", data.webhookId)
                .query(String.class)
                .single();
        browser.findElement(By.cssSelector("button[aria-label='Redeliver " + exhausted + "']"))
                .click();
        await(d -> present(By.id("notice")));
        assertThat(text(By.id("notice"))).contains("being sent again");
        Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(15))
                .until(() -> jdbc.sql("SELECT attempts FROM webhook_deliveries WHERE id = :id")
                                .param("id", exhausted)
                                .query(Integer.class)
                                .single()
                        > 8);

        data.setup.created(
                "/api/v1/voice-connections",
                Map.of(
                        "provider",
                        "vapi",
                        "name",
                        "Vapi production",
                        "apiKey",
                        "vapi-key-for-the-screenshot-7c1d",
                        "maxConcurrentCalls",
                        20,
                        "callsPerSecond",
                        2));
        open("/console/settings");
        assertThat(text(By.id("voice-connections-table"))).contains("Vapi production", "…7c1d", "20");
        type(By.id("k-name"), "collections CRM");
        browser.findElement(By.id("create-key")).click();
        await(d -> present(By.id("new-key")));
        String key = browser.findElement(By.id("new-key")).getAttribute("value");
        assertThat(key).startsWith("ak_");
        assertThat(get("/api/v1/campaigns", key).status())
                .as("the key shown works")
                .isEqualTo(200);
        screenshot("settings");
        open("/console/settings");
        assertThat(present(By.id("new-key"))).as("a key is shown once").isFalse();
        assertThat(browser.getPageSource()).doesNotContain(key);
        assertThat(text(By.id("keys-table"))).contains("collections CRM");
    }

    @Test
    void aViewerSeesNoControlThatChangesAnythingAndEveryControlIsLabelledAndFitsAPhone() {
        signIn(user(data.organizationId, "viewer"), PASSWORD);
        await(d -> d.getCurrentUrl().contains("/console/"));
        String campaign = data.setup.campaignId;
        List<String> pages = List.of(
                "/console/calls",
                "/console/customers",
                "/console/import",
                "/console/compliance",
                "/console/webhooks",
                "/console/webhooks/" + data.webhookId,
                "/console/settings",
                "/console/settings/campaigns/" + campaign);
        for (String page : pages) {
            open(page);
            assertThat(unlabelledControls())
                    .as("unlabelled controls on %s", page)
                    .isEmpty();
            browser.manage().window().setSize(new Dimension(390, 844));
            try {
                Object overflow = ((JavascriptExecutor) browser)
                        .executeScript("return document.documentElement.scrollWidth - window.innerWidth");
                Object widest = ((JavascriptExecutor) browser).executeScript("""
                        return [...document.querySelectorAll('body *')]
                          .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1
                                       && !e.closest('.table-wrap'))
                          .slice(0, 5).map(e => e.tagName + '#' + e.id + '.' + e.className).join(' ');
                        """);
                assertThat(((Number) overflow).intValue())
                        .as("%s wider than a phone: %s", page, widest)
                        .isLessThanOrEqualTo(0);
            } finally {
                browser.manage().window().setSize(new Dimension(1366, 768));
            }
        }
        open("/console/import");
        assertThat(present(By.id("import-form"))).isFalse();
        assertThat(present(By.id("import-read-only"))).isTrue();
        open("/console/compliance");
        assertThat(present(By.id("dnc-add-form"))).isFalse();
        assertThat(present(By.id("dnc-upload-form"))).isFalse();
        assertThat(browser.findElements(By.cssSelector("#dnc-table button"))).isEmpty();
        open("/console/webhooks/" + data.webhookId);
        assertThat(browser.findElements(By.cssSelector("button.redeliver"))).isEmpty();
        open("/console/settings");
        assertThat(present(By.id("key-form"))).isFalse();
        assertThat(present(By.id("user-form"))).isFalse();
        assertThat(browser.findElements(By.cssSelector("#keys-table button"))).isEmpty();
        open("/console/settings/campaigns/" + campaign);
        assertThat(present(By.id("save-campaign"))).isFalse();
        assertThat(browser.findElements(By.cssSelector("#campaign-form fieldset input")))
                .allMatch(input -> !input.isEnabled());
    }

    /** Inputs, selects, text areas and buttons with neither a label, an aria-label nor a text. */
    @SuppressWarnings("unchecked")
    private List<WebElement> unlabelledControls() {
        return (List<WebElement>) ((JavascriptExecutor) browser).executeScript("""
                return [...document.querySelectorAll('input:not([type=hidden]), select, textarea, button')]
                  .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')
                               && !(e.tagName === 'BUTTON' && e.textContent.trim()));
                """);
    }
}
