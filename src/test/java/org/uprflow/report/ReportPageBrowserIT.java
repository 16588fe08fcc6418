package org.uprflow.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.uprflow.testing.Browser;
import org.uprflow.testing.Http;
import org.uprflow.testing.PostgresIntegrationTest;
import org.uprflow.testing.ReportFixture;
import org.uprflow.testing.World;

/**
 * The report page in headless Chromium: Uruguay's programme manager logs in through /login/,
 * reads the draft of a cycle waiting at its publish task, publishes it with the button on the day
 * she states (a day ahead is refused next to the field), and the page shows it published on that day; screenshots under target/screenshots/.
 */
class ReportPageBrowserIT extends PostgresIntegrationTest {

    @Test
    void theManagerReadsTheDraftAndPublishesIt() {
        ReportFixture uruguay = new ReportFixture(world);
        int cycle = 4;
        String instance = uruguay.open(cycle);
        Http.Response added = uruguay.as(ReportFixture.MANAGER).postJson("/api/countries/UY/cycles/" + cycle
                + "/recommendations", "{\"text\":\"Ratify the Optional Protocol to the Convention against Torture\","
                + "\"recommendingState\":\"Denmark\",\"themes\":[\"Torture\"],\"actionCategory\":5}");
        String recommendation = added.json().get("id").asText();
        Http.Response row = uruguay.as(ReportFixture.CSO).postJson(ReportFixture.cycle(cycle) + "/matrix/entries", """
                {"themeCluster":"Torture","goal":"A national preventive mechanism at work","actions":"Ratify OPCAT",
                 "responsibleInstitution":"Ministry of Foreign Affairs","status":"PARTIALLY_IMPLEMENTED",
                 "recommendationIds":["%s"]}""".formatted(recommendation));
        assertThat(row.status()).as(row.toString()).isEqualTo(201);
        // the contributions were submitted on 1 March 2016: the report can be published from that day
        uruguay.toPublishTask(instance, cycle, LocalDate.of(2016, 3, 1));

        try (Browser browser = Browser.open()) {
            WebDriver page = browser.driver();
            browser.logInToPages(http.baseUrl(), ReportFixture.MANAGER, World.PASSWORD,
                    "/report/?country=UY&cycle=" + cycle);
            WebDriverWait wait = browser.waitUpTo(Duration.ofSeconds(30));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("report")));

            // the document is the server's, from the template the PDF is made of
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#document h1")));
            assertThat(page.findElement(By.cssSelector("#document h1")).getText()).isEqualTo("Mid-term report: Uruguay");
            assertThat(page.findElement(By.id("report")).getAttribute("data-state")).isEqualTo("DRAFT");
            assertThat(page.findElement(By.cssSelector("#document .state-badge")).getText()).startsWith("DRAFT, compiled on");
            assertThat(page.findElement(By.id("introduction")).getText()).contains("Introduction and method",
                    "Uruguay received");
            assertThat(page.findElements(By.cssSelector("#summary svg.status-chart"))).as("the chart").hasSize(1);
            assertThat(page.findElement(By.id("clusters")).getText()).contains("Torture", "Ministry of Foreign Affairs",
                    "Partially implemented", "No progress report yet.");
            assertThat(page.findElement(By.id("annex")).getText())
                    .contains("Ratify the Optional Protocol to the Convention against Torture (Denmark)");
            assertThat(page.findElement(By.id("contributions")).getText()).contains("Contributed on", "uy.gov");
            assertThat(page.findElement(By.id("document")).getText()).doesNotContain("UTC", "??");
            assertThat(page.findElement(By.id("pdf")).getAttribute("href")).endsWith("/api/countries/UY/cycles/4/report.pdf");
            assertThat(page.findElement(By.cssSelector("#uprflow-nav [aria-current=page]")).getText())
                    .isEqualTo("Mid-term report");
            assertThat(page.findElement(By.id("publish")).isEnabled()).isTrue();
            assertThat(page.findElement(By.id("public")).isDisplayed()).as("a draft is not made public").isFalse();
            browser.screenshot("report-draft");
            page.manage().window().setSize(new Dimension(400, 900));
            assertThat((Boolean) browser.script("const r = document.getElementById('report');"
                    + " return r.scrollWidth <= r.clientWidth;")).as("the report fits a narrow screen").isTrue();
            assertThat(browser.script("return getComputedStyle(document.querySelector('.cluster-table td')).display;"))
                    .as("the cluster table reflows on a phone").isEqualTo("block");
            assertThat(browser.script("return getComputedStyle(document.querySelector('#themes .table-scroll')).overflowX;"))
                    .as("the theme table scrolls on a phone").isEqualTo("auto");
            browser.screenshot("report-draft-narrow");
            page.manage().window().setSize(new Dimension(1400, 1000));

            // the day of publication as stated: today unless she says otherwise, offered from the last contribution
            WebElement publishedOn = page.findElement(By.id("published-on"));
            assertThat(publishedOn.getAttribute("value")).as("today by default").isEqualTo(LocalDate.now().toString());
            assertThat(publishedOn.getAttribute("min")).isEqualTo("2016-03-01");
            assertThat(page.findElement(By.cssSelector("label[for=published-on]")).getText()).isEqualTo("Day of publication");
            assertThat(page.findElement(By.id("published-on-hint")).getText()).startsWith("The day the report was published");

            // a day still ahead: the server refuses it and the page says so next to the field, nothing published
            String tomorrow = LocalDate.now().plusDays(1).toString();
            stateTheDay(browser, tomorrow);
            page.findElement(By.id("publish")).click();
            Alert why = wait.until(ExpectedConditions.alertIsPresent());
            why.sendKeys("The follow-up meeting was postponed");
            why.accept();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("published-on-error"),
                    "The report cannot be published on " + tomorrow + ", after today"));
            assertThat(publishedOn.getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(page.findElement(By.id("report")).getAttribute("data-state")).isEqualTo("DRAFT");

            // the matrix is still a draft: the page asks why, and the report prints the answer and the day stated
            stateTheDay(browser, "2016-03-02");
            page.findElement(By.id("publish")).click();
            why = wait.until(ExpectedConditions.alertIsPresent());
            why.sendKeys("The follow-up meeting was postponed");
            why.accept();
            wait.until(driver -> "PUBLISHED".equals(driver.findElement(By.id("report")).getAttribute("data-state")));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#document .state-badge"),
                    "PUBLISHED on March 2, 2016"));
            assertThat(page.findElement(By.cssSelector("#document .draft-reason")).getText())
                    .contains("Reason given: The follow-up meeting was postponed");
            assertThat(page.findElement(By.cssSelector("#document .state-badge")).getText())
                    .startsWith("PUBLISHED on").endsWith("by " + ReportFixture.MANAGER);
            assertThat(page.findElement(By.id("publish")).isDisplayed()).isFalse();

            // the manager makes it public, the link opens without a login, revoked it is gone
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("make-public"))).click();
            WebElement url = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("public-url")));
            String link = url.getAttribute("href");
            assertThat(link).contains("/api/public/reports/");
            assertThat(page.findElement(By.id("revoke-public")).isDisplayed()).isTrue();
            assertThat(http.anonymous().get(link.substring(link.indexOf("/api/"))).status()).isEqualTo(200);
            page.findElement(By.id("revoke-public")).click();
            wait.until(ExpectedConditions.alertIsPresent()).accept();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("make-public")));
            assertThat(page.findElement(By.id("public-url")).isDisplayed()).isFalse();
            assertThat(http.anonymous().get(link.substring(link.indexOf("/api/"))).status()).as("revoked").isEqualTo(404);
            browser.screenshot("report-published");
        }
        JsonNode stored = uruguay.as(ReportFixture.CSO).get(ReportFixture.cycle(cycle) + "/report").json();
        assertThat(stored.get("state").asText()).as("published through the page").isEqualTo("PUBLISHED");
        assertThat(stored.get("publishedBy").asText()).isEqualTo(ReportFixture.MANAGER);
        assertThat(stored.get("publishedOn").asText()).as("the day stated on the page").isEqualTo("2016-03-02");
    }

    /** Sets the date field to {@code day} (its value is yyyy-MM-dd in every locale; typed keys follow the browser's). */
    private static void stateTheDay(Browser browser, String day) {
        browser.script("const input = document.getElementById('published-on'); input.value = arguments[0];"
                + " input.dispatchEvent(new Event('input', {bubbles: true}));", day);
    }
}
