package org.uprflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.uprflow.testing.DashboardFixture;
import org.uprflow.testing.Axe;
import org.uprflow.testing.Browser;
import org.uprflow.testing.PostgresIntegrationTest;
import org.uprflow.testing.World;

/**
 * Every page of the platform passes axe-core's WCAG 2.1 A/AA and best-practice rules with no violation (issue 12),
 * each with its data loaded: Zambia's third cycle of the dashboard tests, with its matrix, meetings and charts.
 */
class AccessibilityBrowserIT extends PostgresIntegrationTest {

    private static final String ZM = "country=ZM&cycle=" + DashboardFixture.ZAMBIA_CYCLE;

    @BeforeEach
    void fixture() {
        DashboardFixture.ensure(world);
    }

    @Test
    void theLoginPageHasNoViolation() {
        try (Browser browser = Browser.open()) {
            browser.driver().get(http.baseUrl() + "/login/");
            browser.waitUpTo(Duration.ofSeconds(30)).until(driver ->
                    !driver.findElement(By.cssSelector("#login button")).getText().isBlank());
            assertThat(Axe.violations(browser)).as("/login/").isEmpty();
            browser.driver().findElement(By.cssSelector("#login button")).click();
            browser.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("[data-error-summary]")));
            assertThat(Axe.violations(browser)).as("/login/ with its refusal").isEmpty();
        }
    }

    @Test
    void aParticipantsPagesHaveNoViolation() {
        try (Browser browser = Browser.open()) {
            browser.logInToPages(http.baseUrl(), DashboardFixture.ZAMBIA_CSO, World.PASSWORD, "/home/");
            for (String page : List.of("/home/", "/register/?" + ZM, "/register/?" + ZM + "&view=matrix",
                    "/register/?" + ZM + "&view=progress", "/report/?" + ZM, "/notifications/")) {
                assertThat(violations(browser, page)).as(page).isEmpty();
            }
        }
    }

    @Test
    void aManagersPagesHaveNoViolation() {
        try (Browser browser = Browser.open()) {
            browser.logInToPages(http.baseUrl(), DashboardFixture.BOTH_MANAGER, World.PASSWORD, "/dashboard/");
            for (String page : List.of("/dashboard/", "/dashboard/country.html?code=ZM&cycle=" + DashboardFixture.ZAMBIA_CYCLE,
                    "/home/?view=tasks", "/register/?" + ZM + "&view=audit", "/report/?" + ZM, "/notifications/")) {
                assertThat(violations(browser, page)).as(page).isEmpty();
            }
        }
    }

    /** The page loaded with its data and every chart drawn, then axe-core's verdict. */
    private static List<String> violations(Browser browser, String page) {
        browser.driver().get(browser.driver().getCurrentUrl().replaceAll("(https?://[^/]+).*", "$1") + page);
        browser.waitUpTo(Duration.ofSeconds(60)).until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "true"));
        // a dashboard's chart is drawn when it scrolls into view, each in turn; the report's comes drawn (SVG)
        for (WebElement chart : browser.driver().findElements(By.cssSelector(".chart"))) {
            browser.script("arguments[0].scrollIntoView()", chart);
            browser.waitUpTo(Duration.ofSeconds(30)).until(driver -> !chart.findElements(By.cssSelector("canvas, svg")).isEmpty());
        }
        return Axe.violations(browser);
    }
}
