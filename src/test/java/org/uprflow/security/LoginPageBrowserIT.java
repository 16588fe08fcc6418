package org.uprflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.uprflow.testing.Browser;
import org.uprflow.testing.PostgresIntegrationTest;
import org.uprflow.testing.World;

/** The platform's login page in a real browser: one login, then the pages' API and Tasklist know the user. */
class LoginPageBrowserIT extends PostgresIntegrationTest {

    @Test
    void logsInThroughTheLoginPageAndLandsWhereItWasGoing() {
        try (Browser browser = Browser.open()) {
            browser.driver().get(http.baseUrl() + "/login/");
            browser.waitUpTo(Duration.ofSeconds(30)).until(driver ->
                    !driver.findElement(By.cssSelector("#login button")).getText().isBlank());
            assertThat(browser.driver().findElement(By.cssSelector("#login button")).getText()).isEqualTo("Log in");
            browser.screenshot("login-page");

            browser.logInToPages(http.baseUrl(), World.KE_CSO, World.PASSWORD, "/api/session");

            assertThat(browser.driver().getCurrentUrl()).endsWith("/api/session");
            assertThat(browser.driver().getPageSource()).contains("\"userId\":\"" + World.KE_CSO + "\"");
            browser.driver().get(http.baseUrl() + "/camunda/api/admin/auth/user/default");
            assertThat(browser.driver().getPageSource()).contains("\"userId\":\"" + World.KE_CSO + "\"");
        }
    }

    @Test
    void tasklistOpensWithThePagesLoginAndOffersNoStartProcessOrCreateTask() {
        try (Browser browser = Browser.open()) {
            browser.logInToPages(http.baseUrl(), World.KE_GOV, World.PASSWORD, "/camunda/app/tasklist/default/");

            browser.waitUpTo(Duration.ofSeconds(60)).until(driver ->
                    !driver.findElements(By.cssSelector("[cam-tasklist-filters] .task-filter")).isEmpty());
            assertThat(browser.driver().findElement(By.cssSelector("[cam-tasklist-filters]")).getText())
                    .contains("Kenya");
            assertThat((Long) browser.script("return document.querySelectorAll('.start-process-action, .create-task-action').length"))
                    .as("Tasklist draws both actions (the stylesheet hides them)").isEqualTo(2L);
            assertThat((Boolean) browser.script("return Array.from(document.querySelectorAll("
                    + "'.start-process-action, .create-task-action')).every(e => getComputedStyle(e).display === 'none')"))
                    .isTrue();
            browser.screenshot("tasklist-after-page-login");
        }
    }

    @Test
    void afterTheLoginGoesOnlyToAPathOfThePlatform() {
        try (Browser browser = Browser.open()) {
            for (String next : new String[] {"/%5Cevil.example/x", "//evil.example/x", "/%09/evil.example/x",
                    "https://evil.example/x", "javascript:alert(1)"}) {
                browser.driver().get(http.baseUrl() + "/login/?next=" + next);
                browser.waitUpTo(Duration.ofSeconds(30)).until(driver ->
                        !driver.findElement(By.cssSelector("#login button")).getText().isBlank());
                browser.driver().findElement(By.name("username")).sendKeys(World.KE_CSO);
                browser.driver().findElement(By.name("password")).sendKeys(World.PASSWORD);
                browser.driver().findElement(By.cssSelector("#login button")).click();
                browser.waitUpTo(Duration.ofSeconds(30)).until(driver -> !driver.getCurrentUrl().contains("/login/"));

                // Anything else than a path of the platform: the landing page.
                assertThat(browser.driver().getCurrentUrl()).as(next).startsWith(http.baseUrl() + "/home/");
            }
        }
    }
}
