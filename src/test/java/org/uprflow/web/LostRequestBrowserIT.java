package org.uprflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.uprflow.testing.Browser;
import org.uprflow.testing.PostgresIntegrationTest;
import org.uprflow.testing.World;

/**
 * A page whose requests are lost (blocked in Chromium through the DevTools protocol) says so in the
 * user's words and offers to try again: never a blank screen.
 */
class LostRequestBrowserIT extends PostgresIntegrationTest {

    private static final Duration PAGE = Duration.ofSeconds(60);

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

    private static void block(Browser browser, String... patterns) {
        browser.devTools("Network.enable", Map.of());
        browser.devTools("Network.setBlockedURLs", Map.of("urls", List.of(patterns)));
    }

    private static String failure(Browser browser) {
        browser.waitUpTo(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".uf-failed p")));
        return browser.driver().findElement(By.cssSelector(".uf-failed p")).getText();
    }
}
