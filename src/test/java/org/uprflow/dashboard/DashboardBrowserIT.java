package org.uprflow.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.uprflow.testing.Browser;
import org.uprflow.testing.DashboardFixture;
import org.uprflow.testing.PostgresIntegrationTest;
import org.uprflow.testing.World;

/** The dashboard's pages in headless Chromium: logged in through /login/, what they show, and the managers' forms. */
class DashboardBrowserIT extends PostgresIntegrationTest {

    @BeforeEach
    void fixture() {
        DashboardFixture.ensure(world);
    }

    @Test
    void showsTheManagersCountriesWithChartsAndOneCountryInDepth() {
        try (Browser browser = Browser.open()) {
            browser.logInToPages(http.baseUrl(), DashboardFixture.BOTH_MANAGER, World.PASSWORD, "/dashboard/");
            WebDriverWait wait = browser.waitUpTo(Duration.ofSeconds(30));
            wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".country-card"), 2));

            assertThat(browser.driver().findElements(By.cssSelector(".country-card .country-name")))
                    .extracting(WebElement::getText).containsExactly("Botswana", "Zambia");
            assertThat(browser.driver().findElement(By.id("summary")).getText()).startsWith("2 countries");
            WebElement zambia = browser.driver().findElement(By.cssSelector(".country-card[data-country='ZM']"));
            assertThat(zambia.findElement(By.cssSelector(".phase")).getText()).isEqualTo("Follow-up meeting and matrix");
            assertThat(zambia.findElements(By.cssSelector("table.tasks tbody tr"))).extracting(WebElement::getText)
                    .containsExactly("CSOs 1 0", "Government 1 0");
            assertThat(zambia.getText()).as("the matrix's state in words, not the code DRAFT")
                    .contains("Version 1 (draft, not yet agreed), 3 rows");
            browser.script("arguments[0].scrollIntoView()", zambia);
            wait.until(driver -> zambia.findElements(By.cssSelector(".chart canvas")).size() == 2);
            WebElement botswana = browser.driver().findElement(By.cssSelector(".country-card[data-country='BW']"));
            assertThat(botswana.findElement(By.cssSelector(".timeline li.CURRENT")).getText()).startsWith("Pre-session");
            browser.screenshot("dashboard-overview");

            browser.driver().manage().window().setSize(new Dimension(390, 900));
            assertThat((Long) browser.script("return document.documentElement.scrollWidth - window.innerWidth"))
                    .as("no sideways scrolling on a phone").isLessThanOrEqualTo(1L);
            browser.screenshot("dashboard-overview-narrow");
            browser.driver().manage().window().setSize(new Dimension(1400, 1000));

            zambia.findElement(By.linkText("Details")).click();
            wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#history tbody tr"), 7));
            assertThat(browser.driver().findElement(By.id("country-name")).getText()).isEqualTo("Zambia");
            assertThat(browser.driver().findElements(By.cssSelector("#tasks tbody tr"))).hasSize(2);
            assertThat(browser.driver().findElements(By.cssSelector("#meetings tbody tr"))).hasSize(6);
            assertThat(browser.driver().findElement(By.linkText("Recommendations and matrix")).getAttribute("href"))
                    .endsWith("/register/?country=ZM&cycle=3");
            assertThat(browser.driver().findElement(By.linkText("The cycle in Cockpit")).getAttribute("href"))
                    .contains("/camunda/app/cockpit/default/#/process-instance/");
            browser.script("arguments[0].scrollIntoView()", browser.driver().findElement(By.id("by-theme")));
            wait.until(driver -> driver.findElements(By.cssSelector("#by-theme canvas")).size() == 1);
            browser.screenshot("dashboard-country");
        }
    }

    @Test
    void aManagerOnboardsACountryGivesARoleAndOpensACycleFromThePage() {
        try (Browser browser = Browser.open()) {
            browser.logInToPages(http.baseUrl(), DashboardFixture.FORMS_MANAGER, World.PASSWORD, "/dashboard/");
            WebDriverWait wait = browser.waitUpTo(Duration.ofSeconds(30));
            wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".country-card"), 1));

            WebElement onboard = browser.driver().findElement(By.id("onboard"));
            type(onboard, "code", "XX");
            onboard.findElement(By.tagName("button")).click();
            wait.until(driver -> !error(onboard, "code").isBlank());
            assertThat(error(onboard, "code")).as("the refusal stands next to the field").isNotBlank();
            browser.screenshot("dashboard-onboard-error");

            type(onboard, "code", "na");
            onboard.findElement(By.tagName("button")).click();
            wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".country-card"), 2));
            assertThat(onboard.findElement(By.cssSelector("[data-done]")).getText()).isEqualTo("Namibia is onboarded.");

            WebElement participant = browser.driver().findElement(By.id("participant"));
            choose(browser, participant, "NA");
            type(participant, "userId", "na.cso.browser");
            participant.findElement(By.tagName("button")).click();
            wait.until(driver -> !error(participant, "firstName").isBlank());
            assertThat(List.of(error(participant, "lastName"), error(participant, "email"), error(participant, "password")))
                    .as("a new user needs names, e-mail and a password").allMatch(message -> !message.isBlank());
            assertThat(error(participant, "firstName")).isEqualTo("Enter the first name of the new user.");
            type(participant, "firstName", "Ndapewa");
            type(participant, "lastName", "Shikongo");
            type(participant, "email", "ndapewa@example.org");
            type(participant, "password", "first-login-1");
            participant.findElement(By.tagName("button")).click();
            wait.until(driver -> !participant.findElement(By.cssSelector("[data-done]")).getText().isBlank());
            assertThat(participant.findElement(By.cssSelector("[data-done]")).getText())
                    .isEqualTo("na.cso.browser now takes part in NA.");
            JsonNode newcomer = http.as("na.cso.browser", "first-login-1").get("/api/session").json();
            assertThat(newcomer.path("countries").toString()).as("logs in with the password given").isEqualTo("[\"NA\"]");
            assertThat(newcomer.path("passwordChangeRequired").asBoolean())
                    .as("and must set their own before anything else, as the manager chose it").isTrue();

            WebElement cycle = browser.driver().findElement(By.id("open-cycle"));
            choose(browser, cycle, "NA");
            type(cycle, "cycleNumber", "1");
            type(cycle, "wgSession", "40");
            cycle.findElement(By.tagName("button")).click();
            wait.until(driver -> !error(cycle, "reviewDate").isBlank());
            assertThat(error(cycle, "reviewDate")).as("a sentence naming the field").isEqualTo("Enter the date of the review.");
            browser.screenshot("dashboard-open-cycle-error");

            browser.script("arguments[0].value = arguments[1]", cycle.findElement(By.name("reviewDate")),
                    LocalDate.now().plusMonths(9).toString());
            cycle.findElement(By.tagName("button")).click();
            wait.until(driver -> !cycle.findElement(By.cssSelector("[data-done]")).getText().isBlank());
            assertThat(cycle.findElement(By.cssSelector("[data-done]")).getText()).isEqualTo("Cycle NA-1 is open.");
            wait.until(driver -> driver.findElement(By.cssSelector(".country-card[data-country='NA']")).getText()
                    .contains("NA-1"));
            assertThat(error(cycle, "reviewDate")).as("the earlier refusal is gone").isBlank();

            // a cycle that began before the platform: opened at the implementation plan, the earlier phases dated
            choose(browser, cycle, "NA");
            type(cycle, "cycleNumber", "2");
            type(cycle, "wgSession", "21");
            setValue(browser, cycle.findElement(By.name("reviewDate")), "2015-01-21");
            browser.script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'))",
                    cycle.findElement(By.name("phase")), "IMPLEMENTATION_PLAN");
            setValue(browser, cycle.findElement(By.name("doneOn-PRE_SESSION")), LocalDate.now().plusDays(1).toString());
            cycle.findElement(By.tagName("button")).click();
            wait.until(driver -> !error(cycle, "stepsDone[0].doneOn").isBlank());
            assertThat(error(cycle, "stepsDone[0].doneOn")).as("a phase done tomorrow, refused next to its date")
                    .contains("after today");
            setValue(browser, cycle.findElement(By.name("doneOn-PRE_SESSION")), "2014-12-15");
            setValue(browser, cycle.findElement(By.name("doneOn-REVIEW_AND_POSITIONS")), "2015-06-25");
            cycle.findElement(By.tagName("button")).click();
            wait.until(driver -> cycle.findElement(By.cssSelector("[data-done]")).getText().contains("NA-2"));
            JsonNode namibia = world.as(DashboardFixture.FORMS_MANAGER).get("/api/dashboard/countries/NA?cycle=2").json();
            assertThat(namibia.get("timeline").get(1).get("ended").asText()).isEqualTo("2015-06-25");
            assertThat(namibia.get("phase").asText()).isEqualTo("IMPLEMENTATION_PLAN");
        }
    }

    private static void setValue(Browser browser, WebElement input, String value) {
        browser.script("arguments[0].value = arguments[1]", input, value);
    }

    private static String error(WebElement form, String field) {
        return form.findElement(By.cssSelector("[data-error-for='" + field + "']")).getText();
    }

    private static void type(WebElement form, String field, String text) {
        WebElement input = form.findElement(By.name(field));
        input.clear();
        input.sendKeys(text);
    }

    private static void choose(Browser browser, WebElement form, String country) {
        browser.script("arguments[0].value = arguments[1]", form.findElement(By.name("country")), country);
    }
}
