package org.uprflow.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.uprflow.testing.RegisterFixture.importFile;
import static org.uprflow.testing.RegisterFixture.utf8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.uprflow.testing.Browser;
import org.uprflow.testing.Http;
import org.uprflow.testing.PostgresIntegrationTest;
import org.uprflow.testing.RegisterFixture;
import org.uprflow.testing.World;

/**
 * The register page in headless Chromium: Kenya's CSO logs in through the platform's login page,
 * filters the register of a cycle on the server, edits a row of the matrix that the programme
 * manager saved in the meantime, is told so (409) and makes her change again on their version; the
 * CSO adds her own assessment of the row's progress; the manager reads who did what in the audit
 * trail and sees a refused import's problems by row and column. Screenshots under target/screenshots/.
 */
class RegisterPageBrowserIT extends PostgresIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int CYCLE = 48;

    @Test
    void aCsoFiltersTheRegisterAndIsToldWhenSomeoneElseSavedTheMatrixRowFirst() {
        StringBuilder csv = new StringBuilder(RegisterFixture.HEADER);
        for (int i = 1; i <= 60; i++) {
            String theme = i % 4 == 0 ? "Torture" : i % 3 == 0 ? "Women's rights" : "Right to education";
            csv.append("Recommendation number ").append(i).append(" on ").append(theme.toLowerCase())
                    .append(",State ").append(i % 7).append(",Kenya,").append(i % 5 == 0 ? "Noted" : "Supported")
                    .append(',').append(theme).append(",4\n");
        }
        world.ensureCycle("KE", CYCLE);
        Http.Response imported = importFile(world.as(World.KE_MANAGER), "KE", CYCLE, utf8(csv.toString()));
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        String matrix = "/api/countries/KE/cycles/" + CYCLE + "/matrix";
        Http.Response row = world.as(World.KE_CSO).postJson(matrix + "/entries", """
                {"themeCluster":"Torture","goal":"Prevent torture in custody","responsibleInstitution":"IPOA",
                 "status":"IN_PROCESS","recommendationNumbers":[4,8,12]}""");
        assertThat(row.status()).as(row.toString()).isEqualTo(201);
        String entry = matrix + "/versions/1/entries/" + row.json().get("key").asText();

        try (Browser browser = Browser.open()) {
            browser.logInToPages(http.baseUrl(), World.KE_CSO, World.PASSWORD,
                    "/register/?country=KE&cycle=" + CYCLE);
            ready(browser);
            assertThat(text(browser, "#register-summary")).startsWith("60 recommendations match");
            assertThat(rows(browser)).hasSize(25);
            assertThat(browser.driver().findElements(By.id("add-recommendation")).get(0).isDisplayed())
                    .as("a CSO does not register").isFalse();

            new Select(browser.driver().findElement(By.name("theme"))).selectByValue("Torture");
            new Select(browser.driver().findElement(By.name("status"))).selectByValue("IN_PROCESS");
            browser.driver().findElement(By.cssSelector("#filters button:not([type=button])")).click();
            browser.waitUpTo(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("register-summary"), "3 recommendations match"));
            assertThat(rows(browser)).extracting(tr -> tr.findElement(By.cssSelector("td")).getText())
                    .containsExactly("4", "8", "12");
            browser.screenshot("register-filtered");

            browser.driver().findElement(By.cssSelector("[data-view=matrix]")).click();
            browser.waitUpTo(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".entry")));
            assertThat(text(browser, ".entry")).contains("Prevent torture in custody", "IPOA", "4, 8, 12");
            browser.driver().findElement(By.xpath("//article[@class='entry']//button[.='Edit']")).click();
            browser.waitUpTo(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("entry-form")));

            // the programme manager saves the same row first
            Http.Response first = world.as(World.KE_MANAGER).putJson(entry, """
                    {"themeCluster":"Torture","goal":"End torture in police custody","responsibleInstitution":"IPOA",
                     "status":"IN_PROCESS","recommendationNumbers":[4,8,12]}""", "\"0\"");
            assertThat(first.status()).as(first.toString()).isEqualTo(200);

            WebElement goal = browser.driver().findElement(By.cssSelector("#entry-form [name=goal]"));
            goal.clear();
            goal.sendKeys("Prevent torture and ill-treatment in custody");
            browser.driver().findElement(By.cssSelector("#entry-form button[value=save]")).click();
            browser.waitUpTo(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("#entry-form [data-error-summary]"), "Someone else saved this first"));
            assertThat(text(browser, "#entry-form [data-error-summary]")).contains("Load their version, then make");
            browser.screenshot("register-matrix-conflict");

            browser.driver().findElement(By.id("entry-reload")).click();
            browser.waitUpTo(WAIT).until(driver -> "End torture in police custody".equals(
                    driver.findElement(By.cssSelector("#entry-form [name=goal]")).getDomProperty("value")));
            browser.driver().findElement(By.cssSelector("#entry-form [name=timeline]")).sendKeys("2026-2028");
            browser.driver().findElement(By.cssSelector("#entry-form button[value=save]")).click();
            browser.waitUpTo(WAIT).until(driver -> !(Boolean) browser.script(
                    "return document.getElementById('entry-dialog').open"));
            browser.waitUpTo(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector(".entry"), "2026-2028"));

            browser.driver().findElement(By.xpath("//article[@class='entry']//button[.='Progress']")).click();
            browser.waitUpTo(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("assessment-form")));
            assertThat(browser.driver().findElement(By.id("report-form")).isDisplayed())
                    .as("progress reports are the government's").isFalse();
            browser.driver().findElement(By.cssSelector("#assessment-form [name=text]"))
                    .sendKeys("Two police stations visited: no change yet");
            new Select(browser.driver().findElement(By.cssSelector("#assessment-form [name=status]")))
                    .selectByValue("LITTLE_OR_NO_ACTION");
            browser.driver().findElement(By.cssSelector("#assessment-form button")).click();
            browser.waitUpTo(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("assessments"),
                    "Two police stations visited"));
            assertThat(text(browser, "#assessments")).contains(World.KE_CSO + " (CSO)", "little or no action");
            browser.screenshot("register-progress");

            browser.driver().manage().window().setSize(new Dimension(390, 900));
            browser.driver().findElement(By.cssSelector("[data-view=register]")).click();
            browser.waitUpTo(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("register-summary"), "3 recommendations match"));
            browser.screenshot("register-narrow");
            assertThat((Boolean) browser.script("return document.documentElement.scrollWidth <= window.innerWidth + 1"))
                    .as("nothing wider than a phone's screen").isTrue();
        }

        try (Browser browser = Browser.open()) {
            browser.logInToPages(http.baseUrl(), World.KE_MANAGER, World.PASSWORD,
                    "/register/?country=KE&cycle=" + CYCLE + "&view=audit");
            ready(browser);
            browser.waitUpTo(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("audit"),
                    "progress assessed"));
            assertThat(text(browser, "#audit")).contains("matrix row edited", "row version 2", "file imported",
                    "60 added");
            browser.screenshot("register-audit");

            browser.driver().findElement(By.cssSelector("[data-view=register]")).click();
            browser.waitUpTo(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("import")));
            browser.driver().findElement(By.cssSelector("#import [name=file]")).sendKeys(badFile().toString());
            browser.driver().findElement(By.cssSelector("#import button")).click();
            // the preview lists every problem by row and column and offers no import until they are solved
            browser.waitUpTo(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                    "#import-preview table.problems")));
            assertThat(browser.driver().findElements(By.cssSelector("#import-preview table.problems tbody tr"))).hasSize(2);
            assertThat(text(browser, "#import-preview")).contains("nothing is imported", "Response", "Perhaps",
                    "Action category", "'9'");
            assertThat(browser.driver().findElement(By.id("import-confirm")).isEnabled()).isFalse();
            browser.script("document.getElementById('import-preview').scrollIntoView()");
            browser.screenshot("register-import-refused");
        }

        JsonNode saved = world.as(World.KE_CSO).get(matrix + "/versions/1").json().get("entries").get(0);
        assertThat(saved.get("goal").asText()).as("the manager's change is kept").isEqualTo("End torture in police custody");
        assertThat(saved.get("timeline").asText()).isEqualTo("2026-2028");
        assertThat(saved.get("version").asInt()).isEqualTo(2);
        assertThat(saved.get("updatedBy").asText()).isEqualTo(World.KE_CSO);
    }

    @Test
    void aManagerPreviewsAResearchersSheetMapsItsTextColumnAndImportsItWithItsParagraphNumbers() {
        int cycle = 47;
        world.ensureCycle("KE", cycle);
        Path sheet = Path.of("src/test/resources/fixtures/import/researcher-utf16-tab.txt").toAbsolutePath();
        try (Browser browser = Browser.open()) {
            browser.logInToPages(http.baseUrl(), World.KE_MANAGER, World.PASSWORD, "/register/?country=KE&cycle=" + cycle);
            ready(browser);
            browser.driver().findElement(By.cssSelector("#import [name=file]")).sendKeys(sheet.toString());
            browser.driver().findElement(By.cssSelector("#import button")).click();
            browser.waitUpTo(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                    "#import-preview table.mapping")));
            assertThat(text(browser, "#import-preview")).contains("UTF-16LE", "No column is mapped to the recommendation text");
            assertThat(browser.driver().findElement(By.id("import-confirm")).isEnabled()).isFalse();

            new Select(browser.driver().findElement(By.cssSelector("select[data-header='Recommendation made']")))
                    .selectByValue("text");
            new Select(browser.driver().findElement(By.cssSelector("select[data-header='By']")))
                    .selectByValue("recommendingStates");
            browser.driver().findElement(By.xpath("//div[@id='import-preview']//button[.='Read again']")).click();
            browser.waitUpTo(WAIT).until(ExpectedConditions.elementToBeClickable(By.id("import-confirm")));
            assertThat(text(browser, "#import-counts")).contains("4 rows read: 3 recommendations", "1 rows merged");
            assertThat(text(browser, "#import-preview table.import-rows")).contains("136.1", "Denmark, Ghana",
                    "supported in part");
            browser.screenshot("register-import-preview");

            browser.driver().findElement(By.id("import-confirm")).click();
            browser.waitUpTo(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("import-result"),
                    "3 added"));
            browser.waitUpTo(WAIT).until(driver -> rows(browser).size() == 3);
            assertThat(rows(browser)).extracting(tr -> tr.findElement(By.cssSelector("td")).getText())
                    .containsExactly("136.1", "136.2", "136.3");
        }
        assertThat(new RegisterFixture(world).total("KE", cycle)).isEqualTo(3);
    }

    @Test
    void theGovernmentFollowsTheLinkOfItsPositionsTaskAndRecordsAPosition() {
        int cycle = 49;
        String id = new RegisterFixture(world).create(cycle, "Ratify the Optional Protocol to CEDAW", "Women's rights");
        MultiValueMap<String, Object> deployment = new LinkedMultiValueMap<>();
        deployment.add("deployment-name", "register-link-probe");
        deployment.add("deploy-changed-only", "true");
        deployment.add("data", new ClassPathResource("fixtures/register-link-probe.bpmn"));
        Http.Response deployed = world.admin().postForm("/engine-rest/deployment/create", deployment,
                MediaType.MULTIPART_FORM_DATA);
        assertThat(deployed.status()).as(deployed.toString()).isEqualTo(200);
        Http.Response started = world.admin().postJson("/engine-rest/process-definition/key/register-link-probe/start",
                "{\"variables\":{\"countryCode\":{\"value\":\"ke\",\"type\":\"String\"},"
                        + "\"cycleNumber\":{\"value\":" + cycle + ",\"type\":\"Integer\"}}}");
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        String taskId = world.admin().get("/engine-rest/task?processInstanceId=" + started.json().get("id").asText())
                .json().get(0).get("id").asText();

        // Nobody has taken the task: Tasklist greys its form out, but the form's links work (issue 12).
        try (Browser browser = Browser.open()) {
            browser.logInToPages(http.baseUrl(), World.KE_GOV, World.PASSWORD, "/api/session");
            browser.driver().get(http.baseUrl() + "/camunda/app/tasklist/default/#/?task=" + taskId
                    + "&detailsTab=task-detail-form");
            By link = By.cssSelector(".fjs-form a[href*='/register/']");
            browser.waitUpTo(WAIT).until(ExpectedConditions.visibilityOfElementLocated(link));
            WebElement register = browser.driver().findElement(link);
            assertThat(register.getDomAttribute("href")).isEqualTo("/register/?country=ke&cycle=" + cycle + "&view=register");
            assertThat(register.getText()).isEqualTo("open the register of cycle " + cycle);
            browser.screenshot("tasklist-positions-links-the-register");

            // the register opens in a new tab, Tasklist keeps the task (issue 12)
            assertThat(register.getDomAttribute("target")).as("opens in a new tab").isEqualTo("_blank");
            String tasklist = browser.driver().getWindowHandle();
            register.click();
            browser.waitUpTo(WAIT).until(driver -> driver.getWindowHandles().size() == 2);
            assertThat(browser.driver().getCurrentUrl()).as("Tasklist stays on the task").contains("task=" + taskId);
            browser.driver().switchTo().window(browser.driver().getWindowHandles().stream()
                    .filter(handle -> !handle.equals(tasklist)).findFirst().orElseThrow());
            ready(browser);
            assertThat(browser.driver().getCurrentUrl()).contains("/register/?country=KE&cycle=" + cycle);
            assertThat(text(browser, "#register-summary")).isEqualTo("1 recommendations match \u00b7 1 of the cycle without a position");
            new Select(browser.driver().findElement(By.cssSelector("#recommendations select[name=position]")))
                    .selectByValue("SUPPORTED");
            browser.waitUpTo(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("register-summary"),
                    "0 of the cycle without a position"));
            browser.screenshot("register-government-positions");
        }
        JsonNode recorded = world.as(World.KE_CSO).get(RegisterFixture.recommendations("KE", cycle) + "/" + id).json();
        assertThat(recorded.get("position").asText()).isEqualTo("SUPPORTED");
        assertThat(recorded.get("updatedBy").asText()).isEqualTo(World.KE_GOV);
    }

    private static Path badFile() {
        try {
            Path file = Files.createTempFile("recommendations", ".csv");
            Files.writeString(file, RegisterFixture.HEADER + "Abolish the death penalty,Portugal,Kenya,Perhaps,Death penalty,4\n"
                    + "Ratify OPCAT,Denmark,Kenya,Noted,Torture,9\n", StandardCharsets.UTF_8);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void ready(Browser browser) {
        browser.waitUpTo(WAIT).until(driver -> "true".equals(browser.script("return document.body.dataset.ready")));
    }

    private static String text(Browser browser, String css) {
        return browser.driver().findElement(By.cssSelector(css)).getText();
    }

    private static List<WebElement> rows(Browser browser) {
        return browser.driver().findElements(By.cssSelector("#recommendations tr[data-id]"));
    }
}
