package org.uprflow.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.uprflow.testing.Browser;
import org.uprflow.testing.PostgresIntegrationTest;
import org.uprflow.testing.PublishTaskFixture;
import org.uprflow.testing.World;

/**
 * A completion the server refuses reaches the user in Tasklist with the rule's words, in headless
 * Chromium: Kenya's programme manager completes <i>Publish the mid-term report</i> before the
 * report is published. Before, Tasklist received HTTP 500 "ENGINE-03051 … TaskListener …".
 * Screenshot in target/screenshots/.
 */
class TasklistRefusalBrowserIT extends PostgresIntegrationTest {

    private static final Duration PAGE = Duration.ofSeconds(30);
    private static final int CYCLE = 91;

    @Test
    void tasklistShowsTheRulesWordsWhenTheServerRefusesACompletion() {
        String taskId = PublishTaskFixture.start(world, CYCLE);
        assertThat(world.as(World.KE_MANAGER).postJson("/engine-rest/task/" + taskId + "/claim",
                "{\"userId\":\"" + World.KE_MANAGER + "\"}").status()).isEqualTo(204);

        try (Browser browser = Browser.open()) {
            browser.logInToTasklist(http.baseUrl(), World.KE_MANAGER, World.PASSWORD);
            browser.driver().get(http.baseUrl() + "/camunda/app/tasklist/default/#/?task=" + taskId
                    + "&detailsTab=task-detail-form");
            WebElement complete = browser.waitUpTo(PAGE).until(ExpectedConditions.elementToBeClickable(
                    By.xpath("//button[normalize-space()='Complete']")));
            // As for the login (TasklistFormsBrowserIT.logIn), a click from script reaches AngularJS in headless Chromium.
            browser.script("arguments[0].click()", complete);
            browser.waitUpTo(PAGE).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
                    "is not published yet"));
            String page = browser.driver().findElement(By.tagName("body")).getText();
            browser.screenshot("tasklist-refused-completion");
            assertThat(page).contains("'Publish the mid-term report (KE-" + CYCLE
                    + ")' cannot be completed: The mid-term report of KE-" + CYCLE + " is not published yet")
                    .doesNotContain("ENGINE-03051").doesNotContain("TaskListener");
        }
        assertThat(world.admin().get("/engine-rest/task/" + taskId).json().path("assignee").asText())
                .as("the task stays open").isEqualTo(World.KE_MANAGER);
    }
}
