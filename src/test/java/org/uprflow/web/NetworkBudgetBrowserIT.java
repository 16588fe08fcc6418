package org.uprflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.uprflow.testing.Browser;
import org.uprflow.testing.Browser.Traffic;
import org.uprflow.testing.PostgresIntegrationTest;
import org.uprflow.testing.World;

/**
 * The bytes a participant's browser moves, counted from Chromium's DevTools network events
 * (docs/network.md): bytes are deterministic, so the budgets of issue 18 are checked here, while the
 * time on a slow link is measured by the benchmark harness.
 */
class NetworkBudgetBrowserIT extends PostgresIntegrationTest {

    private static final long TASKLIST_FIRST_VISIT = 1_500_000;
    private static final long TASKLIST_REPEAT_VISIT = 100_000;
    private static final long PAGE_FIRST_VISIT = 400_000;
    private static final long PAGE_REPEAT_VISIT = 50_000;
    private static final Duration PAGE = Duration.ofSeconds(60);

    @Test
    void aParticipantsTasklistInboxFitsTheBudgetFirstAndAgain() throws Exception {
        // As a participant meets a node that has served a while: its Brotli copies are made.
        AssetDeliveryIT.waitForBrotli(http.baseUrl(), AssetDeliveryIT.DEPS);
        try (Browser browser = Browser.openRecordingNetwork()) {
            browser.logInToTasklist(http.baseUrl(), World.KE_CSO, World.PASSWORD);
            waitForTheInbox(browser);
            Traffic first = browser.trafficUntilQuiet();
            System.out.println("Tasklist inbox, first visit (login included): " + first);

            browser.driver().navigate().refresh();
            waitForTheInbox(browser);
            Traffic repeat = browser.trafficUntilQuiet();
            assertThat(browser.script("return navigator.serviceWorker.controller && navigator.serviceWorker.controller.scriptURL"))
                    .as("the platform's service worker, registered on the first visit, serves the repeat visit")
                    .asString().endsWith("/camunda/app/tasklist/uprflow-sw.js");
            System.out.println("Tasklist inbox, repeat visit: " + repeat);

            assertThat(first.bytes()).as(first.toString()).isPositive().isLessThanOrEqualTo(TASKLIST_FIRST_VISIT);
            assertThat(repeat.bytes()).as(repeat.toString()).isPositive().isLessThanOrEqualTo(TASKLIST_REPEAT_VISIT);
            assertThat(repeat.fetched("deps.js")).as("Tasklist's scripts come from the browser's cache").isFalse();
            assertThat(first.fetched("IBMPlexSans")).as("the system's fonts, not Tasklist's web fonts").isFalse();
            assertThat(first.bytesByUrl().entrySet().stream().filter(e -> e.getKey().contains("/locales/"))
                    .mapToLong(Map.Entry::getValue).sum()).as("Tasklist's texts, compressed").isLessThan(12_000);
            assertThat(first.fetched("uprflow-tasklist.js")).isTrue();
            assertThat(browser.script("return performance.getEntriesByType('resource')"
                    + ".filter(e => e.name.includes('/locales/')).map(e => e.initiatorType).join()"))
                    .as("Tasklist's texts, named ahead by the page on a first visit: the script's read takes the preload")
                    .asString().contains("link").doesNotContain("fetch");

            assertThat(browser.script("return performance.getEntriesByType('resource')"
                    + ".filter(e => e.name.includes('uprflow-tasklist.js')).length"))
                    .as("the platform's script for Tasklist, named ahead as a module: asked once, not again at its import")
                    .isEqualTo(1L);
            assertThat(first.answeredByTheServiceWorker("/profile"))
                    .as("the worker asked for the user's profile as the login answered")
                    .isTrue();
            assertThat(first.answeredByTheServiceWorker("/filter?firstResult=0")).as("and for the filters").isTrue();
            assertThat(repeat.fetched("user-styles.css")).as("the platform's stylesheet, kept by its content's address").isFalse();
            assertThat(repeat.fetched("plugin.js")).as("Tasklist's built-in plugin, kept by Camunda's version").isFalse();
            assertThat(repeat.bytesByUrl().entrySet().stream().filter(e -> e.getKey().contains("/locales/"))
                    .mapToLong(Map.Entry::getValue).sum()).as("Tasklist's texts revalidated: a 304, not 7.7 KB again")
                    .isLessThan(1_000);
        }
    }

    @Test
    void eachPlatformPageFitsTheBudgetFirstAndAgain() {
        try (Browser browser = Browser.openRecordingNetwork()) {
            browser.driver().get(http.baseUrl() + "/login/");
            waitForTheTexts(browser, "#login button");
            Traffic login = browser.trafficUntilQuiet();
            System.out.println("login page, first visit: " + login);
            assertThat(login.bytes()).as(login.toString()).isPositive().isLessThanOrEqualTo(PAGE_FIRST_VISIT);

            browser.logInToPages(http.baseUrl(), World.KE_CSO, World.PASSWORD, "/register/");
            browser.trafficUntilQuiet();
            for (String page : new String[] {"/home/", "/register/", "/report/"}) {
                browser.devTools("Network.clearBrowserCache", Map.of());
                browser.driver().get(http.baseUrl() + page);
                waitForTheTexts(browser, "#uprflow-nav a");
                Traffic first = browser.trafficUntilQuiet();
                System.out.println(page + " first visit: " + first);

                browser.driver().navigate().refresh();
                waitForTheTexts(browser, "#uprflow-nav a");
                Traffic repeat = browser.trafficUntilQuiet();
                System.out.println(page + " repeat visit: " + repeat);

                assertThat(first.bytes()).as(page + " " + first).isPositive().isLessThanOrEqualTo(PAGE_FIRST_VISIT);
                assertThat(repeat.bytes()).as(page + " " + repeat).isPositive().isLessThanOrEqualTo(PAGE_REPEAT_VISIT);
                assertThat(first.fetched("echarts")).as(page + " loads no charting library").isFalse();
            }
        }
    }

    @Test
    void theDashboardLoadsItsChartingLibraryOnlyWhereAChartIsDrawn() {
        try (Browser browser = Browser.openRecordingNetwork()) {
            browser.logInToPages(http.baseUrl(), World.KE_MANAGER, World.PASSWORD, "/dashboard/");
            browser.waitUpTo(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#countries .card")));
            Traffic traffic = browser.trafficUntilQuiet();
            System.out.println("dashboard, first visit (login included): " + traffic);
            boolean drawn = (Boolean) browser.script(
                    "return Array.from(document.querySelectorAll('canvas')).length > 0");
            assertThat(traffic.fetched("echarts")).as("the charting library is fetched exactly when a chart is drawn")
                    .isEqualTo(drawn);
        }
    }

    private static void waitForTheInbox(Browser browser) {
        browser.waitUpTo(PAGE).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[cam-tasklist-filters]"), "Kenya"));
    }

    private static void waitForTheTexts(Browser browser, String selector) {
        browser.waitUpTo(PAGE).until(ExpectedConditions.not(ExpectedConditions.textToBe(By.cssSelector(selector), "")));
    }
}
