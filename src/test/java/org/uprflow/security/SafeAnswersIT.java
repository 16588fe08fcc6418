package org.uprflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.uprflow.testing.RegisterFixture;
import org.uprflow.testing.Http;
import org.uprflow.testing.PostgresIntegrationTest;
import org.uprflow.testing.World;

/**
 * A client's mistakes get a 4xx with a problem body, never a 500, and change nothing: the cases of the
 * security review, sent as an attacker would (raw paths, broken multipart, NUL characters, huge lists).
 */
class SafeAnswersIT extends PostgresIntegrationTest {

    private static final int CYCLE = 41;

    private int recommendationsBefore;

    /** Other tests may use the cycle too: "nothing written" is "as many as before". */
    @org.junit.jupiter.api.BeforeEach
    void countRecommendations() {
        world.ensureCycle("KE", CYCLE);
        recommendationsBefore = new RegisterFixture(world).total("KE", CYCLE);
    }

    @Test
    void unnormalisedPathsAre400WithAProblem() throws IOException {
        for (String path : new String[] {"/login/../engine-rest/user", "/api/./countries", "/api/countries/%2e%2e/KE",
                "/camunda/api/engine/engine/default/task/%2e%2e/user"}) {
            String answer = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + basic(World.KE_MANAGER)
                    + "\r\nConnection: close\r\n\r\n");
            assertThat(answer).as(path).startsWith("HTTP/1.1 400");
            assertThat(answer).as(path).contains("application/problem+json").contains("\"status\":400");
        }
    }

    @Test
    void malformedMultipartIs400WithAProblem() throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(uri(RegisterFixture.recommendations("KE", CYCLE) + "/import"))
                .header("Authorization", basic(World.KE_MANAGER))
                .header("Content-Type", "multipart/form-data; boundary=cut-short")
                .POST(HttpRequest.BodyPublishers.ofString("--cut-short\r\nContent-Disposition: form-data; name=\"file\"; "
                        + "filename=\"r.csv\"\r\n\r\nRecommendation,Recommending State\r\nno closing boundary")));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.body()).as("MultipartProblems' words").contains("\"title\":\"Malformed request body\"",
                "\"detail\":\"The multipart body cannot be read; send the file again as multipart/form-data.\"");
        assertThat(new RegisterFixture(world).total("KE", CYCLE)).isEqualTo(recommendationsBefore);
    }

    @Test
    void nulCharacterInTextIs400NamingTheFieldAndNothingIsWritten() throws Exception {
        Http.Response answer = world.as(World.KE_MANAGER).postJson(RegisterFixture.recommendations("KE", CYCLE),
                "{\"text\":\"Abolish\\u0000 the death penalty\",\"recommendingState\":\"Chile\",\"themes\":[\"Death penalty\"]}");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.json().path("errors").has("text")).as(answer.toString()).isTrue();
        assertThat(new RegisterFixture(world).total("KE", CYCLE)).isEqualTo(recommendationsBefore);

        HttpResponse<String> inQuery = send(HttpRequest.newBuilder(uri(RegisterFixture.recommendations("KE", CYCLE)
                + "?q=a%00b")).header("Authorization", basic(World.KE_MANAGER)));
        assertThat(inQuery.statusCode()).as(inQuery.body()).isEqualTo(400);
        assertThat(inQuery.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    }

    /**
     * An imported file's cell holding a NUL character: a problem naming its row and column, nothing imported. A UTF-16
     * file carries one as text (in UTF-8 or a single-byte encoding the byte 0 makes the file unreadable as text).
     */
    @Test
    void nulCharacterInAnImportedFileIs400NamingTheCellAndNothingIsWritten() {
        byte[] text = ("Para,Recommendation,Recommending State,Response\n"
                + "136.1,Abolish\u0000 the death penalty,Chile,Supported\n136.2,Ratify the convention,Peru,Noted\n")
                .getBytes(StandardCharsets.UTF_16LE);
        byte[] file = new byte[text.length + 2];
        file[0] = (byte) 0xFF;
        file[1] = (byte) 0xFE;
        System.arraycopy(text, 0, file, 2, text.length);
        Http.Response answer = RegisterFixture.upload(world.as(World.KE_MANAGER, "fr"),
                RegisterFixture.recommendations("KE", CYCLE) + "/import", "nul.csv", file);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        JsonNode problem = answer.json().path("problems").get(0);
        assertThat(problem.path("row").asInt()).as(answer.toString()).isEqualTo(2);
        assertThat(problem.path("column").asText()).isEqualTo("Recommendation");
        assertThat(problem.path("message").asText()).contains("NUL");
        assertThat(answer.json().path("total").asInt()).isEqualTo(1);
        assertThat(new RegisterFixture(world).total("KE", CYCLE)).isEqualTo(recommendationsBefore);
    }

    @Test
    void nulCharacterInEngineBodiesIs400AndNothingIsWritten() {
        World.Probe probe = world.startProbe("ke");
        String nul = "{\"variables\":{\"stakeholderReport\":{\"value\":\"Draft\\u0000 with a NUL\",\"type\":\"String\"}}}";
        for (String base : new String[] {"/engine-rest", "/camunda/api/engine/engine/default"}) {
            Http.Caller cso = base.startsWith("/camunda") ? http.webappLogin(World.KE_CSO, World.PASSWORD, "tasklist")
                    : world.as(World.KE_CSO);
            Http.Response completed = cso.postJson(base + "/task/" + probe.csoTaskId() + "/complete", nul);
            assertThat(completed.status()).as(base + " " + completed).isEqualTo(400);
            assertThat(completed.body()).as("names the field").contains("stakeholderReport");
            Http.Response submitted = cso.postJson(base + "/task/" + probe.csoTaskId() + "/submit-form", nul);
            assertThat(submitted.status()).as(base + " " + submitted).isEqualTo(400);
        }
        assertThat(world.admin().get("/engine-rest/task/" + probe.csoTaskId()).status()).as("the task is still open")
                .isEqualTo(200);
        assertThat(world.admin().get("/engine-rest/task/" + probe.csoTaskId() + "/variables/stakeholderReport").json()
                .path("value").asText()).isEqualTo("Draft of the ke report");

        Http.Response renamed = world.admin().putJson("/engine-rest/user/" + World.KE_NHRI + "/profile",
                "{\"id\":\"" + World.KE_NHRI + "\",\"firstName\":\"Gr\\u0000ace\",\"lastName\":\"Mutua\","
                        + "\"email\":\"ke.nhri@example.org\"}", null);
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(400);
        assertThat(renamed.body()).contains("firstName");
        assertThat(world.admin().get("/engine-rest/user/" + World.KE_NHRI + "/profile").json().path("firstName").asText())
                .isEqualTo("Grace");
    }

    @Test
    void duplicateJsonKeysAre400() {
        Http.Response answer = world.as(World.KE_MANAGER).postJson(RegisterFixture.recommendations("KE", CYCLE),
                "{\"text\":\"Ratify the convention\",\"text\":\"Something else\",\"recommendingState\":\"Chile\"}");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.json().path("detail").asText()).isNotBlank();
        assertThat(new RegisterFixture(world).total("KE", CYCLE)).isEqualTo(recommendationsBefore);
    }

    @Test
    void aRecommendationWith100000ThemesIsRefusedWithAShortAnswer() {
        Http.Response themes = world.as(World.KE_MANAGER).postJson(RegisterFixture.recommendations("KE", CYCLE),
                "{\"text\":\"Ratify the convention\",\"recommendingState\":\"Chile\",\"themes\":[" + strings("Theme ", 100_000) + "]}");

        assertThat(themes.status()).isEqualTo(400);
        assertThat(themes.json().path("errors").has("themes")).as(themes.toString()).isTrue();
        assertThat(new RegisterFixture(world).total("KE", CYCLE)).isEqualTo(recommendationsBefore);

        Http.Response targets = world.as(World.KE_MANAGER).postJson(RegisterFixture.recommendations("KE", CYCLE),
                "{\"text\":\"Ratify the convention\",\"recommendingState\":\"Chile\",\"sdgTargets\":[" + strings("x", 1_000) + "]}");
        assertThat(targets.status()).isEqualTo(400);
        JsonNode problem = targets.json();
        assertThat(problem.path("errors").size()).isEqualTo(20);
        assertThat(problem.path("errorCount").asInt()).as("every invalid target counted").isGreaterThan(1_000);
        assertThat(targets.body().length()).as("the answer stays short").isLessThan(10_000);
        assertThat(new RegisterFixture(world).total("KE", CYCLE)).isEqualTo(recommendationsBefore);
    }

    private static String strings(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> "\"" + prefix + i + "\"").collect(Collectors.joining(","));
    }

    private URI uri(String path) {
        return URI.create(http.baseUrl() + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + World.PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    /** A request written byte for byte, so that no client library normalises its path first. */
    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
