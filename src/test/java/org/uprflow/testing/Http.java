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
import org.springframework.util.LinkedMultiValueMap;
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
        return as(user, password, null, null);
    }

    /** Requests with HTTP Basic credentials and one header of the caller's own (a proxy's X-Forwarded-For, a forged one). */
    public Caller as(String user, String password, String header, String value) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new Caller(client(null), "Basic " + token, header, value);
    }

    /** Requests with HTTP Basic credentials in a language of the browser's ({@code Accept-Language}, e.g. fr). */
    public Caller as(String user, String password, String language) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new Caller(client(null), "Basic " + token, HttpHeaders.ACCEPT_LANGUAGE, language);
    }

    public Caller anonymous() {
        return new Caller(client(null), null);
    }

    /** A caller that presents one cookie, as a browser does that comes back with it. */
    public Caller withCookie(String name, String value) {
        return new Caller(client(null), null, "Cookie", name + "=" + value);
    }

    /** An anonymous caller that sends one header of its own. */
    public Caller withHeader(String name, String value) {
        return new Caller(client(null), null, name, value);
    }

    /** A browser-like session with cookies, for the Camunda webapps' own API. */
    public Caller session() {
        CookieManager cookies = new CookieManager();
        Caller caller = new Caller(client(cookies), null);
        caller.cookies = cookies;
        return caller;
    }

    /**
     * A browser session logged in through the Camunda webapps' own login ({@code app}: tasklist,
     * welcome...), holding the CSRF token the webapps gave the new session, as Tasklist does.
     */
    public Caller webappLogin(String user, String password, String app) {
        Caller browser = session();
        browser.get("/camunda/api/admin/auth/user/default");
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", user);
        form.add("password", password);
        Response login = browser.postForm("/camunda/api/admin/auth/user/default/login/" + app, form,
                MediaType.APPLICATION_FORM_URLENCODED);
        if (login.status() != 200) {
            throw new AssertionError("login of " + user + " to " + app + ": " + login);
        }
        // The login starts a new session with a new CSRF token; like Tasklist, read something to receive it.
        browser.get("/camunda/api/admin/auth/user/default");
        return browser;
    }

    /**
     * A browser that logged in as the platform's pages do (the login page posts to the webapps'
     * login), then asked {@code GET /api/session} for the token that its writes to {@code /api} carry.
     */
    public Caller pageLogin(String user, String password) {
        Caller browser = webappLogin(user, password, "welcome");
        Response session = browser.get("/api/session");
        if (session.status() != 200) {
            throw new AssertionError("session of " + user + ": " + session);
        }
        browser.csrfToken = session.json().path("csrfToken").asText();
        return browser;
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

    private static final MediaType HAL = MediaType.parseMediaType("application/hal+json");

    public static final class Caller {
        private final RestClient client;
        private final String authorization;
        private CookieManager cookies;
        /** For a page session: the token its writes carry instead of the webapps' XSRF-TOKEN cookie. */
        private String csrfToken;

        private final String extraHeader;
        private final String extraHeaderValue;

        Caller(RestClient client, String authorization) {
            this(client, authorization, null, null);
        }

        Caller(RestClient client, String authorization, String extraHeader, String extraHeaderValue) {
            this.client = client;
            this.authorization = authorization;
            this.extraHeader = extraHeader;
            this.extraHeaderValue = extraHeaderValue;
        }

        public Response get(String path) {
            return send(HttpMethod.GET, path, null, null);
        }

        /** A GET of a binary body (a PDF): its bytes as sent, whatever the status. */
        public byte[] getBytes(String path) {
            RestClient.RequestHeadersSpec<?> request = client.get().uri(path);
            if (authorization != null) {
                request.header(HttpHeaders.AUTHORIZATION, authorization);
            }
            if (extraHeader != null) {
                request.header(extraHeader, extraHeaderValue);
            }
            return request.exchange((req, res) -> res.getBody().readAllBytes());
        }

        public Response postJson(String path, String json) {
            return send(HttpMethod.POST, path, MediaType.APPLICATION_JSON, json);
        }

        /** A GET asking for Camunda's HAL answer ({@code application/hal+json}), as Tasklist reads a task list. */
        public Response getHal(String path) {
            return send(HttpMethod.GET, path, null, null, null, HAL);
        }

        /** A POST of JSON asking for the HAL answer, as Tasklist lists a filter's tasks. */
        public Response postHal(String path, String json) {
            return send(HttpMethod.POST, path, MediaType.APPLICATION_JSON, json, null, HAL);
        }

        /** A PUT of JSON with an If-Match header (none when {@code ifMatch} is null). */
        public Response putJson(String path, String json, String ifMatch) {
            return send(HttpMethod.PUT, path, MediaType.APPLICATION_JSON, json, ifMatch);
        }

        public Response postForm(String path, MultiValueMap<String, ?> form, MediaType type) {
            return send(HttpMethod.POST, path, type, form);
        }

        /** A PUT without a body, such as adding a member to a group of the engine. */
        public Response put(String path) {
            return send(HttpMethod.PUT, path, null, null);
        }

        public Response delete(String path) {
            return send(HttpMethod.DELETE, path, null, null);
        }

        /** A DELETE with an If-Match header. */
        public Response delete(String path, String ifMatch) {
            return send(HttpMethod.DELETE, path, null, null, ifMatch);
        }

        /** The same caller (credentials, session) asking for answers in {@code languageTag}, as a browser set to it. */
        public Caller inLanguage(String languageTag) {
            Caller copy = new Caller(client, authorization, HttpHeaders.ACCEPT_LANGUAGE, languageTag);
            copy.cookies = cookies;
            copy.csrfToken = csrfToken;
            return copy;
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
            return send(method, path, type, body, ifMatch, MediaType.APPLICATION_JSON);
        }

        private Response send(HttpMethod method, String path, MediaType type, Object body, String ifMatch,
                MediaType accepted) {
            RestClient.RequestBodySpec request = client.method(method).uri(path)
                    .accept(accepted, MediaType.APPLICATION_PROBLEM_JSON, MediaType.ALL);
            if (ifMatch != null) {
                request.header(HttpHeaders.IF_MATCH, ifMatch);
            }
            if (authorization != null) {
                request.header(HttpHeaders.AUTHORIZATION, authorization);
            }
            if (extraHeader != null) {
                request.header(extraHeader, extraHeaderValue);
            }
            if (csrfToken != null) {
                request.header("X-XSRF-TOKEN", csrfToken);
            } else if (cookies != null && cookie("XSRF-TOKEN") != null) {
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
