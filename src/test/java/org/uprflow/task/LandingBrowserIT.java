package org.uprflow.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.uprflow.testing.Browser;
import org.uprflow.testing.PostgresIntegrationTest;
import org.uprflow.testing.World;

/** Login → landing in headless Chromium, per role (issue 12): participants on their tasks, managers on the dashboard. */
class LandingBrowserIT extends PostgresIntegrationTest {

    private String overdueTask;

    @BeforeEach
    void fixture() {
        overdueTask = LandingFixture.ensure(world);
    }

    private void logIn(Browser browser, String user, String password) {
        browser.driver().get(http.baseUrl() + "/login/");
        browser.waitUpTo(Duration.ofSeconds(30)).until(driver ->
                !driver.findElement(By.cssSelector("#login button")).getText().isBlank());
        browser.driver().findElement(By.name("username")).sendKeys(user);
        browser.driver().findElement(By.name("password")).sendKeys(password);
        browser.driver().findElement(By.cssSelector("#login button")).click();
        browser.waitUpTo(Duration.ofSeconds(30)).until(driver -> !driver.getCurrentUrl().contains("/login/"));
    }

    @Test
    void aParticipantLandsOnTheirTasksOfBothCountriesWithTheOverdueOneInRed() {
        try (Browser browser = Browser.open()) {
            logIn(browser, LandingFixture.CV_CSO, World.PASSWORD);
            browser.waitUpTo(Duration.ofSeconds(30)).until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "true"));

            assertThat(browser.driver().getCurrentUrl()).endsWith("/home/");
            assertThat(browser.driver().findElement(By.id("summary")).getText())
                    .startsWith("You have 2 tasks; the first is due on").endsWith("Overdue: 1.");
            List<WebElement> rows = browser.driver().findElements(By.cssSelector("#tasks tbody tr"));
            assertThat(rows).hasSize(2);
            WebElement overdue = rows.get(0);
            assertThat(overdue.getAttribute("data-task")).isEqualTo(overdueTask);
            assertThat(overdue.getText()).contains("Lesotho", "LS-1", "Submit the stakeholder report", "Overdue");
            assertThat(overdue.findElement(By.tagName("th")).getCssValue("color")).as("overdue in red")
                    .isEqualTo("rgba(180, 35, 24, 1)");
            assertThat(rows.get(1).getText()).contains("CV-1").doesNotContain("Overdue");
            assertThat(rows.get(1).findElement(By.tagName("th")).getCssValue("color")).isNotEqualTo("rgba(180, 35, 24, 1)");
            assertThat(overdue.findElement(By.linkText("Open in Tasklist")).getAttribute("href"))
                    .endsWith("/camunda/app/tasklist/default/#/?task=" + overdueTask);
            assertThat(overdue.findElement(By.linkText("Register of LS-1")).getAttribute("href"))
                    .endsWith("/register/?country=LS&cycle=1");
            browser.screenshot("landing-participant");

            browser.driver().get(http.baseUrl() + "/");
            browser.waitUpTo(Duration.ofSeconds(30)).until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "true"));
            assertThat(browser.driver().getCurrentUrl()).as("the root leads to one's work").endsWith("/home/");

            overdue = browser.driver().findElement(By.cssSelector("#tasks tbody tr"));
            overdue.findElement(By.linkText("Open in Tasklist")).click();
            browser.waitUpTo(Duration.ofSeconds(60)).until(driver ->
                    !driver.findElements(By.cssSelector("[cam-tasklist-task] .task-details, .task-details")).isEmpty());
            assertThat(browser.driver().getCurrentUrl()).contains("task=" + overdueTask);
        }
    }

    @Test
    void tasklistShowsAParticipantTheirTasksByDueDateWithoutEngineJargon() {
        try (Browser browser = Browser.open()) {
            browser.logInToPages(http.baseUrl(), LandingFixture.CV_CSO, World.PASSWORD, "/camunda/app/tasklist/default/");
            browser.waitUpTo(Duration.ofSeconds(60)).until(driver ->
                    !driver.findElements(By.cssSelector(".tasks-list li.task")).isEmpty());
            assertThat(browser.driver().getCurrentUrl()).as("due date first unless chosen otherwise")
                    .contains("sorting=").contains("dueDate");

            // each country has its filter: Lesotho's holds the overdue task
            browser.driver().findElements(By.cssSelector("[cam-tasklist-filters] .task-filter")).stream()
                    .filter(filter -> filter.getText().contains("Lesotho")).findFirst().orElseThrow().click();
            browser.waitUpTo(Duration.ofSeconds(60)).until(driver -> driver.findElements(By.cssSelector(".tasks-list li.task"))
                    .stream().anyMatch(task -> task.getText().contains("LS-1")));
            List<WebElement> tasks = browser.driver().findElements(By.cssSelector(".tasks-list li.task"));
            assertThat(tasks.get(0).getText()).contains("LS-1");
            assertThat(tasks.get(0).findElement(By.cssSelector(".due-date.overdue")).getCssValue("color"))
                    .isEqualTo("rgba(180, 35, 24, 1)");
            assertThat((Boolean) browser.script("return Array.from(document.querySelectorAll('.column.tasks-list .priority, .tenant-id'))"
                    + ".every(e => getComputedStyle(e).display === 'none')")).as("no priority number, no tenant id").isTrue();

            tasks.get(0).findElement(By.cssSelector("h4 a, .names a, a")).click();
            browser.waitUpTo(Duration.ofSeconds(60)).until(driver ->
                    driver.findElements(By.cssSelector(".tabbed-content .nav-tabs > li")).size() >= 3);
            List<WebElement> tabs = browser.driver().findElements(By.cssSelector(".tabbed-content .nav-tabs > li"));
            assertThat(tabs.stream().filter(WebElement::isDisplayed).map(WebElement::getText).toList())
                    .as("no diagram tab").doesNotContain("Diagram").contains("Form");
            browser.screenshot("tasklist-participant-overdue");
            assertThat(org.uprflow.testing.Axe.violationsOf(browser, "color-contrast")).as("Tasklist's contrast").isEmpty();
        }
    }

    @Test
    void afterCompletingATaskInTasklistAConfirmationSaysWhatHappensNext() {
        World.Probe probe = world.startProbe("mw");
        assertThat(world.as(World.MW_CSO).postJson("/engine-rest/task/" + probe.csoTaskId() + "/claim",
                "{\"userId\":\"" + World.MW_CSO + "\"}").status()).isEqualTo(204);
        try (Browser browser = Browser.open()) {
            browser.logInToTasklist(http.baseUrl(), World.MW_CSO, World.PASSWORD);
            browser.driver().get(http.baseUrl() + "/camunda/app/tasklist/default/#/?task=" + probe.csoTaskId()
                    + "&detailsTab=task-detail-form");
            WebElement complete = browser.waitUpTo(Duration.ofSeconds(60)).until(ExpectedConditions.elementToBeClickable(
                    By.xpath("//button[normalize-space()='Complete']")));
            // a click from script reaches AngularJS in headless Chromium (TasklistRefusalBrowserIT)
            browser.script("arguments[0].click()", complete);

            WebElement confirmation = browser.waitUpTo(Duration.ofSeconds(30)).until(
                    ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".uf-completed")));
            assertThat(confirmation.getText()).contains("the task is completed", "next step");
            assertThat(confirmation.getAttribute("role")).isEqualTo("status");
            browser.screenshot("tasklist-completed-confirmation");
        }
        assertThat(world.admin().get("/engine-rest/task/" + probe.csoTaskId()).status()).as("completed").isEqualTo(404);
    }

    @Test
    void aProgrammeManagerAndTheAdminLandOnTheDashboard() {
        try (Browser browser = Browser.open()) {
            logIn(browser, LandingFixture.CV_MANAGER, World.PASSWORD);
            browser.waitUpTo(Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("/dashboard/"));
            browser.waitUpTo(Duration.ofSeconds(30)).until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "true"));
            assertThat(browser.driver().findElements(By.cssSelector(".country-card"))).extracting(e -> e.getAttribute("data-country"))
                    .containsExactly("CV");
            browser.screenshot("landing-manager");
        }
        try (Browser browser = Browser.open()) {
            logIn(browser, ADMIN, ADMIN_PASSWORD);
            browser.waitUpTo(Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("/dashboard/"));
            browser.waitUpTo(Duration.ofSeconds(60)).until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "true"));
            assertThat(browser.driver().findElements(By.cssSelector(".country-card"))).extracting(e -> e.getAttribute("data-country"))
                    .as("every country").contains("CV", "LS", "KE", "MW");
        }
    }

    @Test
    void theIconComesWithoutALoginPrompt() {
        try (Browser browser = Browser.open()) {
            browser.driver().get(http.baseUrl() + "/login/");
            @SuppressWarnings("unchecked")
            Map<String, Object> icon = (Map<String, Object>) ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch('/favicon.ico', { credentials: 'omit' })
                      .then(r => done({ status: r.status, challenge: r.headers.get('WWW-Authenticate'), type: r.headers.get('Content-Type') }))
                      .catch(e => done({ status: -1, challenge: String(e) }));
                    """);
            assertThat(icon.get("status")).isEqualTo(200L);
            assertThat(icon.get("challenge")).isNull();
            assertThat((String) icon.get("type")).contains("icon");
        }
    }
}
