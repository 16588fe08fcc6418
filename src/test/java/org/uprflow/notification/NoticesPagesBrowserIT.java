package org.uprflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.uprflow.testing.Browser;
import org.uprflow.testing.Http;
import org.uprflow.testing.PostgresIntegrationTest;
import org.uprflow.testing.TestMailServer;
import org.uprflow.testing.World;

/**
 * The notices page and the dashboard's notices in headless Chromium, with the mails read from the
 * SMTP server in this JVM: a participant's choice of a weekly digest stays chosen, the unsubscribe
 * link of a received mail works in a browser that never logged in, and the programme manager sees
 * on the country's dashboard the notice a mail server refused. Rwanda (RW) is this class's country.
 */
class NoticesPagesBrowserIT extends PostgresIntegrationTest {

    private static final String MANAGER = "rw.manager";
    private static final String CSO = "rw.cso";
    /** Keeps immediate notices whatever the other tests of this class choose. */
    private static final String CSO_IMMEDIATE = "rw.cso2";
    private static final String GOV = "rw.gov";
    private static final String REFUSED = "rw.refused";
    private static final String REFUSED_ADDRESS = "refused@rw.example.org";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static boolean rwandaReady;

    private final TestMailServer mail = TestMailServer.get();

    @BeforeEach
    void rwanda() {
        if (rwandaReady) {
            return;
        }
        World.onboard(world.admin(), "RW").expect("onboarding RW", 201);
        participant(MANAGER, "PROGRAMME_MANAGER", MANAGER + "@example.org");
        participant(CSO, "CSO", CSO + "@example.org");
        participant(CSO_IMMEDIATE, "CSO", CSO_IMMEDIATE + "@example.org");
        participant(GOV, "GOVERNMENT", GOV + "@example.org");
        participant(REFUSED, "GOVERNMENT", REFUSED_ADDRESS);
        mail.faults().refuse(REFUSED_ADDRESS);
        rwandaReady = true;
    }

    @Test
    void aParticipantChoosesAWeeklyDigestAndTheChoiceStays() {
        assertThat(world.as(CSO).get("/api/notifications/preferences").json().get("delivery").asText())
                .isEqualTo("IMMEDIATE");
        try (Browser browser = Browser.open()) {
            browser.logInToPages(http.baseUrl(), CSO, World.PASSWORD, "/notifications/");
            WebDriverWait wait = browser.waitUpTo(PATIENCE);
            WebElement weekly = wait.until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector("input[name=delivery][value=WEEKLY_DIGEST]")));
            assertThat(browser.driver().findElement(By.cssSelector("input[name=delivery][value=IMMEDIATE]")).isSelected())
                    .isTrue();
            assertThat(weekly.findElement(By.xpath("..")).getText()).isNotBlank();
            assertThat(browser.driver().findElement(By.id("outbox-section")).isDisplayed())
                    .as("a participant sees no notice log").isFalse();
            weekly.click();
            browser.driver().findElement(By.cssSelector("#preferences button")).click();
            wait.until(ExpectedConditions.not(ExpectedConditions.textToBe(By.id("saved"), "")));

            browser.driver().navigate().refresh();
            WebElement again = wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("input[name=delivery][value=WEEKLY_DIGEST]")));
            assertThat(again.isSelected()).as("the choice shown after a reload").isTrue();
            assertThat(browser.driver().findElement(By.cssSelector("input[name=delivery][value=IMMEDIATE]")).isSelected())
                    .isFalse();
            browser.screenshot("notifications-preferences");
        }
        assertThat(world.as(CSO).get("/api/notifications/preferences").json().get("delivery").asText())
                .isEqualTo("WEEKLY_DIGEST");
    }

    @Test
    void theUnsubscribeLinkOfAReceivedMailWorksInABrowserWithoutLogin() throws Exception {
        World.Probe probe = world.startProbe("rw");
        MimeMessage notice = awaitMail(GOV + "@example.org", probe.governmentTaskId());
        String body = (String) notice.getContent();
        java.util.regex.Matcher link = java.util.regex.Pattern
                .compile("https?://\\S+(/api/notifications/unsubscribe\\?token=\\S+)").matcher(body);
        assertThat(link.find()).as("the link in the mail's text: " + body).isTrue();
        String path = link.group(1);
        try (Browser browser = Browser.open()) {
            browser.driver().get(http.baseUrl() + path);
            WebDriverWait wait = browser.waitUpTo(PATIENCE);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("body")));
            assertThat(browser.driver().getCurrentUrl()).as("no login page in between").doesNotContain("/login");
            assertThat(browser.driver().findElement(By.tagName("body")).getText())
                    .contains("no longer receive", "a task waits for your role");
            browser.screenshot("notifications-unsubscribed");

            browser.driver().get(http.baseUrl() + "/api/notifications/unsubscribe?token=" + "x".repeat(43));
            assertThat(browser.driver().findElement(By.tagName("body")).getText()).contains("not known");
        }
        assertThat(world.as(GOV).get("/api/notifications/preferences").json().get("unsubscribed").toString())
                .contains("TASK_AVAILABLE");
    }

    @Test
    void theProgrammeManagerSeesOnTheDashboardWhatWasSentToWhomAndWhatFailed() throws Exception {
        World.Probe probe = world.startProbe("rw");
        awaitMail(CSO_IMMEDIATE + "@example.org", probe.csoTaskId());
        awaitFailed();
        try (Browser browser = Browser.open()) {
            browser.logInToPages(http.baseUrl(), MANAGER, World.PASSWORD, "/dashboard/country.html?code=RW");
            WebDriverWait wait = browser.waitUpTo(PATIENCE);
            WebElement failed = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#notices tbody tr[data-status=FAILED]")));
            assertThat(failed.getText()).contains(REFUSED, REFUSED_ADDRESS, "failed", "refused")
                    .as("the status in words, not the code").doesNotContain("FAILED");
            List<WebElement> rows = browser.driver().findElements(By.cssSelector("#notices tbody tr"));
            assertThat(rows).as("what was sent to whom").anyMatch(row -> "SENT".equals(row.getAttribute("data-status"))
                    && row.getText().contains(CSO_IMMEDIATE + "@example.org") && row.getText().contains("sent"));
            assertThat(rows).extracting(WebElement::getText).as("only Rwanda's notices")
                    .allMatch(row -> !row.contains("ke.") && !row.contains("bj."));
            browser.screenshot("dashboard-notices");

            browser.driver().findElement(By.id("all-notices")).click();
            wait.until(ExpectedConditions.urlContains("/notifications/?country=RW"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("outbox-section")));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#outbox tbody tr")));
            new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("status")))
                    .selectByValue("FAILED");
            wait.until(driver -> {
                List<WebElement> shown = driver.findElements(By.cssSelector("#outbox tbody tr"));
                return !shown.isEmpty() && shown.stream().allMatch(row -> "FAILED".equals(row.getAttribute("data-status")));
            });
            assertThat(browser.driver().findElement(By.cssSelector("#outbox tbody")).getText()).contains(REFUSED_ADDRESS);
        }
        Http.Caller other = world.as(World.KE_MANAGER);
        assertThat(other.get("/api/notifications/outbox?country=RW").status()).as("another country's manager")
                .isEqualTo(404);
    }

    private void participant(String userId, String role, String email) {
        World.addParticipant(world.admin(), "RW", new World.Person(userId, role, userId.replace('.', '-'), "Test", email,
                World.PASSWORD)).expect("adding " + userId, 201);
    }

    /** The mail to {@code address} about the task, once it arrived. */
    private MimeMessage awaitMail(String address, String taskId) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            for (MimeMessage message : mail.receivedBy(address)) {
                if (((String) message.getContent()).contains(taskId)) {
                    return message;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no mail to " + address + " about task " + taskId);
    }

    private void awaitFailed() throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            if (world.as(MANAGER).get("/api/notifications/outbox?country=RW&status=FAILED").json().get("notices")
                    .findValuesAsText("email").contains(REFUSED_ADDRESS)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the refused notice was not marked failed");
    }
}
