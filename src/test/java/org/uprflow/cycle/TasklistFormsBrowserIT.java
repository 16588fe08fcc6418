package org.uprflow.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.uprflow.testing.Browser;
import org.uprflow.testing.Http;
import org.uprflow.testing.PostgresIntegrationTest;
import org.uprflow.testing.World;

/**
 * The cycle's forms in the real Tasklist, in headless Chromium: Malawi's CSO logs in, finds her
 * country's filters only, opens the stakeholder report task and sees its form in her words, with
 * no end-of-life banner. Screenshots go to target/screenshots/.
 */
class TasklistFormsBrowserIT extends PostgresIntegrationTest {

    private static final Duration PAGE = Duration.ofSeconds(30);

    @Test
    void malawisCsoOpensTheStakeholderReportFormInTasklist() {
        Http.Response opened = world.as(World.BOTH_MANAGER).postJson("/api/countries/MW/cycles",
                "{\"cycleNumber\":5,\"wgSession\":50,\"reviewDate\":\"" + LocalDate.now().plusMonths(9) + "\"}");
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String taskId = world.admin().get("/engine-rest/task?processInstanceBusinessKey=MW-5&taskDefinitionKey="
                + PreSessionProcess.SUBMIT_STAKEHOLDER_REPORT).json().get(0).get("id").asText();

        try (Browser browser = Browser.open()) {
            browser.logInToTasklist(http.baseUrl(), World.MW_CSO, World.PASSWORD);
            browser.waitUpTo(PAGE).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("[cam-tasklist-filters]"), "Malawi \u00b7 CSO tasks"));
            assertThat(browser.driver().findElement(By.cssSelector("[cam-tasklist-filters]")).getText())
                    .doesNotContain("Kenya");
            assertThat(browser.driver().getTitle()).contains("UPR Flow");

            browser.driver().get(http.baseUrl() + "/camunda/app/tasklist/default/#/?task=" + taskId
                    + "&detailsTab=task-detail-form");
            browser.waitUpTo(PAGE).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
                    "Title of the stakeholder report"));
            // with several cycles open, the list and the task itself say which cycle the task is of
            browser.waitUpTo(PAGE).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector(".tasks-list"), "Submit the stakeholder report (MW-5)"));
            assertThat(browser.driver().findElement(By.cssSelector("h2.task")).getText())
                    .contains("Submit the stakeholder report (MW-5)");
            String form = browser.driver().findElement(By.tagName("body")).getText();
            assertThat(form).contains("Submit the stakeholder report", "Link to the submitted report",
                    "Date submitted to OHCHR", "Number of organisations that signed it");
            List<WebElement> inputs = browser.driver().findElements(By.cssSelector(".fjs-form input"));
            assertThat(inputs).as("the form's input fields").hasSizeGreaterThanOrEqualTo(4);
            assertThat((Boolean) browser.script("return Array.from(document.querySelectorAll('.ce-eol-banner'))"
                    + ".every(e => getComputedStyle(e).display === 'none')")).as("end-of-life banner hidden").isTrue();
            browser.screenshot("tasklist-malawi-cso-stakeholder-report");
        }
    }
}
