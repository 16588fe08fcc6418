package org.uprflow.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.uprflow.testing.Http;
import org.uprflow.testing.PostgresIntegrationTest;
import org.uprflow.testing.RegisterFixture;
import org.uprflow.testing.World;

/**
 * What one recommendation may carry and how many a cycle's register holds are limited at input
 * (issue 14: a register of 45,000 rows or a recommendation of 100,000 themes made one report PDF
 * cost tens of seconds): 400 naming the field, in the caller's language, nothing written.
 * Kenya's cycles 84 and 85.
 */
class RegisterLimitsIT extends PostgresIntegrationTest {

    @Test
    void oneRecommendationCarriesAtMostFiftyThemesAndEightThousandCharacters() {
        int cycle = 84;
        world.ensureCycle("KE", cycle);
        Http.Caller manager = world.as(World.KE_MANAGER);
        String path = RegisterFixture.recommendations("KE", cycle);

        StringBuilder many = new StringBuilder("\"Theme 0\"");
        for (int i = 1; i <= 50; i++) {
            many.append(",\"Theme ").append(i).append('"');
        }
        Http.Response themes = manager.postJson(path, body("Ratify the Optional Protocol", many.toString()));
        assertThat(themes.status()).as(themes.toString()).isEqualTo(400);
        assertThat(themes.json().get("errors").has("themes")).isTrue();
        Http.Response longTheme = manager.postJson(path, body("Ratify the Optional Protocol", "\"" + "x".repeat(201) + "\""));
        assertThat(longTheme.status()).as(longTheme.toString()).isEqualTo(400);
        assertThat(longTheme.json().get("errors").fieldNames().next()).startsWith("themes");
        Http.Response longText = manager.postJson(path, body("x".repeat(8001), "\"Torture\""));
        assertThat(longText.status()).as(longText.toString()).isEqualTo(400);
        assertThat(longText.json().get("errors").has("text")).isTrue();

        assertThat(manager.get(path).json().get("total").asInt()).as("nothing written").isZero();
        Http.Response fits = manager.postJson(path, body("x".repeat(8000), "\"Torture\""));
        assertThat(fits.status()).as("at the limits: %s", fits).isEqualTo(201);
    }

    @Test
    void aCyclesRegisterHoldsAtMostTwoThousandRecommendations() {
        int cycle = 85;
        world.ensureCycle("KE", cycle);
        Http.Caller manager = world.as(World.KE_MANAGER);
        String path = RegisterFixture.recommendations("KE", cycle);
        StringBuilder csv = new StringBuilder(RegisterFixture.HEADER);
        for (int i = 1; i <= RecommendationRegister.MAX_PER_CYCLE; i++) {
            csv.append("\"Recommendation number %d on the rights of the child\",Chile,Kenya,Supported,Children,4\n"
                    .formatted(i));
        }
        Http.Response full = RegisterFixture.importFile(manager, "KE", cycle, RegisterFixture.utf8(csv.toString()));
        assertThat(full.status()).as(full.toString()).isEqualTo(201);

        Http.Response oneMore = manager.inLanguage("fr").postJson(path, body("One more", "\"Torture\""));
        assertThat(oneMore.status()).as(oneMore.toString()).isEqualTo(400);
        assertThat(oneMore.json().get("errors").get("text").asText()).contains("au plus 2")
                .contains("en contient 2");
        Http.Response importMore = RegisterFixture.importFile(manager, "KE", cycle, RegisterFixture.utf8(
                RegisterFixture.HEADER + "\"A recommendation not yet in the register\",Chile,Kenya,Noted,Torture,4\n"));
        assertThat(importMore.status()).as(importMore.toString()).isEqualTo(400);
        assertThat(importMore.json().get("errors").has("file")).isTrue();
        assertThat(manager.get(path + "?size=1").json().get("total").asInt()).as("nothing written")
                .isEqualTo(RecommendationRegister.MAX_PER_CYCLE);
    }

    private static String body(String text, String themes) {
        return "{\"text\":\"%s\",\"recommendingState\":\"Chile\",\"themes\":[%s],\"actionCategory\":4}"
                .formatted(text, themes);
    }
}
