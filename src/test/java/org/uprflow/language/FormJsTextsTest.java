package org.uprflow.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * form-js, inside Camunda's Tasklist, says its own words in English only: the validation messages of a field and
 * the number field's buttons. The platform's script puts the language's text in their place, recognising
 * form-js' English as listed in {@code i18n/tasklist_en.properties} ({@code formjs.*}). Read from the very
 * form-js that Tasklist runs ({@code lib/deps.js} of Camunda's webjar): a message form-js says that the list
 * does not recognise fails here, as does one without its text in a language.
 */
class FormJsTextsTest {

    private static final String FORM_JS = "META-INF/resources/webjars/camunda/lib/deps.js";
    /** A message form-js adds to a field's errors: {@code i.push("Field is required.")} or a template literal. */
    private static final Pattern PUSHED = Pattern.compile("\\.push\\(([\"`])((?:Field|Value|Please)[^\"`]*)\\1\\)");
    /** Its one message put together from parts: "Value is expected to " + (be an integer | have at most…) + ".". */
    private static final Pattern DIGITS = Pattern.compile(
            "\"(Value is expected to )\"\\+\\(0===\\w+\\?\"([^\"]+)\":`([^`]+)`\\)\\+\"(\\.)\"");
    private static final Pattern BUTTON = Pattern.compile("class:\"fjs-[\\w-]+\",\"aria-label\":\"([^\"]+)\"");
    private static final Pattern TEMPLATE_HOLE = Pattern.compile("\\$\\{[^}]*}");
    private static final Pattern PLURAL_S = Pattern.compile("\\$\\{\\w+>1\\?\"s\":\"\"}");
    private static final Pattern HOLE = Pattern.compile("\\{\\d+}");

    static List<String> translations() throws IOException {
        return LanguageBundlesTest.translations();
    }

    /** What form-js says, with 7 wherever it puts in a value. */
    static List<String> formJsMessages() {
        String formJs = TasklistTexts.read(FORM_JS);
        List<String> said = new ArrayList<>();
        Matcher pushed = PUSHED.matcher(formJs);
        while (pushed.find()) {
            said.add(TEMPLATE_HOLE.matcher(pushed.group(2)).replaceAll("7"));
        }
        Matcher digits = DIGITS.matcher(formJs);
        assertThat(digits.find()).as("form-js' message on decimal digits, as it is put together").isTrue();
        said.add(digits.group(1) + digits.group(2) + digits.group(4));
        for (String plural : List.of("", "s")) {
            String part = PLURAL_S.matcher(digits.group(3)).replaceAll(plural);
            said.add(digits.group(1) + TEMPLATE_HOLE.matcher(part).replaceAll("7") + digits.group(4));
        }
        return said;
    }

    static List<String> formJsButtons() {
        Matcher button = BUTTON.matcher(TasklistTexts.read(FORM_JS));
        List<String> said = new ArrayList<>();
        while (button.find()) {
            said.add(button.group(1));
        }
        return said;
    }

    @Test
    void everyMessageOfFormJsIsRecognised() {
        List<String> said = formJsMessages();
        assertThat(said).as("form-js' messages, read from Tasklist's copy").hasSizeGreaterThanOrEqualTo(12)
                .contains("Field is required.", "Field must have minimum length of 7.", "Field must match pattern 7.");
        List<Pattern> english = recognisers("formjs.message.");
        for (String message : said) {
            assertThat(english).as("a text for form-js' \"%s\" (formjs.message.* in tasklist_en.properties)", message)
                    .anyMatch(pattern -> pattern.matcher(message).matches());
        }
    }

    @Test
    void everyButtonOfFormJsIsRecognised() {
        List<String> said = formJsButtons();
        assertThat(said).contains("Increment", "Decrement");
        List<Pattern> english = recognisers("formjs.label.");
        for (String label : said) {
            assertThat(english).as("a text for form-js' \"%s\" (formjs.label.*)", label)
                    .anyMatch(pattern -> pattern.matcher(label).matches());
        }
    }

    @ParameterizedTest
    @MethodSource("translations")
    void everyTextOfFormJsIsInTheLanguageWithWhatFormJsPutsIn(String language) {
        Properties english = TextBundle.load("tasklist", "en");
        Properties translated = TextBundle.load("tasklist", language);
        for (String key : english.stringPropertyNames()) {
            if (!key.startsWith("formjs.")) {
                continue;
            }
            assertThat(translated.getProperty(key)).as("%s in %s", key, language).isNotBlank();
            assertThat(holes(translated.getProperty(key))).as("{n} of %s in %s", key, language)
                    .isEqualTo(holes(english.getProperty(key)));
            if (key.startsWith("formjs.message.")) {
                assertThat(translated.getProperty(key)).as("%s in %s", key, language).isNotEqualTo(english.getProperty(key));
            }
        }
    }

    /** The English texts as the script recognises them: {n} stands for anything. */
    private static List<Pattern> recognisers(String prefix) {
        Properties english = TextBundle.load("tasklist", "en");
        List<Pattern> patterns = new ArrayList<>();
        for (String key : english.stringPropertyNames()) {
            if (key.startsWith(prefix)) {
                String text = english.getProperty(key);
                StringBuilder pattern = new StringBuilder();
                int last = 0;
                Matcher hole = HOLE.matcher(text);
                while (hole.find()) {
                    pattern.append(Pattern.quote(text.substring(last, hole.start()))).append("(.+?)");
                    last = hole.end();
                }
                patterns.add(Pattern.compile(pattern.append(Pattern.quote(text.substring(last))).toString()));
            }
        }
        return patterns;
    }

    private static Set<String> holes(String text) {
        Set<String> found = new TreeSet<>();
        HOLE.matcher(text).results().forEach(hole -> found.add(hole.group()));
        return found;
    }
}
