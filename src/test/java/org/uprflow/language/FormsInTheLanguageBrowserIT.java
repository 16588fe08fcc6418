package org.uprflow.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;

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
 * What form-js and Tasklist's search field say on a participant's first visit, in headless Chromium whose own
 * language is English: the French and the Spanish participant chose their language, so only the platform can make
 * form-js (which speaks English and takes the order of a date from the browser) speak it. Each sees form-js'
 * validation messages, the date field's placeholder and calendar in the language, enters a date in the
 * language's order (day first) and the task records that very day; the group the task is offered to is named in
 * the language too; nobody sees a raw Tasklist key
 * ({@code SEARCH_PLACEHOLDER}, {@code CREATION_DATE}) on the first visit, in English either. Madagascar, Bolivia
 * and Rwanda are this test's countries. Screenshots in target/screenshots/.
 */
class FormsInTheLanguageBrowserIT extends PostgresIntegrationTest {

    private static final Duration PAGE = Duration.ofSeconds(60);
    /** A Tasklist text key (angular-translate shows the key when it has no text for it yet). */
    private static final Pattern RAW_KEY = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b");

    private record Words(String titleLabel, String group, String required, String pattern, String placeholder,
            String month, String weekday, String complete, String done) {
    }

    @Test
    void aFrenchParticipantReadsFormJsInFrench() {
        doesTheTask("MG", "fr", new Words("Titre du rapport des parties prenantes", "Madagascar · OSC",
                "Ce champ est obligatoire.",
                "Ce champ doit respecter le format ^https?://.+.", "jj/mm/aaaa", "novembre", "lun.", "Terminer",
                "C'est fait : la tâche est terminée"));
    }

    @Test
    void aSpanishParticipantReadsFormJsInSpanish() {
        doesTheTask("BO", "es", new Words("Título del informe de las partes interesadas", "Bolivia · OSC",
                "Este campo es obligatorio.",
                "Este campo debe seguir el formato ^https?://.+.", "dd/mm/aaaa", "noviembre", "lun.", "Completar",
                "Hecho: la tarea está completada"));
    }

    @Test
    void anEnglishParticipantSeesNoRawKeyOnHerFirstVisit() {
        String cso = "rw.cso";
        String taskId = CountryInItsLanguage.withATask(world, "RW", "en", cso, "First", "Visit");
        try (Browser browser = Browser.open("en")) {
            openTheTask(browser, cso, taskId, "Title of the stakeholder report");
            assertNoRawKey(browser, "en");
            assertThat(datePlaceholder(browser)).isEqualTo("mm/dd/yyyy");
        }
    }

    private void doesTheTask(String code, String language, Words words) {
        String cso = code.toLowerCase() + ".cso";
        String taskId = CountryInItsLanguage.withATask(world, code, language, cso, "Form", "Reader");
        Http.Response chosen = world.as(cso).putJson("/api/profile/language", "{\"language\":\"" + language + "\"}", null);
        assertThat(chosen.status()).as(chosen.toString()).isEqualTo(200);
        // an English browser: the order of a date and form-js' words come from the user's choice, not from it
        try (Browser browser = Browser.open("en")) {
            openTheTask(browser, cso, taskId, words.titleLabel());
            assertNoRawKey(browser, language);
            assertThat(datePlaceholder(browser)).isEqualTo(words.placeholder());
            // the group the task is offered to, beside its name
            browser.waitUpTo(PAGE).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
                    words.group()));

            WebElement take = browser.waitUpTo(PAGE).until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("button.claim")));
            browser.script("arguments[0].click()", take);
            browser.waitUpTo(PAGE).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));

            // a required field left empty, a link that is not one: form-js' messages, in the language
            fill(browser, "stakeholderReportTitle", "x");
            field(browser, "stakeholderReportTitle").sendKeys(Keys.BACK_SPACE, Keys.TAB);
            fill(browser, "stakeholderReportLink", "not a link");
            field(browser, "stakeholderReportLink").sendKeys(Keys.TAB);
            browser.waitUpTo(PAGE).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector(".fjs-form"), words.required()));
            browser.waitUpTo(PAGE).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector(".fjs-form"), words.pattern()));
            String errors = browser.driver().findElement(By.cssSelector(".fjs-form")).getText();
            assertThat(errors).doesNotContain("Field is required", "Field must");

            // the calendar names the months and the days in the language
            WebElement date = browser.driver().findElement(By.cssSelector(".fjs-form .fjs-form-field-datetime input"));
            date.click();
            browser.waitUpTo(PAGE).until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector(".flatpickr-calendar.open")));
            String calendar = (String) browser.script("""
                    const calendar = document.querySelector('.flatpickr-calendar');
                    return [...calendar.querySelectorAll('.flatpickr-monthDropdown-month, .cur-month')]
                        .map((month) => month.textContent).join(' ') + ' '
                        + [...calendar.querySelectorAll('.flatpickr-weekday')].map((day) => day.textContent).join(' ');
                    """);
            assertThat(calendar.toLowerCase()).contains(words.month(), words.weekday()).doesNotContain("november", "mon");
            browser.screenshot("forms-" + language + "-messages-and-calendar");

            // a day that tells the orders apart: the 3rd of the month before last, entered day first
            LocalDate submitted = LocalDate.now().withDayOfMonth(3).minusMonths(2);
            date.sendKeys(submitted.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")), Keys.ENTER);
            fill(browser, "stakeholderReportTitle", "Rapport " + code);
            fill(browser, "stakeholderReportLink", "https://example.org/" + code + "-report.pdf");
            fill(browser, "stakeholderReportOrganisations", "4");
            // leaving the field hands its value to form-js at once (it takes typing in after a pause)
            field(browser, "stakeholderReportOrganisations").sendKeys(Keys.TAB);
            browser.screenshot("forms-" + language + "-filled");
            assertThat(date.getAttribute("value")).as("the date as typed, read in the language's order")
                    .isEqualTo(submitted.format(DateTimeFormatter.ofPattern(language.equals("es") ? "d/M/yyyy" : "dd/MM/yyyy")));
            WebElement complete = browser.waitUpTo(PAGE).until(ExpectedConditions.elementToBeClickable(
                    By.xpath("//button[normalize-space()='" + words.complete() + "']")));
            browser.script("arguments[0].click()", complete);
            try {
                browser.waitUpTo(PAGE).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
                        words.done()));
            } finally {
                browser.screenshot("forms-" + language + "-completed");
            }
            Http.Response recorded = world.admin().get("/engine-rest/history/variable-instance?variableName="
                    + "stakeholderReportSubmittedOn&tenantIdIn=" + code.toLowerCase());
            assertThat(recorded.json().findValuesAsText("value")).as(recorded.toString())
                    .containsExactly(submitted.toString());
        }
    }

    private void openTheTask(Browser browser, String cso, String taskId, String label) {
        browser.logInToPages(http.baseUrl(), cso, World.PASSWORD, "/camunda/app/tasklist/default/#/?task=" + taskId
                + "&detailsTab=task-detail-form");
        browser.waitUpTo(PAGE).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), label));
    }

    /** No key in the page's text nor in what a screen reader or a field's placeholder says, the search's menu open. */
    private static void assertNoRawKey(Browser browser, String language) {
        WebElement search = browser.waitUpTo(PAGE).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[cam-widget-search] input.main-field")));
        browser.script("arguments[0].focus(); arguments[0].click()", search);
        browser.screenshot("forms-" + language + "-first-visit");
        @SuppressWarnings("unchecked")
        List<String> said = (List<String>) browser.script("""
                const texts = [document.body.innerText];
                document.querySelectorAll('[placeholder], [title], [aria-label]').forEach((element) => {
                  texts.push(element.getAttribute('placeholder') || '', element.getAttribute('title') || '',
                      element.getAttribute('aria-label') || '');
                });
                return texts;
                """);
        for (String text : said) {
            assertThat(RAW_KEY.matcher(text).results().map(found -> found.group()).toList())
                    .as("raw keys on a first visit in %s", language).isEmpty();
        }
        assertThat(search.getAttribute("placeholder")).as("the search field's placeholder").isNotBlank();
    }

    private static String datePlaceholder(Browser browser) {
        return browser.waitUpTo(PAGE).until(driver -> {
            String placeholder = driver.findElement(By.cssSelector(".fjs-form .fjs-form-field-datetime input"))
                    .getAttribute("placeholder");
            return placeholder == null || placeholder.isEmpty() ? null : placeholder;
        });
    }

    private static WebElement field(Browser browser, String key) {
        return browser.driver().findElement(By.cssSelector(".fjs-form [id$='" + key + "']"));
    }

    /** Typed over what the field holds (Selenium's clear() does not reach form-js, which keeps its own value). */
    private static void fill(Browser browser, String key, String value) {
        WebElement input = field(browser, key);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        input.sendKeys(value);
    }
}
