package org.uprflow.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

/** The engine's words in the user's language, on the answers' way out (ADR 0017). */
class EngineTextsFromBundlesTest {

    private final EngineTextsFromBundles texts = new EngineTextsFromBundles(
            new Languages(List.of("en", "fr", "es"), new StaticMessageSource()), filterMessages());

    @Test
    void aTaskNameKeepsItsCycleInEveryLanguage() {
        String stored = "Agree the implementation matrix (CSOs) (KE-4)";
        assertThat(texts.taskName(stored, "upr-cycle", "Task_AgreeMatrixCso", Locale.FRENCH))
                .isEqualTo("Approuver la matrice de mise en œuvre (OSC) (KE-4)");
        assertThat(texts.taskName(stored, "upr-cycle", "Task_AgreeMatrixCso", Locale.forLanguageTag("es")))
                .isEqualTo("Aprobar la matriz de implementación (OSC) (KE-4)");
        assertThat(texts.taskName(stored, "upr-cycle", "Task_AgreeMatrixCso", Locale.ENGLISH)).isEqualTo(stored);
        assertThat(texts.taskName(stored, "upr-cycle", "Task_AgreeMatrixCso", Locale.GERMAN)).as("not offered")
                .isEqualTo(stored);
    }

    @Test
    void aNameTheBundlesDoNotKnowOrSomeoneChangedStaysAsStored() {
        assertThat(texts.taskName("Call the minister (KE-4)", "upr-cycle", "Task_AgreeMatrixCso", Locale.FRENCH))
                .isEqualTo("Call the minister (KE-4)");
        assertThat(texts.taskName("Probe task", "isolation-probe", "Task_Probe", Locale.FRENCH)).isEqualTo("Probe task");
        assertThat(texts.processName("Isolation probe", "isolation-probe", Locale.FRENCH)).isEqualTo("Isolation probe");
        assertThat(texts.processName("UPR cycle", "upr-cycle", Locale.FRENCH)).isEqualTo("Cycle de l'EPU");
    }

    @Test
    void aFormIsServedInTheLanguageWithItsVariablesAndLinksInANewTab() throws IOException {
        byte[] form = Files.readAllBytes(Path.of("processes", "draft-implementation-plan.form"));
        String french = new String(texts.form(form, Locale.FRENCH), StandardCharsets.UTF_8);
        assertThat(french).contains("Rédiger le plan de mise en œuvre", "Date de l'atelier des OSC", "Membres d'OSC présents",
                "{{cycleNumber}}", "target=\\\"_blank\\\"",
                "href=\\\"/register/?country={{countryCode}}&amp;cycle={{cycleNumber}}&amp;view=matrix\\\"")
                .doesNotContain("CSO members attending").doesNotContain("](/register/");
        String english = new String(texts.form(form, Locale.ENGLISH), StandardCharsets.UTF_8);
        assertThat(english).contains("CSO members attending", "target=\\\"_blank\\\"");
        assertThat(texts.form("not json".getBytes(StandardCharsets.UTF_8), Locale.FRENCH))
                .isEqualTo("not json".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void filtersAreNamedInTheLanguageFromTheirProperties() {
        Map<String, Object> role = Map.of("uprflowView", "role-tasks", "uprflowCountry", "ml", "uprflowRole", "country.role.cso");
        assertThat(texts.filterText("name", "Mali · CSO tasks", role, Locale.FRENCH)).isEqualTo("Mali · tâches OSC");
        assertThat(texts.filterText("name", "Mali · CSO tasks", role, Locale.ENGLISH)).isEqualTo("Mali · CSO tasks");
        Map<String, Object> before = Map.of("uprflowView", "role-tasks", "uprflowCountry", "ml");
        assertThat(texts.filterText("name", "Mali · CSO tasks", before, Locale.FRENCH)).as("made before uprflowRole")
                .isEqualTo("Mali · CSO tasks");
        assertThat(texts.filterText("name", "Someone's own", Map.of(), Locale.FRENCH)).isEqualTo("Someone's own");
    }

    @Test
    void aCountrysGroupIsNamedInTheLanguageUnlessRenamed() {
        assertThat(texts.groupName("Mali · CSO", "ml-cso", Locale.FRENCH)).isEqualTo("Mali · OSC");
        assertThat(texts.groupName("Mali · CSO", "ml-cso", Locale.ENGLISH)).isEqualTo("Mali · CSO");
        assertThat(texts.groupName("Malian CSOs", "ml-cso", Locale.FRENCH)).as("renamed by hand").isEqualTo("Malian CSOs");
        assertThat(texts.groupName("Mali · Friends", "ml-friends", Locale.FRENCH)).as("no such role").isEqualTo("Mali · Friends");
        assertThat(texts.groupName("Programme managers", "programme-managers", Locale.FRENCH))
                .isEqualTo("Responsables de programme");
        assertThat(texts.groupName("camunda BPM Administrators", "camunda-admin", Locale.FRENCH))
                .isEqualTo("camunda BPM Administrators");
    }

    private static StaticMessageSource filterMessages() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("filter.role-tasks.name", Locale.ENGLISH, "{0} · {1} tasks");
        messages.addMessage("filter.role-tasks.name", Locale.FRENCH, "{0} · tâches {1}");
        messages.addMessage("country.role.cso", Locale.ENGLISH, "CSO");
        messages.addMessage("country.role.cso", Locale.FRENCH, "OSC");
        messages.addMessage("group.programme-managers.name", Locale.ENGLISH, "Programme managers");
        messages.addMessage("group.programme-managers.name", Locale.FRENCH, "Responsables de programme");
        return messages;
    }
}
