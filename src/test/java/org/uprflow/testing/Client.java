package org.uprflow.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one HTTP client of the tests and the benchmark: requests as a script sends them, over the
 * JDK's client with nothing in between. {@link #Client(String)} is the benchmark's: one client
 * shared by all simulated users (keep-alive connections on loopback), each request with the user's
 * HTTP Basic credentials. {@link Http} gives each caller of an integration test a client of its own
 * (its cookies, its language) and sends through {@link #send}.
 */
public final class Client {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String baseUrl;
    /** How long a request may take. */
    private final Duration timeout;

    public Client(String baseUrl) {
        this(baseUrl, HttpClient.Redirect.NEVER);
    }

    public Client(String baseUrl, HttpClient.Redirect redirects) {
        this(baseUrl, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(redirects)
                .connectTimeout(Duration.ofSeconds(10)).build(), Duration.ofSeconds(60));
    }

    Client(String baseUrl, HttpClient http, Duration timeout) {
        this.baseUrl = baseUrl;
        this.http = http;
        this.timeout = timeout;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public record Answer(int status, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("Not JSON (" + status + "): " + body, e);
            }
        }
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public Answer get(String authorization, String path) {
        return send(request(authorization, path).GET());
    }

    public Answer post(String authorization, String path, String json) {
        return send(withJson(request(authorization, path), "POST", json));
    }

    /** A POST asking for another kind of answer, such as Camunda's HAL ({@code application/hal+json}) that Tasklist reads. */
    public Answer post(String authorization, String path, String json, String accept) {
        return send(withJson(request(authorization, path), "POST", json).setHeader("Accept", accept));
    }

    public Answer put(String authorization, String path, String json) {
        return send(withJson(request(authorization, path), "PUT", json));
    }

    /** A file upload as a browser form sends it: one part {@code file}, multipart/form-data. */
    public Answer postFile(String authorization, String path, String fileName, byte[] content) {
        String boundary = "----uprflow-benchmark-" + Long.toHexString(System.nanoTime());
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return send(request(authorization, path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, content, tail))));
    }

    /** A GET of a document (a PDF, an HTML fragment) asking for its own type: the status and the body's bytes. */
    public Document getDocument(String authorization, String path, String accept) {
        HttpResponse<byte[]> response = send(request(authorization, path).setHeader("Accept", accept).GET(),
                HttpResponse.BodyHandlers.ofByteArray());
        return new Document(response.statusCode(), response.body());
    }

    public record Document(int status, byte[] body) {
    }

    /** Fails unless the answer has the expected status: a benchmark of failing requests measures nothing. */
    public Answer expect(int status, Answer answer, String what) {
        if (answer.status() != status) {
            throw new IllegalStateException(what + ": expected " + status + ", got " + answer);
        }
        return answer;
    }

    /** A request to the path, with the client's time limit and no header yet. */
    private HttpRequest.Builder request(String path) {
        return request(URI.create(baseUrl + path));
    }

    /** A request to the address, with the client's time limit and no header yet. */
    HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(timeout);
    }

    private HttpRequest.Builder request(String authorization, String path) {
        HttpRequest.Builder builder = request(path).header("Accept", "application/json");
        return authorization == null ? builder : builder.header("Authorization", authorization);
    }

    private static HttpRequest.Builder withJson(HttpRequest.Builder request, String method, String json) {
        return request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
    }

    private Answer send(HttpRequest.Builder request) {
        HttpResponse<String> response = send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request.build(), body);
        } catch (IOException e) {
            throw new IllegalStateException("HTTP request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
