package org.uprflow.language;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * Camunda Tasklist in the user's language. Tasklist ships English and German only and picks its
 * language from the browser among {@code config.js}'s {@code availableLocales}; here
 * {@code config.js} is written for the user (own choice, else the countries', else the browser's:
 * {@link RequestLanguage}) and offers that language alone, and each locale file is built from
 * Camunda's {@code en.json} (its key structure and English) with the texts of
 * {@code i18n/tasklist_<language>.properties}. One source per text: the bundles.
 */
@RestController
class TasklistTexts {

    /** Names, on Tasklist's page, the version of the configuration that goes with it (uprflow-sw.js reads it). */
    static final String CONFIG_VERSION_HEADER = "Uprflow-Tasklist-Config";
    /** Asks for a configuration or a script by the version of its content. */
    static final String VERSION = "v";
    /**
     * The platform's scripts Tasklist loads (its {@code customScripts}), asked for under the version of their
     * content ({@code scripts/v-<version>/uprflow-tasklist.js}): Tasklist adds only its own {@code ?bust=7.24.0},
     * which would make the browser revalidate them on every visit, a round trip before Tasklist starts.
     */
    private static final List<String> CUSTOM_SCRIPTS = List.of("uprflow-tasklist");
    private static final String TASKLIST_FILES = "META-INF/resources/webjars/camunda/app/tasklist/";
    private static final String CAMUNDA_ENGLISH = TASKLIST_FILES + "locales/en.json";
    private static final String CONFIG_TEMPLATE = "tasklist/config.js";
    /** Where the locale file carries form-js' words (uprflow-tasklist.js reads them). */
    static final String FORM_JS = "uprflowFormJs";
    private static final Pattern CONFIG_TEXT = Pattern.compile("/\\*([A-Za-z._]+)\\*/");

    private final Languages languages;
    private final RequestLanguage requestLanguage;
    private final TextBundle texts;
    private final ObjectMapper json = new ObjectMapper();
    private final JsonNode english;
    private final String configTemplate;
    private final Map<String, Config> locales = new ConcurrentHashMap<>();
    private final Map<String, Config> configs = new ConcurrentHashMap<>();
    private final Map<String, Config> scripts;
    private final String customScripts;

    /** A configuration as written for one language, a script or a locale file, and the version of that text. */
    private record Config(String text, String version) {
    }

    TasklistTexts(Languages languages, RequestLanguage requestLanguage) {
        this.languages = languages;
        this.requestLanguage = requestLanguage;
        this.texts = new TextBundle("tasklist", languages.offered());
        this.english = readEnglish();
        this.configTemplate = read(CONFIG_TEMPLATE);
        this.scripts = CUSTOM_SCRIPTS.stream().collect(Collectors.toUnmodifiableMap(name -> name, name -> {
            String text = read(TASKLIST_FILES + "scripts/" + name + ".js");
            return new Config(text, version(text));
        }));
        this.customScripts = CUSTOM_SCRIPTS.stream()
                .map(name -> quoted("scripts/v-" + scripts.get(name).version() + "/" + name + ".js"))
                .collect(Collectors.joining(", "));
    }

    @GetMapping(path = "${camunda.bpm.webapp.application-path:/camunda}/app/tasklist/scripts/config.js",
            produces = "text/javascript")
    ResponseEntity<String> config(HttpServletRequest request, @RequestParam(name = VERSION, required = false) String asked) {
        Config config = configFor(request);
        // Asked by the version its page named (the service worker does), the address names this very text, which
        // the browser may then keep; asked otherwise (Tasklist's own address changes on every visit), never stored.
        CacheControl cache = config.version().equals(asked)
                ? CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable() : CacheControl.noStore();
        return ResponseEntity.ok().cacheControl(cache)
                .contentType(new MediaType("text", "javascript", StandardCharsets.UTF_8))
                .body(config.text());
    }

    @GetMapping(path = "${camunda.bpm.webapp.application-path:/camunda}/app/tasklist/scripts/v-{version}/{name}.js",
            produces = "text/javascript")
    ResponseEntity<String> customScript(@PathVariable String version, @PathVariable String name) {
        Config script = scripts.get(name);
        if (script == null) {
            return ResponseEntity.notFound().build();
        }
        // another release's address answers with this release's script, revalidated
        CacheControl cache = script.version().equals(version)
                ? CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable() : CacheControl.noCache();
        return ResponseEntity.ok().cacheControl(cache)
                .contentType(new MediaType("text", "javascript", StandardCharsets.UTF_8)).body(script.text());
    }

    /** The version of the configuration this request's user gets: Tasklist's page names it in a header. */
    String configVersion(HttpServletRequest request) {
        return configFor(request).version();
    }

    private Config configFor(HttpServletRequest request) {
        return configs.computeIfAbsent(requestLanguage.language(request), language -> {
            String text = config(language);
            return new Config(text, version(text));
        });
    }

    /** The first 8 bytes of the text's SHA-256, as hex: enough to tell two releases or languages apart. */
    private static String version(String text) {
        return version(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String version(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 8);
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", missing);
        }
    }

    @GetMapping(path = "${camunda.bpm.webapp.application-path:/camunda}/app/tasklist/locales/{language}.json",
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> locale(@PathVariable String language, WebRequest request) {
        if (!languages.offered().contains(language)) {
            return ResponseEntity.notFound().build();
        }
        Config file = locales.computeIfAbsent(language, this::localeConfig);
        // On a first visit the platform's script reads the file before Tasklist starts (uprflow-tasklist.js) and
        // Tasklist once more: the second read is a 304. Weak, as PageMessagesController's: Tomcat compresses
        // only those.
        if (request.checkNotModified("W/\"" + language + "-" + file.version() + "\"")) {
            return null;
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).contentType(MediaType.APPLICATION_JSON)
                .body(file.text().getBytes(StandardCharsets.UTF_8));
    }

    private Config localeConfig(String language) {
        String text = new String(localeFile(language), StandardCharsets.UTF_8);
        return new Config(text, version(text));
    }

    /**
     * Camunda's English file with every text replaced by the language's (numbers stay numbers), and the words
     * of form-js that the platform's script puts in place of form-js' English ({@link #FORM_JS}).
     */
    byte[] localeFile(String language) {
        JsonNode translated = english.deepCopy();
        translate(translated, "", language);
        ((ObjectNode) translated).set(FORM_JS, formJsTexts(language));
        try {
            return json.writeValueAsBytes(translated);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * form-js' own words in the language: {@code messages} and {@code labels} as pairs of form-js' English (with
     * {@code {0}} for what form-js puts in) and the language's text, and the date field's placeholder and a
     * calendar day's spoken form. Tasklist reads only {@code labels} and {@code dateLocales} of the file.
     */
    private ObjectNode formJsTexts(String language) {
        ObjectNode forms = json.createObjectNode();
        for (String group : List.of("message", "label")) {
            ArrayNode pairs = forms.putArray(group + "s");
            for (String key : texts.keys("formjs." + group + ".")) {
                pairs.addArray().add(texts.own(languages.fallback(), key).orElseThrow())
                        .add(texts.text(language, key).orElseThrow());
            }
        }
        texts.text(language, "formjs.date.placeholder").ifPresent(text -> forms.put("datePlaceholder", text));
        texts.text(language, "formjs.date.dayLabel").ifPresent(text -> forms.put("dayLabel", text));
        return forms;
    }

    private void translate(JsonNode node, String path, String language) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String key = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                if (field.getValue().isContainerNode()) {
                    translate(field.getValue(), key, language);
                } else {
                    text(language, key).ifPresent(text -> object.set(field.getKey(), leaf(field.getValue(), text)));
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                String key = path + "." + i;
                if (array.get(i).isContainerNode()) {
                    translate(array.get(i), key, language);
                } else {
                    int index = i;
                    text(language, key).ifPresent(text -> array.set(index, leaf(array.get(index), text)));
                }
            }
        }
    }

    /** The language's text; for English only UPR Flow's changes (Camunda's file has the rest). */
    private Optional<String> text(String language, String key) {
        return language.equals(languages.fallback()) ? texts.own(language, key) : texts.text(language, key);
    }

    private JsonNode leaf(JsonNode original, String text) {
        if (original.isNumber()) {
            return json.getNodeFactory().numberNode(Integer.parseInt(text.trim()));
        }
        return json.getNodeFactory().textNode(text);
    }

    private String config(String language) {
        Matcher placeholder = CONFIG_TEXT.matcher(configTemplate);
        StringBuilder config = new StringBuilder();
        while (placeholder.find()) {
            String name = placeholder.group(1);
            String value = switch (name) {
                case "LANGUAGE" -> quoted(language);
                case "CUSTOM_SCRIPTS" -> customScripts;
                default -> quoted(texts.text(language, name).orElse(""));
            };
            placeholder.appendReplacement(config, Matcher.quoteReplacement(value));
        }
        placeholder.appendTail(config);
        return config.toString();
    }

    private String quoted(String value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode readEnglish() {
        try {
            return json.readTree(read(CAMUNDA_ENGLISH));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read Camunda's " + CAMUNDA_ENGLISH, e);
        }
    }

    /** A classpath text, without the byte-order mark Camunda's locale files begin with. */
    static String read(String resource) {
        try (InputStream in = TasklistTexts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + resource);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
