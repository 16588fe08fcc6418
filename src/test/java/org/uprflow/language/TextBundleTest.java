package org.uprflow.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.uprflow.testing.LogLines;

/**
 * A text missing in a language is never an empty label at run time: the English one is shown, and the gap is
 * logged once, however often the text is asked for (the bundles' tests fail on it before a release).
 */
class TextBundleTest {

    @RegisterExtension
    final LogLines log = new LogLines(TextBundle.class);

    @Test
    void aMissingTextFallsBackToEnglishAndIsLoggedOnce() {
        TextBundle texts = new TextBundle("textbundletest", List.of("en", "fr", "es"));
        assertThat(texts.text("fr", "greeting")).contains("Bonjour");
        assertThat(texts.text("fr", "farewell")).contains("Goodbye");
        assertThat(texts.text("fr", "farewell")).contains("Goodbye");
        assertThat(texts.text("es", "farewell")).as("a language without the bundle").contains("Goodbye");
        assertThat(texts.own("fr", "farewell")).isEmpty();
        assertThat(texts.text("fr", "nowhere")).as("a key no language has").isEmpty();
        assertThat(log.lines()).containsExactly(
                "No fr text for farewell in i18n/textbundletest_fr.properties: the en text is shown",
                "No es text for farewell in i18n/textbundletest_es.properties: the en text is shown");
    }
}
