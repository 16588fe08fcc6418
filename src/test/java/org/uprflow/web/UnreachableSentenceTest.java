package org.uprflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The page kit carries one sentence per language for a first visit whose texts cannot be fetched;
 * it must say exactly what the bundles say.
 */
class UnreachableSentenceTest {

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr", "es"})
    void thePageKitsSentenceIsTheBundlesSentence(String language) throws IOException {
        String kit;
        try (InputStream in = getClass().getResourceAsStream("/static/ui/uprflow.js")) {
            kit = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher sentence = Pattern.compile("\\n\\s+" + language + ": '([^']+)'").matcher(kit);
        assertThat(sentence.find()).as("uprflow.js has the sentence for " + language).isTrue();

        Properties bundle = new Properties();
        String file = "/messages" + ("en".equals(language) ? "" : "_" + language) + ".properties";
        try (InputStream in = getClass().getResourceAsStream(file)) {
            bundle.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        assertThat(sentence.group(1)).isEqualTo(bundle.getProperty("page.error.network"));
    }
}
