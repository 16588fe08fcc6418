package org.uprflow.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.uprflow.testing.RegisterFixture;
import org.uprflow.testing.Http;
import org.uprflow.testing.PostgresIntegrationTest;
import org.uprflow.testing.ReportFixture;
import org.uprflow.testing.World;

/**
 * A published report made public (issue 14) on PostgreSQL: anybody with the link reads the page and
 * the PDF without a login until the programme manager revokes it (404 after); only the country's
 * programme managers make and revoke it, only once published; another country's users get 404; a
 * published report's PDF is rendered once per language and kept. Uruguay's cycle 8.
 */
class PublicReportIT extends PostgresIntegrationTest {

    @Autowired
    private JdbcClient jdbc;

    private ReportFixture uruguay;

    @BeforeEach
    void fixture() {
        uruguay = new ReportFixture(world);
    }

    @Test
    void aPublicLinkOpensThePublishedReportWithoutLoginUntilItIsRevoked() throws IOException {
        int cycle = 8;
        uruguay.atPublishTask(cycle);
        Http.Response created = uruguay.as(ReportFixture.MANAGER).postJson(RegisterFixture.recommendations("UY", cycle),
                "{\"text\":\"Prevent torture in places of detention\",\"recommendingState\":\"Chile\","
                        + "\"themes\":[\"Torture\"],\"actionCategory\":4}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String link = ReportFixture.cycle(cycle) + "/report/public-link";
        Http.Caller manager = uruguay.as(ReportFixture.MANAGER);
        Http.Response draft = manager.postJson(link, "");
        assertThat(draft.status()).as("a draft is not made public: %s", draft).isEqualTo(409);
        assertThat(draft.json().get("detail").asText()).contains("not published yet");
        assertThat(manager.inLanguage("fr").postJson(link, "").json().get("detail").asText())
                .contains("n'est pas encore publié");
        publish(cycle);

        assertThat(uruguay.as(ReportFixture.CSO).postJson(link, "").status()).as("a CSO makes it public").isEqualTo(403);
        assertThat(uruguay.as(ReportFixture.GOV).get(link).status()).as("a government user reads the link").isEqualTo(403);
        assertThat(manager.get(link).status()).as("not public yet").isEqualTo(404);

        Http.Response made = manager.postJson(link, "");
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        String token = made.json().get("token").asText();
        String path = made.json().get("path").asText();
        assertThat(Base64.getUrlDecoder().decode(token)).as("32 random bytes").hasSize(32);
        assertThat(path).isEqualTo("/api/public/reports/" + token);
        assertThat(manager.postJson(link, "").json().get("token").asText()).as("made public twice: the same link")
                .isEqualTo(token);
        assertThat(manager.get(link).json().get("createdBy").asText()).isEqualTo(ReportFixture.MANAGER);

        Http.Caller anybody = http.anonymous();
        Http.Response page = anybody.get(path);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.headers().getFirst("Content-Security-Policy")).contains("default-src 'none'");
        assertThat(page.body()).contains("Mid-term report: Uruguay", "PUBLISHED on", "Prevent torture in places of detention",
                "<svg").doesNotContain("<script");
        assertThat(anybody.get(path + "?lang=fr").body()).contains("Rapport à mi-parcours : Uruguay", "PUBLIÉ le",
                "Lire en", "hreflang=\"es\"", "Español");
        assertThat(http.withHeader("Accept-Language", "es").get(path).body())
                .contains("Informe de mitad de período: Uruguay");
        assertThat(text(anybody.getBytes(path + "/report.pdf"))).contains("UY-8 · PUBLISHED", "Prevent torture");

        byte[] guessed = new byte[32];
        new Random(14).nextBytes(guessed);
        for (String wrong : List.of(Base64.getUrlEncoder().withoutPadding().encodeToString(guessed),
                token.substring(1), token.toUpperCase(), "' or 1=1 --")) {
            Http.Response answer = anybody.get("/api/public/reports/" + wrong.replace(" ", "%20"));
            // a token that cannot be a path segment is refused before it is looked up (400); any other opens nothing
            assertThat(answer.status()).as(wrong).isEqualTo(wrong.contains("'") ? 400 : 404);
            assertThat(answer.body()).doesNotContain("Uruguay");
        }

        Http.Response revoked = manager.delete(link);
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(204);
        Http.Response gone = anybody.get(path);
        assertThat(gone.status()).as("revoked").isEqualTo(404);
        assertThat(gone.body()).doesNotContain("Uruguay", "Prevent torture");
        assertThat(anybody.get(path + "/report.pdf").status()).isEqualTo(404);
        assertThat(manager.get(link).status()).isEqualTo(404);
        assertThat(manager.delete(link).status()).as("nothing left to revoke").isEqualTo(404);

        String again = manager.postJson(link, "").json().get("token").asText();
        assertThat(again).as("a new link, not the revoked one").isNotEqualTo(token);
        assertThat(anybody.get(path).status()).as("the revoked link stays dead").isEqualTo(404);
        assertThat(anybody.get("/api/public/reports/" + again).status()).isEqualTo(200);
        assertThat(new RegisterFixture(world).auditActions("UY", cycle)).contains("MID_TERM_REPORT_MADE_PUBLIC",
                "MID_TERM_REPORT_PUBLIC_LINK_REVOKED");

        for (String outsider : List.of(World.KE_MANAGER, World.MW_CSO)) {
            Http.Caller other = world.as(outsider);
            for (Http.Response answer : List.of(other.postJson(link, ""), other.get(link), other.delete(link))) {
                assertThat(answer.status()).as("%s: %s", outsider, answer).isEqualTo(404);
                assertThat(answer.body()).doesNotContain("Uruguay", again);
            }
        }
        assertThat(anybody.get("/api/public/reports/" + again).status()).as("still public").isEqualTo(200);

        // the published PDF is rendered once per language and kept: the same bytes, one row per language
        Http.Caller cso = uruguay.as(ReportFixture.CSO);
        byte[] first = cso.getBytes(ReportFixture.cycle(cycle) + "/report.pdf");
        byte[] second = uruguay.as(ReportFixture.NHRI).getBytes(ReportFixture.cycle(cycle) + "/report.pdf");
        assertThat(second).isEqualTo(first);
        byte[] french = cso.inLanguage("fr").getBytes(ReportFixture.cycle(cycle) + "/report.pdf");
        assertThat(text(french)).contains("PUBLIÉ le");
        assertThat(anybody.getBytes("/api/public/reports/" + again + "/report.pdf?lang=fr")).isEqualTo(french);
        assertThat(jdbc.sql("select language from mid_term_report_pdf where country_code = 'uy' and cycle_number = ? "
                + "order by language").param(cycle).query(String.class).list()).containsExactly("en", "fr");
    }

    private void publish(int cycle) {
        Http.Response published = uruguay.as(ReportFixture.MANAGER).postJson(ReportFixture.cycle(cycle)
                + "/report/publication", "{\"draftReason\":\"The matrix is agreed in the next meeting\"}");
        assertThat(published.status()).as(published.toString()).isEqualTo(201);
        JsonNode report = published.json();
        assertThat(report.get("state").asText()).isEqualTo("PUBLISHED");
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }
}
