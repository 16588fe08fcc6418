package org.uprflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.uprflow.testing.PublishTaskFixture;
import org.uprflow.testing.Browser;
import org.uprflow.testing.PostgresIntegrationTest;
import org.uprflow.testing.World;

/**
 * A page whose requests are lost (blocked in Chromium through the DevTools protocol) says so in the
 * user's words and offers to try again: never a blank screen.
 */
class LostRequestBrowserIT extends PostgresIntegrationTest {

    private static final Duration PAGE = Duration.ofSeconds(60);
    /** Kenya's cycle 86 is this test's alone. */
    private static final int FORM_CYCLE = 86;

    @Test
    void aFirstVisitWhoseTextsCannotBeFetchedSaysSoInTheBrowsersLanguage() {
        try (Browser browser = Browser.open()) {
            block(browser, "*/api/messages*");
            browser.driver().get(http.baseUrl() + "/login/");
            String alert = failure(browser);
            assertThat(alert).contains("The platform cannot be reached");
        }
    }

    @Test
    void aLostSessionCallSaysSoWithTheKeptTextsAndTheRetryLoadsThePage() {
        try (Browser browser = Browser.open()) {
            browser.logInToPages(http.baseUrl(), World.KE_CSO, World.PASSWORD, "/register/");
            browser.waitUpTo(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#uprflow-nav a")));

            block(browser, "*/api/messages*", "*/api/session*");
            browser.driver().navigate().refresh();
            assertThat(failure(browser)).contains("The platform cannot be reached");
            assertThat(browser.driver().findElement(By.cssSelector(".uf-failed button")).getText()).isEqualTo("Try again");

            block(browser);
            browser.driver().findElement(By.cssSelector(".uf-failed button")).click();
            browser.waitUpTo(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#uprflow-nav a")));
            assertThat(browser.driver().findElements(By.cssSelector(".uf-failed"))).isEmpty();
        }
    }

    /**
     * A task's form in Tasklist (the real one, in French) whose request is lost: Tasklist's alert gets the
     * platform's sentence in the user's language and a button to try again, which then loads the form.
     */
    @Test
    void aTaskFormWhoseRequestIsLostSaysSoInTheUsersLanguageAndLoadsOnTryAgain() {
        String taskId = PublishTaskFixture.start(world, FORM_CYCLE);

        try (Browser browser = Browser.open("fr")) {
            browser.logInToTasklist(http.baseUrl(), World.KE_MANAGER, World.PASSWORD);
            browser.waitUpTo(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[cam-tasklist-filters] .task-filter")));

            block(browser, "*/task/" + taskId + "/deployed-form*");
            browser.driver().get(http.baseUrl() + "/camunda/app/tasklist/default/#/?task=" + taskId + "&detailsTab=task-detail-form");
            browser.waitUpTo(PAGE).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".uf-form-lost button")));
            String alert = browser.driver().findElement(By.cssSelector(".alert-danger:has(.uf-form-lost)")).getText();
            browser.screenshot("tasklist-form-request-lost");
            assertThat(alert).as("the form's failure in the user's words (French), not the browser's")
                    .contains("Erreur du formulaire", "La plateforme est injoignable").doesNotContain("Failed to fetch");
            assertThat(browser.driver().findElement(By.cssSelector(".uf-form-lost button")).getText()).isEqualTo("R\u00e9essayer");

            block(browser);
            browser.script("arguments[0].click()", browser.driver().findElement(By.cssSelector(".uf-form-lost button")));
            browser.waitUpTo(PAGE).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
                    "Publier le rapport \u00e0 mi-parcours"));
            browser.waitUpTo(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".fjs-form")));
            assertThat(browser.driver().findElements(By.cssSelector(".uf-form-lost"))).as("the form, loaded on trying again").isEmpty();
        }
    }

    private static void block(Browser browser, String... patterns) {
        browser.devTools("Network.enable", Map.of());
        browser.devTools("Network.setBlockedURLs", Map.of("urls", List.of(patterns)));
    }

    private static String failure(Browser browser) {
        browser.waitUpTo(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".uf-failed p")));
        return browser.driver().findElement(By.cssSelector(".uf-failed p")).getText();
    }
}
