package org.uprflow.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A text missing in a language is never an empty label at run time: the English one is shown, and the gap is
 * logged once, however often the text is asked for (the bundles' tests fail on it before a release).
 */
class TextBundleTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger(TextBundle.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void listen() {
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(logged);
    }

    @Test
    void aMissingTextFallsBackToEnglishAndIsLoggedOnce() {
        TextBundle texts = new TextBundle("textbundletest", List.of("en", "fr", "es"));
        assertThat(texts.text("fr", "greeting")).contains("Bonjour");
        assertThat(texts.text("fr", "farewell")).contains("Goodbye");
        assertThat(texts.text("fr", "farewell")).contains("Goodbye");
        assertThat(texts.text("es", "farewell")).as("a language without the bundle").contains("Goodbye");
        assertThat(texts.own("fr", "farewell")).isEmpty();
        assertThat(texts.text("fr", "nowhere")).as("a key no language has").isEmpty();
        assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                "No fr text for farewell in i18n/textbundletest_fr.properties: the en text is shown",
                "No es text for farewell in i18n/textbundletest_es.properties: the en text is shown");
    }
}
