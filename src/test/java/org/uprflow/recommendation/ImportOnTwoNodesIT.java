package org.uprflow.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.uprflow.testing.RegisterFixture.recommendations;
import static org.uprflow.testing.RegisterFixture.upload;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.uprflow.testing.Http;
import org.uprflow.testing.PostgresIntegrationTest;
import org.uprflow.testing.SecondNode;
import org.uprflow.testing.TestDatabase;
import org.uprflow.testing.TestMailServer;
import org.uprflow.testing.World;

/**
 * An import's preview made on one node and confirmed on another, as behind a load balancer that
 * sends each request anywhere: the second node (the packaged jar) on the same PostgreSQL reads the
 * stored file and imports the rows the first node previewed. Another country's manager finds the
 * preview on neither node. Kenya's cycles 68 and 69.
 */
class ImportOnTwoNodesIT extends PostgresIntegrationTest {

    private static final String MW_MANAGER = "mw.manager.imports";

    @Test
    void aPreviewMadeOnOneNodeIsConfirmedOnTheOtherAndNoOtherCountrysManagerFindsItOnEither() throws Exception {
        world.ensureCycle("KE", 68);
        world.ensureCycle("KE", 69);
        World.addParticipant(world.admin(), "MW", World.Person.of(MW_MANAGER, "PROGRAMME_MANAGER", "Tamanda", "Mwale"))
                .expect("adding " + MW_MANAGER, 201, 409);
        byte[] file = ImportFilesTest.fixture("ohchr-matrix.csv");

        // the same mail server as this node, so that the second node sends (not logs) whatever notices it takes
        try (SecondNode second = SecondNode.start(TestDatabase.get(), ADMIN_PASSWORD, Map.of(
                "SPRING_MAIL_HOST", "127.0.0.1", "SPRING_MAIL_PORT", Integer.toString(TestMailServer.get().port())))) {
            Http here = http;
            Http there = new Http(second.baseUrl());

            String madeHere = previewOn(here, 68, file);
            String madeThere = previewOn(there, 69, file);
            JsonNode previewedHere = here.as(World.KE_MANAGER, World.PASSWORD).get(madeHere).json();
            JsonNode previewedThere = there.as(World.KE_MANAGER, World.PASSWORD).get(madeHere).json();
            assertThat(previewedThere.get("rows")).as("the other node reads the same stored file")
                    .isEqualTo(previewedHere.get("rows"));

            for (Http node : List.of(here, there)) {
                Http.Caller malawi = node.as(MW_MANAGER, World.PASSWORD);
                for (String preview : List.of(madeHere, madeThere)) {
                    assertThat(malawi.get(preview).status()).isEqualTo(404);
                    assertThat(malawi.postJson(preview + "/confirmation", "").status()).isEqualTo(404);
                    assertThat(malawi.delete(preview).status()).isEqualTo(404);
                }
            }

            Http.Response confirmedThere = there.as(World.KE_MANAGER, World.PASSWORD).postJson(madeHere + "/confirmation", "");
            assertThat(confirmedThere.status()).as(confirmedThere.toString()).isEqualTo(201);
            Http.Response confirmedHere = here.as(World.KE_MANAGER, World.PASSWORD).postJson(madeThere + "/confirmation", "");
            assertThat(confirmedHere.status()).as(confirmedHere.toString()).isEqualTo(201);
            assertThat(confirmedThere.json().get("imported").asInt()).isEqualTo(3);
            assertThat(confirmedHere.json().get("imported").asInt()).isEqualTo(3);

            JsonNode imported = here.as(World.KE_CSO, World.PASSWORD).get(recommendations("KE", 68)).json().get("items");
            assertThat(imported.findValuesAsText("reference")).containsExactly("140.7", "140.8", "140.9");
            for (int i = 0; i < 3; i++) {
                JsonNode row = previewedHere.get("rows").get(i);
                assertThat(imported.get(i).get("text").asText()).isEqualTo(row.get("text").asText());
                assertThat(imported.get(i).get("recommendingStates")).isEqualTo(row.get("recommendingStates"));
            }
            assertThat(there.as(World.KE_CSO, World.PASSWORD).get(recommendations("KE", 69)).json().get("items")
                    .findValuesAsText("reference")).containsExactly("140.7", "140.8", "140.9");
            for (Http node : List.of(here, there)) {
                assertThat(node.as(World.KE_MANAGER, World.PASSWORD).get(madeHere).status())
                        .as("gone from both nodes once imported").isEqualTo(404);
            }
        }
    }

    private String previewOn(Http node, int cycle, byte[] file) {
        Http.Response preview = upload(node.as(World.KE_MANAGER, World.PASSWORD),
                recommendations("KE", cycle) + "/import/previews", "matrix.csv", file);
        assertThat(preview.status()).as(preview.toString()).isEqualTo(201);
        return preview.headers().getLocation().toString();
    }
}
