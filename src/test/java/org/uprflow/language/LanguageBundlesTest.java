package org.uprflow.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

/**
 * Every text a participant reads in Tasklist exists in every offered language: the Camunda Forms'
 * labels, descriptions and texts, the process and task names, and Tasklist's own words. A form
 * field, task or Tasklist text without a translation fails here, not as an empty label at run time.
 */
class LanguageBundlesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FORM_PLACEHOLDER = Pattern.compile("\\{\\{\\s*[\\w.]+\\s*\\}\\}|\\]\\([^)]*\\)");

    static List<String> offered() throws IOException {
        var sources = new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"));
        String value = sources.stream().map(source -> source.getProperty("uprflow.languages.offered"))
                .filter(v -> v != null).findFirst().orElseThrow().toString();
        // ${UPRFLOW_LANGUAGES:en,fr,es}
        String list = value.substring(value.indexOf(':') + 1, value.length() - 1);
        return List.of(list.split(","));
    }

    static List<String> translations() throws IOException {
        return offered().subList(1, offered().size());
    }

    @Test
    void theOfferedLanguagesAreEnglishFirstThenFrenchAndSpanish() throws IOException {
        assertThat(offered()).containsExactly("en", "fr", "es");
    }

    @ParameterizedTest
    @MethodSource("translations")
    void everyOfferedLanguageHasItsPageMessages(String language) {
        assertThat(new ClassPathResource("messages_" + language + ".properties").exists()).isTrue();
    }

    // --- Camunda Forms -----------------------------------------------------------------------------------

    /** What each form says, by bundle key, read from the form files themselves. */
    static Map<String, String> formTexts() throws IOException {
        Map<String, String> texts = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".form")).sorted().toList()) {
                JsonNode form = JSON.readTree(file.toFile());
                collect(form.path("id").asText(), form, texts);
            }
        }
        return texts;
    }

    private static void collect(String formId, JsonNode container, Map<String, String> texts) {
        for (JsonNode component : container.path("components")) {
            String name = EngineTextsFromBundles.formKey(formId, component);
            for (String property : EngineTextsFromBundles.FORM_TEXTS) {
                if (component.path(property).isTextual()) {
                    texts.put(formId + "." + name + "." + property, component.path(property).asText());
                }
            }
            for (JsonNode value : component.path("values")) {
                texts.put(formId + "." + name + ".values." + value.path("value").asText(), value.path("label").asText());
            }
            collect(formId, component, texts);
        }
    }

    @Test
    void theEnglishFormBundleSaysWhatTheFormsSay() throws IOException {
        Map<String, String> forms = formTexts();
        assertThat(forms).as("form texts found").hasSizeGreaterThan(50);
        assertThat(asMap(bundle("forms", "en"))).isEqualTo(forms);
    }

    @ParameterizedTest
    @MethodSource("translations")
    void everyFormFieldHasItsTextInTheLanguage(String language) throws IOException {
        Map<String, String> forms = formTexts();
        Properties translated = bundle("forms", language);
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, String> text : forms.entrySet()) {
            String translation = translated.getProperty(text.getKey());
            if (translation == null || translation.isBlank()) {
                missing.add(text.getKey());
            } else {
                assertThat(placeholders(translation)).as("variables and links of %s in %s", text.getKey(), language)
                        .isEqualTo(placeholders(text.getValue()));
            }
        }
        assertThat(missing).as("form texts without a %s translation", language).isEmpty();
        assertThat(translated.stringPropertyNames()).as("no text of a field the forms no longer have")
                .isSubsetOf(forms.keySet());
    }

    // --- Process and task names ----------------------------------------------------------------------------

    static Map<String, String> modelNames() throws IOException {
        Map<String, String> names = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(Path.of("processes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
                BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
                for (Process process : model.getModelElementsByType(Process.class)) {
                    names.put("process." + process.getId(), process.getName());
                    model.getModelElementsByType(UserTask.class).stream()
                            .filter(task -> isIn(task, process))
                            .forEach(task -> names.put("task." + process.getId() + "." + task.getId(), task.getName()));
                }
            }
        }
        return names;
    }

    private static boolean isIn(UserTask task, Process process) {
        for (var parent = task.getParentElement(); parent != null; parent = parent.getParentElement()) {
            if (parent == process) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theEnglishNamesAreTheModelsNames() throws IOException {
        Map<String, String> names = modelNames();
        assertThat(names).as("names found").hasSizeGreaterThan(20);
        assertThat(asMap(bundle("names", "en"))).isEqualTo(names);
    }

    @ParameterizedTest
    @MethodSource("translations")
    void everyProcessAndTaskIsNamedInTheLanguage(String language) throws IOException {
        Properties translated = bundle("names", language);
        assertThat(translated.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(modelNames().keySet());
        translated.stringPropertyNames().forEach(key -> assertThat(translated.getProperty(key)).as(key).isNotBlank());
    }

    // --- Tasklist ------------------------------------------------------------------------------------------

    /** Every text of Camunda's en.json by its path (labels.CLAIM_TASK, dateLocales.months.0). */
    static Map<String, String> tasklistEnglish() throws IOException {
        JsonNode english = JSON.readTree(TasklistTexts.read(
                "META-INF/resources/webjars/camunda/app/tasklist/locales/en.json"));
        Map<String, String> texts = new LinkedHashMap<>();
        flatten("", english, texts);
        return texts;
    }

    private static void flatten(String path, JsonNode node, Map<String, String> texts) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> flatten(path.isEmpty() ? field.getKey() : path + "." + field.getKey(),
                    field.getValue(), texts));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(path + "." + i, node.get(i), texts);
            }
        } else {
            texts.put(path, node.asText());
        }
    }

    @Test
    void tasklistsEnglishChangesOnlyCamundasTextsAndNamesTheShortcuts() throws IOException {
        Set<String> camunda = tasklistEnglish().keySet();
        for (String key : bundle("tasklist", "en").stringPropertyNames()) {
            assertThat(camunda.contains(key) || key.startsWith("config.shortcuts.") || key.startsWith("formjs.")).as(key)
                    .isTrue();
        }
        assertThat(bundle("tasklist", "en").getProperty("labels.CLAIM_TASK")).contains("Take this task");
    }

    @ParameterizedTest
    @MethodSource("translations")
    void tasklistSpeaksTheLanguageCompletely(String language) throws IOException {
        Map<String, String> english = tasklistEnglish();
        Properties ours = bundle("tasklist", "en");
        Properties translated = bundle("tasklist", language);
        Set<String> expected = new TreeSet<>(english.keySet());
        expected.addAll(ours.stringPropertyNames());
        assertThat(new TreeSet<>(translated.stringPropertyNames())).isEqualTo(expected);
        for (String key : english.keySet()) {
            String source = ours.getProperty(key, english.get(key));
            assertThat(angularPlaceholders(translated.getProperty(key))).as("placeholders of %s in %s", key, language)
                    .isEqualTo(angularPlaceholders(source));
        }
        assertThat(translated.getProperty("dateLocales.longDateFormat.L")).as("day before month")
                .isEqualTo("DD/MM/YYYY");
    }

    // --- helpers -------------------------------------------------------------------------------------------

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = FORM_PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group().replace(" ", ""));
        }
        return found;
    }

    private static Set<String> angularPlaceholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = Pattern.compile("\\{\\{\\s*([\\w.]+)\\s*\\}\\}").matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static Properties bundle(String name, String language) {
        assertThat(new File("src/main/resources/i18n/" + name + "_" + language + ".properties")).as("bundle").exists();
        return TextBundle.load(name, language);
    }

    private static Map<String, String> asMap(Properties properties) {
        Map<String, String> map = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(key -> map.put(key, properties.getProperty(key)));
        return map;
    }
}
