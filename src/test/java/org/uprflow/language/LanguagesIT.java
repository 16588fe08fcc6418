package org.uprflow.language;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.uprflow.testing.Http;
import org.uprflow.testing.PostgresIntegrationTest;
import org.uprflow.testing.World;

/**
 * A country works in its language (issue 12): Mali in French, Paraguay in Spanish. Their CSO
 * members read task, process and filter names and the stakeholder report's form in their
 * language on both channels Tasklist uses ({@code /engine-rest} and the webapps' engine API),
 * whatever their browser asks; their own choice wins over the country's; the engine keeps its
 * English; an unknown language is a 400 naming the field; isolation is unchanged.
 */
class LanguagesIT extends PostgresIntegrationTest {

    private static final String ML_CSO = "ml.cso";
    private static final String PY_CSO = "py.cso";

    private String malianTask;
    private String paraguayanTask;

    @BeforeEach
    void countriesInTheirLanguages() {
        malianTask = CountryInItsLanguage.withATask(world, "ML", "fr", ML_CSO, "Aminata", "Traoré");
        paraguayanTask = CountryInItsLanguage.withATask(world, "PY", "es", PY_CSO, "Lucía", "Benítez");
    }

    @Test
    void onboardingRefusesALanguageThePlatformDoesNotOffer() {
        for (String language : new String[] {"xx", "de", ""}) {
            Http.Response refused = world.admin().postJson("/api/countries",
                    "{\"code\":\"CI\",\"language\":\"" + language + "\"}");
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.json().path("errors").has("language")).as(refused.toString()).isTrue();
        }
        assertThat(world.admin().get("/api/countries/CI").status()).as("nothing half-written").isEqualTo(404);
        // the admin belongs to no country: the browser's language
        Http.Response inFrench = world.admin().inLanguage("fr").postJson("/api/countries",
                "{\"code\":\"CI\",\"language\":\"klingon\"}");
        assertThat(inFrench.json().path("errors").path("language").asText()).contains("klingon", "en, fr, es")
                .startsWith("La plateforme ne propose pas");
    }

    @Test
    void theCountryKnowsItsLanguage() {
        assertThat(world.admin().get("/api/countries/ML").json().path("language").asText()).isEqualTo("fr");
        assertThat(world.admin().get("/api/countries/PY").json().path("language").asText()).isEqualTo("es");
        assertThat(world.admin().get("/api/countries/KE").json().path("language").asText()).isEqualTo("en");
    }

    @Test
    void engineRestNamesTasksAndShowsFormsInTheCountrysLanguageUnlessTheBrowserAsksForAnother() {
        Http.Caller malian = world.as(ML_CSO);
        JsonNode task = malian.get("/engine-rest/task/" + malianTask).json();
        assertThat(task.path("name").asText()).isEqualTo("Soumettre le rapport des parties prenantes (ML-1)");
        assertThat(malian.get("/engine-rest/task?processInstanceBusinessKey=ML-1").json().get(0).path("name").asText())
                .isEqualTo("Soumettre le rapport des parties prenantes (ML-1)");
        String form = malian.get("/engine-rest/task/" + malianTask + "/deployed-form").body();
        assertThat(form).contains("Titre du rapport des parties prenantes", "Lien vers le rapport soumis",
                "Adresse du PDF tel qu'envoyé au HCDH", "Date de soumission au HCDH")
                .doesNotContain("Title of the stakeholder report");

        assertThat(world.as(ML_CSO, "es").get("/engine-rest/task/" + malianTask).json().path("name").asText())
                .as("a browser asking for an offered language").isEqualTo("Presentar el informe de las partes interesadas (ML-1)");
        assertThat(world.as(ML_CSO, "de").get("/engine-rest/task/" + malianTask).json().path("name").asText())
                .as("a browser asking for a language the platform lacks").isEqualTo("Soumettre le rapport des parties prenantes (ML-1)");

        Http.Caller paraguayan = world.as(PY_CSO);
        assertThat(paraguayan.get("/engine-rest/task/" + paraguayanTask).json().path("name").asText())
                .isEqualTo("Presentar el informe de las partes interesadas (PY-1)");
        assertThat(paraguayan.get("/engine-rest/task/" + paraguayanTask + "/deployed-form").body())
                .contains("Título del informe de las partes interesadas", "Fecha de presentación al ACNUDH");

        JsonNode filters = paraguayan.get("/engine-rest/filter?resourceType=Task").json();
        assertThat(filters.findValuesAsText("name")).contains("Paraguay · tareas de OSC", "Paraguay · mis tareas");
        JsonNode definition = paraguayan.get("/engine-rest/process-definition/"
                + paraguayan.get("/engine-rest/task/" + paraguayanTask).json().path("processDefinitionId").asText()).json();
        assertThat(definition.path("name").asText()).isEqualTo("Presesión");
    }

    @Test
    void tasklistsEngineApiNamesTasksProcessesAndFiltersInTheLanguage() {
        Http.Caller malian = http.webappLogin(ML_CSO, World.PASSWORD, "tasklist");
        String api = "/camunda/api/engine/engine/default";
        JsonNode hal = malian.getHal(api + "/task?processInstanceBusinessKey=ML-1").json();
        assertThat(hal.path("_embedded").path("task").get(0).path("name").asText())
                .isEqualTo("Soumettre le rapport des parties prenantes (ML-1)");
        assertThat(hal.path("_embedded").path("processDefinition").get(0).path("name").asText()).isEqualTo("Pré-session");

        JsonNode filters = malian.get(api + "/filter?resourceType=Task&itemCount=true").json();
        assertThat(filters.findValuesAsText("name")).contains("Mali · tâches OSC");
        String roleFilter = null;
        for (JsonNode filter : filters) {
            if (filter.path("name").asText().equals("Mali · tâches OSC")) {
                roleFilter = filter.path("id").asText();
                assertThat(filter.path("properties").path("description").asText())
                        .isEqualTo("Tâches ouvertes des participants OSC de Mali");
            }
        }
        JsonNode listed = malian.postHal(api + "/filter/" + roleFilter + "/list?firstResult=0&maxResults=15", "{}").json();
        assertThat(listed.path("_embedded").path("task").findValuesAsText("name"))
                .contains("Soumettre le rapport des parties prenantes (ML-1)");
        assertThat(malian.get(api + "/task/" + malianTask + "/deployed-form").body())
                .contains("Titre du rapport des parties prenantes");

        Http.Caller paraguayan = http.webappLogin(PY_CSO, World.PASSWORD, "tasklist");
        assertThat(paraguayan.getHal(api + "/task/" + paraguayanTask).json().path("name").asText())
                .isEqualTo("Presentar el informe de las partes interesadas (PY-1)");
        assertThat(paraguayan.get(api + "/task/" + paraguayanTask + "/deployed-form").body())
                .contains("Enlace al informe presentado");
    }

    @Test
    void aRefusedCompletionIsASentenceInTheLanguageNamingTheTask() {
        Http.Caller malian = world.as(ML_CSO);
        assertThat(malian.postJson("/engine-rest/task/" + malianTask + "/claim", "{\"userId\":\"" + ML_CSO + "\"}")
                .status()).isEqualTo(204);
        try {
            Http.Response refused = malian.postJson("/engine-rest/task/" + malianTask + "/complete",
                    "{\"variables\":{\"stakeholderReportOrganisations\":{\"value\":-1,\"type\":\"Long\"}}}");
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.json().path("message").asText())
                    .startsWith("'Soumettre le rapport des parties prenantes (ML-1)' ne peut pas être terminée");
            assertThat(world.admin().get("/engine-rest/task/" + malianTask).status()).as("still open").isEqualTo(200);
        } finally {
            malian.postJson("/engine-rest/task/" + malianTask + "/unclaim", "{}");
        }
    }

    @Test
    void whatTheEngineStoresStaysEnglishAndEnglishUsersSeeIt() {
        JsonNode asAdmin = world.admin().inLanguage("en").get("/engine-rest/task/" + malianTask).json();
        assertThat(asAdmin.path("name").asText()).isEqualTo("Submit the stakeholder report (ML-1)");
        world.ensureCycle("KE", 1);
        JsonNode kenyan = world.as(World.KE_CSO).get("/engine-rest/task?processInstanceBusinessKey=KE-1").json();
        assertThat(kenyan.findValuesAsText("name")).isNotEmpty()
                .allSatisfy(name -> assertThat(name).as("Kenya works in English").endsWith("(KE-1)"))
                .anySatisfy(name -> assertThat(name).startsWith("Submit the stakeholder report"));
    }

    @Test
    void aPersonsOwnLanguageWinsOverTheBrowsersAndTheCountrysAndAnUnknownOneIsRefused() {
        Http.Caller malian = world.as(ML_CSO);
        try {
            Http.Response refused = malian.putJson("/api/profile/language", "{\"language\":\"xx\"}", null);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.json().path("errors").has("language")).isTrue();
            assertThat(refused.json().path("detail").asText()).as("in her language").startsWith("La plateforme");

            Http.Response chosen = malian.putJson("/api/profile/language", "{\"language\":\"es\"}", null);
            assertThat(chosen.status()).as(chosen.toString()).isEqualTo(200);
            assertThat(chosen.json().path("effective").asText()).isEqualTo("es");
            assertThat(chosen.json().path("countries").asText()).isEqualTo("fr");
            assertThat(world.as(ML_CSO, "en").get("/engine-rest/task/" + malianTask).json().path("name").asText())
                    .as("her own choice, whatever her browser asks").isEqualTo("Presentar el informe de las partes interesadas (ML-1)");
        } finally {
            malian.delete("/api/profile/language");
        }
        assertThat(malian.get("/api/profile/language").json().path("effective").asText()).isEqualTo("fr");
    }

    @Test
    void tenantIsolationIsUnchanged() {
        Http.Caller paraguayan = world.as(PY_CSO, "es");
        assertThat(paraguayan.get("/engine-rest/task/" + malianTask).status()).isEqualTo(404);
        assertThat(paraguayan.get("/engine-rest/task/" + malianTask + "/deployed-form").status()).isIn(403, 404);
        assertThat(paraguayan.get("/engine-rest/task?processInstanceBusinessKey=ML-1").json()).isEmpty();
        assertThat(paraguayan.get("/engine-rest/filter?resourceType=Task").json().findValuesAsText("name"))
                .noneMatch(name -> name.contains("Mali"));
        Http.Caller paraguayanInTasklist = http.webappLogin(PY_CSO, World.PASSWORD, "tasklist");
        assertThat(paraguayanInTasklist.get("/camunda/api/engine/engine/default/task/" + malianTask).status())
                .isEqualTo(404);
        assertThat(paraguayanInTasklist.getHal("/camunda/api/engine/engine/default/task?processInstanceBusinessKey=ML-1")
                .json().path("_embedded").path("task")).isEmpty();
    }

    @Test
    void tasklistIsConfiguredAndWordedForTheUser() {
        Http.Caller malian = http.webappLogin(ML_CSO, World.PASSWORD, "tasklist");
        Http.Response configured = malian.get("/camunda/app/tasklist/scripts/config.js?bust=1");
        assertThat(configured.headers().getCacheControl()).as("written for one user").contains("no-store");
        String config = configured.body();
        assertThat(config).contains("availableLocales: [\"fr\"]", "fallbackLocale: \"fr\"",
                "prend la tâche choisie", "globalThis.uprflowLanguage = \"fr\";");
        assertThat(http.anonymous().inLanguage("es").get("/camunda/app/tasklist/scripts/config.js").body())
                .as("before the login: the browser's language").contains("availableLocales: [\"es\"]");

        JsonNode french = http.anonymous().get("/camunda/app/tasklist/locales/fr.json?bust=7.24.0").json();
        assertThat(french.path("labels").path("CLAIM_TASK").asText()).contains("Prendre cette tâche");
        assertThat(french.path("labels").path("COMPLETE").asText()).isEqualTo("Terminer");
        assertThat(french.path("dateLocales").path("months").get(0).asText()).isEqualTo("janvier");
        assertThat(french.path("dateLocales").path("week").path("dow").isInt()).isTrue();
        JsonNode formJs = french.path(TasklistTexts.FORM_JS);
        assertThat(formJs.path("messages").toString()).contains("[\"Field is required.\",\"Ce champ est obligatoire.\"]");
        assertThat(formJs.path("labels").toString()).contains("[\"Increment\",\"Augmenter\"]");
        assertThat(formJs.path("datePlaceholder").asText()).isEqualTo("jj/mm/aaaa");
        String etag = http.anonymous().get("/camunda/app/tasklist/locales/fr.json?bust=7.24.0").headers().getETag();
        assertThat(http.withHeader("If-None-Match", etag).get("/camunda/app/tasklist/locales/fr.json?bust=7.24.0")
                .status()).as("read again: unchanged").isEqualTo(304);
        JsonNode spanish = http.anonymous().get("/camunda/app/tasklist/locales/es.json?bust=7.24.0").json();
        assertThat(spanish.path("labels").path("CLAIM_TASK").asText()).contains("Tomar esta tarea");
        assertThat(spanish.path("dateLocales").path("longDateFormat").path("L").asText()).isEqualTo("DD/MM/YYYY");
        JsonNode english = http.anonymous().get("/camunda/app/tasklist/locales/en.json?bust=7.24.0").json();
        assertThat(english.path("labels").path("CLAIM_TASK").asText()).contains("Take this task");
        assertThat(english.path("labels").path("ASSIGNEE").asText()).isEqualTo("Assignee");
        assertThat(english.path("labels").size()).isEqualTo(french.path("labels").size());
        assertThat(http.anonymous().get("/camunda/app/tasklist/locales/xx.json").status()).isEqualTo(404);
    }
}
