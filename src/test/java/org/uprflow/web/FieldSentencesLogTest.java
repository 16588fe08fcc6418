package org.uprflow.web;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.support.StaticMessageSource;
import org.uprflow.testing.LogLines;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A field without a name in the bundles is logged, and the client names some fields (the keys of ImportOptions'
 * {@code mapping}): a line break in such a key must not start a line of the log that the platform never wrote.
 */
class FieldSentencesLogTest {

    @RegisterExtension
    final LogLines log = new LogLines(FieldSentences.class);

    @Test
    void aFieldNamedByTheClientIsLoggedOnOneLine() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("validation.field-named", Locale.ENGLISH, "the field \u201c{0}\u201d");
        String forged = "x\r\n2026-11-30 ERROR admin password reset\u0007";

        String label = new FieldSentences(messages).label(forged, Locale.ENGLISH);

        assertThat(label).as("the answer names the field as sent").isEqualTo("the field \u201c" + forged + "\u201d");
        assertThat(log.lines()).singleElement()
                .isEqualTo("No name in the bundles for field 'x\\r\\n2026-11-30 ERROR admin password reset\\u0007' "
                        + "(en): add field.x\\r\\n2026-11-30 ERROR admin password reset\\u0007");
    }
}
