package org.uprflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.uprflow.testing.RegisterFixture;
import org.uprflow.testing.PostgresIntegrationTest;
import org.uprflow.testing.RowCounts;
import org.uprflow.testing.World;

/**
 * A body above the limit is answered with a 413 problem naming the limit in the caller's language, and the client
 * reads it: one that sends the whole body before reading (with a length or in chunks), one that waits for
 * "100 Continue", on the recommendations import, the engine's multipart and JSON endpoints
 * and the platform's JSON API. Nothing is written.
 */
class OversizedBodiesIT extends PostgresIntegrationTest {

    private static final int CYCLE = 72;
    private static final String BOUNDARY = "oversized-boundary";

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private MultipartProperties multipart;

    private long limit;
    private Map<String, Long> before;

    @BeforeEach
    void countRows() {
        world.ensureCycle("KE", CYCLE);
        limit = multipart.getMaxRequestSize().toBytes();
        before = RowCounts.settled(jdbc);
    }

    @Test
    void anImportAboveTheLimitSentWholeWithItsLengthIsA413TheClientReads() throws IOException {
        byte[] body = importBody(limit + 1024 * 1024);
        byte[] answer = rawPost(importPath(), "multipart/form-data; boundary=" + BOUNDARY, "fr", body, Sending.WHOLE);

        JsonNode problem = problemOf(answer, 413);
        assertThat(problem.path("detail").asText()).contains("20 Mo").contains(String.valueOf(limit));
        assertThat(problem.path("limit").asLong()).isEqualTo(limit);
        assertThat(RowCounts.settled(jdbc)).as("nothing written").isEqualTo(before);
    }

    /** Without a length, Tomcat's multipart parser finds the limit while it reads (MultipartProblems). */
    @Test
    void anImportAboveTheLimitSentInChunksIsA413TheClientReads() throws IOException {
        // well beyond the limit: what the parser leaves unread must be more than the socket buffers hold
        byte[] body = importBody(limit + 8 * 1024 * 1024);
        byte[] answer = rawPost(importPath(), "multipart/form-data; boundary=" + BOUNDARY, "es", body, Sending.IN_CHUNKS);

        JsonNode problem = problemOf(answer, 413);
        assertThat(problem.path("detail").asText()).contains("supera el l\u00edmite de 20 MB");
        assertThat(RowCounts.settled(jdbc)).as("nothing written").isEqualTo(before);
    }

    /**
     * The client asks first ({@code Expect: 100-continue}) and hears 413 instead of "continue": the body is never sent.
     * Written by hand: Java 17's HTTP client waits for ever when the answer to that question is not 100 (JDK-8286171).
     */
    @Test
    void anImportAboveTheLimitAnnouncedWithExpectContinueIsA413BeforeTheBodyIsSent() throws IOException {
        byte[] body = importBody(limit + 1);
        JsonNode problem = problemOf(rawPost(importPath(), "multipart/form-data; boundary=" + BOUNDARY, "fr", body,
                Sending.ASKING_FIRST), 413);

        assertThat(problem.path("detail").asText()).contains("20 Mo");
        assertThat(RowCounts.settled(jdbc)).as("nothing written").isEqualTo(before);
    }

    /** Camunda's REST layer reads multipart and JSON bodies without a limit of its own. */
    @Test
    void theEnginesMultipartAndJsonEndpointsAnswerTheSame413() throws IOException {
        byte[] deployment = importBody(limit + 1);
        JsonNode withLength = problemOf(rawPost("/engine-rest/deployment/create", "multipart/form-data; boundary="
                + BOUNDARY, "en", deployment, Sending.WHOLE), 413);
        assertThat(withLength.path("detail").asText()).isEqualTo(
                "The request is larger than the limit of 20 MB (" + limit + " bytes).");
        problemOf(rawPost("/engine-rest/deployment/create", "multipart/form-data; boundary=" + BOUNDARY, "en",
                deployment, Sending.IN_CHUNKS), 413);

        byte[] json = jsonBody(limit + 1);
        problemOf(rawPost("/engine-rest/task", "application/json", "en", json, Sending.WHOLE), 413);
        problemOf(rawPost("/engine-rest/task", "application/json", "en", json, Sending.IN_CHUNKS), 413);
        problemOf(rawPost("/camunda/api/engine/engine/default/task", "application/json", "en", json, Sending.IN_CHUNKS), 413);
        assertThat(RowCounts.settled(jdbc)).as("nothing written").isEqualTo(before);
    }

    @Test
    void aJsonBodyAboveTheLimitOnTheApiIsA413() throws IOException {
        byte[] json = jsonBody(limit + 1);
        problemOf(rawPost(RegisterFixture.recommendations("KE", CYCLE), "application/json", "en", json, Sending.WHOLE), 413);
        problemOf(rawPost(RegisterFixture.recommendations("KE", CYCLE), "application/json", "en", json, Sending.IN_CHUNKS), 413);
        assertThat(RowCounts.settled(jdbc)).as("nothing written").isEqualTo(before);
    }

    /** A body just under the limit still reaches the import, which answers with its own smaller limit. */
    @Test
    void aBodyUnderTheLimitStillReachesTheImport() throws IOException {
        byte[] answer = rawPost(importPath(), "multipart/form-data; boundary=" + BOUNDARY, "en",
                importBody(limit - 64 * 1024), Sending.IN_CHUNKS);
        JsonNode problem = problemOf(answer, 400);
        assertThat(problem.toString()).contains("The file is larger than the limit");
        assertThat(RowCounts.settled(jdbc)).as("nothing written").isEqualTo(before);
    }

    private static String importPath() {
        return RegisterFixture.recommendations("KE", CYCLE) + "/import";
    }

    /** A CSV file in a multipart body of about {@code size} bytes. */
    private static byte[] importBody(long size) {
        byte[] head = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"r.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\nRecommendation,Recommending State\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[(int) size];
        Arrays.fill(body, (byte) 'a');
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(tail, 0, body, body.length - tail.length, tail.length);
        return body;
    }

    /** A recommendation whose text is about {@code size} bytes. */
    private static byte[] jsonBody(long size) {
        byte[] head = "{\"text\":\"".getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "\",\"recommendingState\":\"Chile\"}".getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[(int) size];
        Arrays.fill(body, (byte) 'a');
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(tail, 0, body, body.length - tail.length, tail.length);
        return body;
    }

    /** How the raw client sends the body. */
    private enum Sending {
        /** With its length, all of it before reading the answer. */
        WHOLE,
        /** In chunks of 64 KB without a length, all of them before reading the answer. */
        IN_CHUNKS,
        /** With its length and {@code Expect: 100-continue}: only once the server says "continue". */
        ASKING_FIRST
    }

    /**
     * Written byte for byte, so that no client library decides for the test when to stop sending. A connection the
     * server resets while the body is sent makes the write or the read fail; a server that says "continue" and then
     * waits makes the read time out.
     */
    private byte[] rawPost(String path, String contentType, String language, byte[] body, Sending sending)
            throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(120_000);
            OutputStream out = socket.getOutputStream();
            boolean chunked = sending == Sending.IN_CHUNKS;
            String head = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + basic(World.KE_MANAGER)
                    + "\r\nAccept-Language: " + language + "\r\nContent-Type: " + contentType + "\r\nConnection: close\r\n"
                    + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + body.length + "\r\n")
                    + (sending == Sending.ASKING_FIRST ? "Expect: 100-continue\r\n" : "") + "\r\n";
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            if (sending == Sending.ASKING_FIRST) {
                return socket.getInputStream().readAllBytes();
            }
            InputStream in = new ByteArrayInputStream(body);
            byte[] chunk = new byte[64 * 1024];
            for (int n = in.read(chunk); n > 0; n = in.read(chunk)) {
                if (chunked) {
                    out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                }
                out.write(chunk, 0, n);
                if (chunked) {
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
            }
            if (chunked) {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
            return socket.getInputStream().readAllBytes();
        }
    }

    private static JsonNode problemOf(byte[] answer, int status) throws IOException {
        String text = new String(answer, StandardCharsets.ISO_8859_1);
        int headersEnd = text.indexOf("\r\n\r\n");
        assertThat(text).as(text.substring(0, Math.min(text.length(), 400))).startsWith("HTTP/1.1 " + status);
        String headers = text.substring(0, headersEnd).toLowerCase();
        assertThat(headers).contains("content-type: application/problem+json");
        byte[] body = Arrays.copyOfRange(answer, headersEnd + 4, answer.length);
        return new ObjectMapper().readTree(headers.contains("transfer-encoding: chunked") ? unchunked(body) : body);
    }

    private static byte[] unchunked(byte[] chunked) {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        String text = new String(chunked, StandardCharsets.ISO_8859_1);
        for (int at = 0, size; ; at += size + 2) {
            int lineEnd = text.indexOf("\r\n", at);
            size = Integer.parseInt(text.substring(at, lineEnd).trim(), 16);
            if (size == 0) {
                return body.toByteArray();
            }
            body.write(chunked, lineEnd + 2, size);
            at = lineEnd + 2;
        }
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + World.PASSWORD).getBytes(StandardCharsets.UTF_8));
    }
}
