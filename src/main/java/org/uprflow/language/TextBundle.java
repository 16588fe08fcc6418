package org.uprflow.language;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bundle of texts under {@code i18n/} ({@code <name>_<language>.properties}, UTF-8) in every
 * offered language. The texts are used as written: no MessageFormat, so a form's
 * {@code {{cycleNumber}}} and an apostrophe stay as they are. A text missing in a language is
 * taken from the fallback language and logged once ({@code LanguageBundlesTest} fails first).
 */
final class TextBundle {

    private static final Logger LOG = LoggerFactory.getLogger(TextBundle.class);

    private final String name;
    private final String fallback;
    private final Map<String, Properties> byLanguage = new HashMap<>();
    private final Set<String> missingLogged = ConcurrentHashMap.newKeySet();

    TextBundle(String name, List<String> languages) {
        this.name = name;
        this.fallback = languages.get(0);
        for (String language : languages) {
            byLanguage.put(language, load(name, language));
        }
    }

    static Properties load(String name, String language) {
        Properties texts = new Properties();
        String resource = "i18n/" + name + "_" + language + ".properties";
        try (InputStream in = TextBundle.class.getClassLoader().getResourceAsStream(resource)) {
            if (in != null) {
                try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                    texts.load(reader);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
        return texts;
    }

    /** The text in the language, else in the fallback language (logged once), else empty. */
    Optional<String> text(String language, String key) {
        Properties texts = byLanguage.get(language);
        String text = texts == null ? null : texts.getProperty(key);
        if (text != null) {
            return Optional.of(text);
        }
        String english = byLanguage.get(fallback).getProperty(key);
        if (english != null && missingLogged.add(language + "/" + key)) {
            LOG.warn("No {} text for {} in i18n/{}_{}.properties: the {} text is shown", language, key, name, language,
                    fallback);
        }
        return Optional.ofNullable(english);
    }

    /** The keys of the fallback language's texts that begin with the prefix, sorted. */
    Set<String> keys(String prefix) {
        return byLanguage.get(fallback).stringPropertyNames().stream().filter(key -> key.startsWith(prefix))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Only the language's own text, no fallback. */
    Optional<String> own(String language, String key) {
        Properties texts = byLanguage.get(language);
        return Optional.ofNullable(texts == null ? null : texts.getProperty(key));
    }
}
