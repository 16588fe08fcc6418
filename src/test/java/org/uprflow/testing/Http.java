package org.uprflow.testing;

import java.net.CookieManager;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/** A plain HTTP client for the running platform, as a user would call it (no Spring test shortcuts). */
public class Http {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;

    public Http(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** Requests with HTTP Basic credentials. */
    public Caller as(String user, String password) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new Caller(client(null), "Basic " + token);
    }

    public Caller anonymous() {
        return new Caller(client(null), null);
    }

    /** A caller that presents one cookie, as a browser does that comes back with it. */
    public Caller withCookie(String name, String value) {
        return new Caller(client(null), null, name + "=" + value);
    }

    /** A browser-like session with cookies, for the Camunda webapps' own API. */
    public Caller session() {
        CookieManager cookies = new CookieManager();
        Caller caller = new Caller(client(cookies), null);
        caller.cookies = cookies;
        return caller;
    }

    private RestClient client(CookieManager cookies) {
        HttpClient.Builder jdk = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER);
        if (cookies != null) {
            jdk.cookieHandler(cookies);
        }
        return RestClient.builder().baseUrl(baseUrl)
                .requestFactory(new JdkClientHttpRequestFactory(jdk.build()))
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
    }

    public record Response(int status, HttpHeaders headers, String body) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (Exception e) {
                throw new AssertionError("Not JSON (" + status + "): " + body, e);
            }
        }

        public String contentType() {
            return headers.getContentType() == null ? null : headers.getContentType().toString();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    public static final class Caller {
        private final RestClient client;
        private final String authorization;
        private CookieManager cookies;

        private final String cookieHeader;

        Caller(RestClient client, String authorization) {
            this(client, authorization, null);
        }

        Caller(RestClient client, String authorization, String cookieHeader) {
            this.client = client;
            this.authorization = authorization;
            this.cookieHeader = cookieHeader;
        }

        public Response get(String path) {
            return send(HttpMethod.GET, path, null, null);
        }

        public Response postJson(String path, String json) {
            return send(HttpMethod.POST, path, MediaType.APPLICATION_JSON, json);
        }

        /** A PUT of JSON with an If-Match header (none when {@code ifMatch} is null). */
        public Response putJson(String path, String json, String ifMatch) {
            return send(HttpMethod.PUT, path, MediaType.APPLICATION_JSON, json, ifMatch);
        }

        public Response postForm(String path, MultiValueMap<String, ?> form, MediaType type) {
            return send(HttpMethod.POST, path, type, form);
        }

        public Response delete(String path) {
            return send(HttpMethod.DELETE, path, null, null);
        }

        /** A DELETE with an If-Match header. */
        public Response delete(String path, String ifMatch) {
            return send(HttpMethod.DELETE, path, null, null, ifMatch);
        }

        /** A cookie of this session, such as the Camunda webapps' XSRF-TOKEN. */
        public String cookie(String name) {
            return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals(name))
                    .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
        }

        private Response send(HttpMethod method, String path, MediaType type, Object body) {
            return send(method, path, type, body, null);
        }

        private Response send(HttpMethod method, String path, MediaType type, Object body, String ifMatch) {
            RestClient.RequestBodySpec request = client.method(method).uri(path)
                    .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON, MediaType.ALL);
            if (ifMatch != null) {
                request.header(HttpHeaders.IF_MATCH, ifMatch);
            }
            if (authorization != null) {
                request.header(HttpHeaders.AUTHORIZATION, authorization);
            }
            if (cookieHeader != null) {
                request.header(HttpHeaders.COOKIE, cookieHeader);
            }
            if (cookies != null && cookie("XSRF-TOKEN") != null) {
                // What the webapps' JavaScript does: echo the CSRF cookie in a header.
                request.header("X-XSRF-TOKEN", cookie("XSRF-TOKEN"));
            }
            if (body != null) {
                request.contentType(type).body(body);
            }
            return request.exchange((req, res) -> {
                String text = new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8);
                return new Response(res.getStatusCode().value(), res.getHeaders(), text);
            });
        }
    }
}
