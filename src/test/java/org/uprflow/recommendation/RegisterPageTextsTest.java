package org.uprflow.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.uprflow.audit.AuditAction;

/**
 * Every text the register page shows is in the English, French and Spanish bundles, and no
 * translation was left in English by mistake.
 */
class RegisterPageTextsTest {

    private static final Path PAGE = Path.of("src/main/resources/static/register");
    private static final Pattern KEY = Pattern.compile("page\\.register\\.[A-Za-z0-9_.-]*+");

    /** Keys the script builds from a value: the family and every value it takes. */
    private static final Set<String> BUILT = Set.of("page.register.status.FULLY_IMPLEMENTED",
            "page.register.status.PARTIALLY_IMPLEMENTED", "page.register.status.IN_PROCESS",
            "page.register.status.LITTLE_OR_NO_ACTION", "page.register.status.NOT_STARTED",
            "page.register.position.NONE", "page.register.role.CSO", "page.register.role.GOVERNMENT",
            "page.register.role.NHRI", "page.register.role.PROGRAMME_MANAGER", "page.register.field.recommendations",
            "page.register.compare.field.themeCluster", "page.register.compare.field.goal",
            "page.register.compare.field.actions", "page.register.compare.field.indicators",
            "page.register.compare.field.responsibleInstitution", "page.register.compare.field.timeline",
            "page.register.compare.field.status", "page.register.compare.field.recommendationNumbers");

    @ParameterizedTest
    @ValueSource(strings = {"messages.properties", "messages_fr.properties", "messages_es.properties"})
    void everyTextOfThePageIsInTheBundle(String bundle) throws IOException {
        Properties texts = load(bundle);
        Set<String> used = new TreeSet<>(BUILT);
        // the audit view words each action it lists, whichever feature recorded it
        Stream.of(AuditAction.values()).forEach(action -> used.add("page.register.audit.action." + action));
        try (Stream<Path> files = Files.list(PAGE)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".js") || f.toString().endsWith(".html")).toList()) {
                Matcher keys = KEY.matcher(Files.readString(file));
                while (keys.find()) {
                    used.add(keys.group());
                }
            }
        }
        used.removeIf(key -> key.endsWith("."));

        assertThat(used).as("keys of the page missing from " + bundle).allMatch(texts::containsKey);
        if (!bundle.equals("messages.properties")) {
            Properties english = load("messages.properties");
            long same = used.stream().filter(key -> texts.getProperty(key).equals(english.getProperty(key))
                    && texts.getProperty(key).length() > 12).count();
            assertThat(same).as("long texts of " + bundle + " identical to the English ones").isLessThanOrEqualTo(1);
        }
    }

    private static Properties load(String bundle) throws IOException {
        Properties texts = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources", bundle), StandardCharsets.UTF_8)) {
            texts.load(reader);
        }
        return texts;
    }
}
