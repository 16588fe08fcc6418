package org.uprflow.web;

import java.util.Locale;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.context.support.StaticMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A field without a name in the bundles is logged, and the client names some fields (the keys of ImportOptions'
 * {@code mapping}): a line break in such a key must not start a line of the log that the platform never wrote.
 */
class FieldSentencesLogTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger(FieldSentences.class);
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
    void aFieldNamedByTheClientIsLoggedOnOneLine() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("validation.field-named", Locale.ENGLISH, "the field \u201c{0}\u201d");
        String forged = "x\r\n2026-11-30 ERROR admin password reset\u0007";

        String label = new FieldSentences(messages).label(forged, Locale.ENGLISH);

        assertThat(label).as("the answer names the field as sent").isEqualTo("the field \u201c" + forged + "\u201d");
        assertThat(logged.list).singleElement().extracting(ILoggingEvent::getFormattedMessage)
                .isEqualTo("No name in the bundles for field 'x\\r\\n2026-11-30 ERROR admin password reset\\u0007' "
                        + "(en): add field.x\\r\\n2026-11-30 ERROR admin password reset\\u0007");
    }
}
