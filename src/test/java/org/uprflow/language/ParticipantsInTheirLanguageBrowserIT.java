package org.uprflow.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.uprflow.testing.Browser;
import org.uprflow.testing.Http;
import org.uprflow.testing.PostgresIntegrationTest;
import org.uprflow.testing.World;

/**
 * A French and a Spanish participant do a task end to end in the real Tasklist (headless Chromium,
 * whose own language is English): Burkina Faso works in French, Ecuador in Spanish. Each logs in,
 * sees Tasklist, the filter, the task and its form in the country's language, takes the task,
 * fills the form in, completes it and reads what happens next. Screenshots in target/screenshots/.
 */
class ParticipantsInTheirLanguageBrowserIT extends PostgresIntegrationTest {

    private static final Duration PAGE = Duration.ofSeconds(60);

    @Test
    void aFrenchParticipantDoesHerTaskInFrench() {
        doesTheStakeholderReportTask("BF", "fr", "bf.cso", new Words("Dates et heures affichées dans le fuseau horaire local", "Burkina Faso · tâches OSC",
                "Soumettre le rapport des parties prenantes (BF-1)", "Prendre cette tâche",
                "Titre du rapport des parties prenantes", "Date de soumission au HCDH", "Terminer",
                "C'est fait : la tâche est terminée", "Title of the stakeholder report"));
    }

    @Test
    void aSpanishParticipantDoesHerTaskInSpanish() {
        doesTheStakeholderReportTask("EC", "es", "ec.cso", new Words("Fechas y horas en la zona horaria local", "Ecuador · tareas de OSC",
                "Presentar el informe de las partes interesadas (EC-1)", "Tomar esta tarea",
                "Título del informe de las partes interesadas", "Fecha de presentación al ACNUDH", "Completar",
                "Hecho: la tarea está completada", "Title of the stakeholder report"));
    }

    private record Words(String footer, String filter, String task, String take, String titleLabel, String dateLabel,
            String complete, String done, String english) {
    }

    private void doesTheStakeholderReportTask(String code, String language, String cso, Words words) {
        String taskId = CountryInItsLanguage.withATask(world, code, language, cso, "Test", cso);
        // a browser set to the country's language, as the participants' own devices are
        try (Browser browser = Browser.open(language)) {
            // the platform's login page (the same login as Tasklist, ADR 0005), straight into the task
            browser.logInToPages(http.baseUrl(), cso, World.PASSWORD, "/camunda/app/tasklist/default/#/?task=" + taskId
                    + "&detailsTab=task-detail-form");
            browser.waitUpTo(PAGE).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
                    words.footer()));
            browser.waitUpTo(PAGE).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("[cam-tasklist-filters]"), words.filter()));
            browser.waitUpTo(PAGE).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector(".tasks-list"), words.task()));
            browser.waitUpTo(PAGE).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
                    words.titleLabel()));
            assertThat(browser.driver().findElement(By.cssSelector("h2.task")).getText()).contains(words.task());
            String page = browser.driver().findElement(By.tagName("body")).getText();
            assertThat(page).contains(words.dateLabel(), words.take()).doesNotContain(words.english())
                    .doesNotContain("Claim");
            browser.screenshot("tasklist-" + language + "-before-taking");

            WebElement take = browser.waitUpTo(PAGE).until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("button.claim")));
            // As for the login (Browser.logInToTasklist), a click from script reaches AngularJS in headless Chromium.
            browser.script("arguments[0].click()", take);
            browser.waitUpTo(PAGE).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));

            fill(browser, "stakeholderReportTitle", "Rapport conjoint " + code);
            fill(browser, "stakeholderReportLink", "https://example.org/" + code + "-stakeholder-report.pdf");
            fill(browser, "stakeholderReportOrganisations", "12");
            WebElement date = browser.driver().findElement(By.cssSelector(".fjs-form .fjs-form-field-datetime input"));
            // in the language's order, day first (FormsInTheLanguageBrowserIT checks the day it records)
            date.sendKeys(LocalDate.now().minusDays(3).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")),
                    Keys.ENTER);
            browser.screenshot("tasklist-" + language + "-filled");

            WebElement complete = browser.waitUpTo(PAGE).until(ExpectedConditions.elementToBeClickable(
                    By.xpath("//button[normalize-space()='" + words.complete() + "']")));
            browser.script("arguments[0].click()", complete);
            browser.waitUpTo(PAGE).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
                    words.done()));
            browser.screenshot("tasklist-" + language + "-completed");
        }
        Http.Response gone = world.admin().get("/engine-rest/task/" + taskId);
        assertThat(gone.status()).as("the task is completed: %s", gone).isEqualTo(404);
        Http.Response recorded = world.admin().get("/engine-rest/history/variable-instance?variableName="
                + "stakeholderReportOrganisations&processInstanceBusinessKey=" + code + "-1");
        assertThat(recorded.json().findValuesAsText("value")).as(recorded.toString()).contains("12");
    }

    /** Values set as an input event, as a user's typing arrives at the form. */
    private static void fill(Browser browser, String key, String value) {
        WebElement input = browser.driver().findElement(By.cssSelector(".fjs-form [id$='" + key + "']"));
        input.clear();
        input.sendKeys(value);
    }
}
