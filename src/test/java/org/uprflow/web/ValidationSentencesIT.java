package org.uprflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.uprflow.testing.Http;
import org.uprflow.testing.PostgresIntegrationTest;
import org.uprflow.testing.World;

/**
 * What the dashboard's forms and the API answer to a mistake (issue 12): a sentence in the user's language
 * naming the field, next to that field, never the validator's English ("must not be null", "size must be
 * between 8 and 255") nor a bare "Identity conflict".
 */
class ValidationSentencesIT extends PostgresIntegrationTest {

    private static final String[] VALIDATOR_ENGLISH = {"must not be null", "must not be blank", "size must be",
        "must be greater", "must be less", "is required for a new user", "unknown field", "Identity conflict"};

    /** A cycle of this class alone (a record without a process: World.ensureCycle). */
    private static final int REGISTER_CYCLE = 93;

    private Http.Caller admin(String language) {
        return http.as(ADMIN, ADMIN_PASSWORD, language);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "en | Enter the cycle number. | Enter the date of the review.",
        "fr | Indiquez le num\u00e9ro du cycle. | Indiquez la date de l'examen.",
        "es | Indique el n\u00famero del ciclo. | Indique la fecha del examen."})
    void aCycleWithoutItsNumberIsRefusedWithASentenceNamingIt(String language, String cycleNumber, String reviewDate) {
        Http.Response refused = admin(language).postJson("/api/countries/KE/cycles", "{\"wgSession\":50}");

        assertThat(refused.status()).isEqualTo(400);
        JsonNode errors = refused.json().path("errors");
        assertThat(errors.path("cycleNumber").asText()).isEqualTo(cycleNumber);
        assertThat(errors.path("reviewDate").asText()).isEqualTo(reviewDate);
        assertThat(refused.json().path("detail").asText()).contains(cycleNumber);
        assertNoValidatorEnglish(refused);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "en | characters | Enter the e-mail address in the form name@example.org.",
        "fr | caract\u00e8res | Indiquez l'adresse \u00e9lectronique sous la forme nom@exemple.org.",
        "es | caracteres | Indique la direcci\u00f3n de correo electr\u00f3nico con la forma nombre@ejemplo.org."})
    void aNewParticipantWithAShortPasswordOrNoEmailAddressIsToldWhatToChange(String language, String characters,
            String email) {
        Http.Response noAddress = admin(language).postJson("/api/countries/KE/participants", """
                {"userId":"ke.newcomer","role":"CSO","firstName":"Ana","lastName":"Mwangi","email":"ana@localhost","password":"a long enough passphrase"}
                """);
        assertThat(noAddress.status()).isEqualTo(400);
        assertThat(noAddress.json().path("errors").path("email").asText()).isEqualTo(email);
        assertNoValidatorEnglish(noAddress);

        // the password policy (engine.PlatformPasswordPolicy) words its refusal in the caller's language too
        Http.Response shortPassword = admin(language).postJson("/api/countries/KE/participants", """
                {"userId":"ke.newcomer","role":"CSO","firstName":"Ana","lastName":"Mwangi","email":"ana@example.org","password":"short"}
                """);
        assertThat(shortPassword.status()).isEqualTo(400);
        assertThat(shortPassword.toString()).contains("password", "10", characters);
        assertThat(world.admin().get("/engine-rest/user/ke.newcomer/profile").status()).as("nothing written").isEqualTo(404);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "en | Enter the first name of the new user.",
        "fr | Indiquez le pr\u00e9nom du nouvel utilisateur.",
        "es | Indique el nombre del nuevo usuario."})
    void aNewUserWithoutAFirstNameIsAskedForIt(String language, String firstName) {
        Http.Response refused = admin(language).postJson("/api/countries/KE/participants", """
                {"userId":"ke.nameless","role":"CSO","lastName":"Mwangi","email":"ana@example.org","password":"long-enough-1"}
                """);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").path("firstName").asText()).isEqualTo(firstName);
        assertNoValidatorEnglish(refused);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "en | Country 'KE' is already onboarded.",
        "fr | Le pays 'KE' est d\u00e9j\u00e0 inscrit.",
        "es | El pa\u00eds 'KE' ya est\u00e1 incorporado."})
    void aCountryOnboardedTwiceIsToldAtItsCodeField(String language, String sentence) {
        Http.Response refused = admin(language).postJson("/api/countries", "{\"code\":\"KE\"}");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("errors").path("code").asText()).isEqualTo(sentence);
        assertThat(refused.json().path("detail").asText()).isEqualTo(sentence);
        assertNoValidatorEnglish(refused);
    }

    @Test
    void aRequestParameterOutOfBoundsIsNamedInASentence() {
        Http.Response english = world.as(World.KE_CSO).get("/api/tasks?max=0");
        Http.Response french = world.speaking("fr", "KE", "ke.cso.fr", "CSO").get("/api/tasks?max=0");

        assertThat(english.status()).isEqualTo(400);
        assertThat(english.json().path("errors").path("max").asText())
                .isEqualTo("Enter a value of at least 1 for the number of tasks.");
        assertThat(french.json().path("errors").path("max").asText())
                .isEqualTo("Indiquez une valeur d'au moins 1 pour le nombre de t\u00e2ches.");
        assertNoValidatorEnglish(english);
    }

    @Test
    void theRegistersOwnRefusalsAreSentencesToo() {
        world.ensureCycle("KE", REGISTER_CYCLE);
        String register = "/api/countries/KE/cycles/" + REGISTER_CYCLE + "/recommendations";

        Http.Response french = world.speaking("fr", "KE", "ke.cso.fr", "CSO").get(register + "?size=0");
        Http.Response spanish = world.speaking("es", "KE", "ke.cso.es", "CSO").get(register + "?page=-1");
        Http.Response noVersion = world.as(World.KE_MANAGER).putJson(register + "/00000000-0000-0000-0000-000000000000",
                "{\"text\":\"x\",\"recommendingState\":\"Chile\"}", null);

        assertThat(french.status()).isEqualTo(400);
        assertThat(french.json().path("errors").path("size").asText())
                .isEqualTo("Indiquez une valeur de 1 \u00e0 200 pour la taille de page.");
        assertThat(spanish.json().path("errors").path("page").asText())
                .isEqualTo("Indique un valor de al menos 0 para el n\u00famero de p\u00e1gina.");
        assertThat(noVersion.status()).isEqualTo(400);
        assertThat(noVersion.json().path("errors").path("If-Match").asText())
                .isEqualTo("Send the If-Match header with the version you read before editing (its ETag).");
    }

    @Test
    void aFieldOfTheWrongTypeIsNamedInTheUsersLanguage() {
        Http.Response refused = admin("es").postJson("/api/countries/KE/cycles",
                "{\"cycleNumber\":\"four\",\"wgSession\":50,\"reviewDate\":\"2030-01-01\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").path("cycleNumber").asText())
                .isEqualTo("Revise el n\u00famero del ciclo: su valor no se puede leer.");
    }

    private static void assertNoValidatorEnglish(Http.Response response) {
        for (String english : VALIDATOR_ENGLISH) {
            assertThat(response.body()).as("answer %s", response).doesNotContain(english);
        }
    }
}
