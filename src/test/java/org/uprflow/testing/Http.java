package org.uprflow.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.support.AllEncompassingFormHttpMessageConverter;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.DefaultUriBuilderFactory;

/**
 * The callers of the running platform, as its users call it (no Spring test shortcuts): each with
 * its credentials, cookies or language, sending through {@link Client}. An integration test's
 * callers each have a client of their own ({@link #Http(String)}); the benchmark's share its one
 * client ({@link #over(Client)}), so its fixtures take the connections its timed rows take.
 */
public class Http {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    /** The client every caller without cookies sends through; null: each caller makes its own. */
    private final Client shared;
    /** A request's path as a URI template below the base URL ({@link Caller#request}), made once for every caller. */
    private final DefaultUriBuilderFactory paths;

    public Http(String baseUrl) {
        this(baseUrl, null);
    }

    private Http(String baseUrl, Client shared) {
        this.baseUrl = baseUrl;
        this.shared = shared;
        this.paths = new DefaultUriBuilderFactory(baseUrl);
    }

    /** Callers that send through {@code client}, with its connections (a session with cookies still has its own). */
    public static Http over(Client client) {
        return new Http(client.baseUrl(), client);
    }

    /** A JSON object of the names and values given in turn, written by Jackson: a request's body. */
    public static String json(Object... namesAndValues) {
        ObjectNode body = JSON.createObjectNode();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.putPOJO((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return body.toString();
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
        return new Caller(client(null), paths, Client.basic(user, password), header, value);
    }

    /** Requests with HTTP Basic credentials in a language of the browser's ({@code Accept-Language}, e.g. fr). */
    public Caller as(String user, String password, String language) {
        return as(user, password, HttpHeaders.ACCEPT_LANGUAGE, language);
    }

    public Caller anonymous() {
        return new Caller(client(null), paths, null, null, null);
    }

    /** A caller that presents one cookie, as a browser does that comes back with it. */
    public Caller withCookie(String name, String value) {
        return withHeader("Cookie", name + "=" + value);
    }

    /** An anonymous caller that sends one header of its own. */
    public Caller withHeader(String name, String value) {
        return new Caller(client(null), paths, null, name, value);
    }

    /** A browser-like session with cookies, for the Camunda webapps' own API. */
    public Caller session() {
        CookieManager cookies = new CookieManager();
        Caller caller = new Caller(client(cookies), paths, null, null, null);
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

    private Client client(CookieManager cookies) {
        if (cookies == null && shared != null) {
            return shared;
        }
        // HTTP/1.1 as browsers reach the platform (no h2c upgrade); a bound on every call, so that a stuck request
        // fails its test instead of holding the build until CI's limit.
        HttpClient.Builder jdk = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10));
        if (cookies != null) {
            jdk.cookieHandler(cookies);
        }
        return new Client(baseUrl, jdk.build(), Duration.ofSeconds(60));
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

        /** This answer, unless its status is none of {@code statuses}: then a failure naming {@code what}. */
        public Response expect(String what, int... statuses) {
            for (int status : statuses) {
                if (status == this.status) {
                    return this;
                }
            }
            throw new AssertionError(what + ": expected " + Arrays.toString(statuses) + ", got " + this);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    /** What a caller accepts: the answer it asks for, a problem, or whatever else comes. */
    private static final String ACCEPT_JSON = accepting(MediaType.APPLICATION_JSON);
    private static final String ACCEPT_HAL = accepting(MediaType.parseMediaType("application/hal+json"));

    private static String accepting(MediaType answer) {
        return MediaType.toString(List.of(answer, MediaType.APPLICATION_PROBLEM_JSON, MediaType.ALL));
    }

    public static final class Caller {
        private final Client client;
        private final DefaultUriBuilderFactory paths;
        private final String authorization;
        private CookieManager cookies;
        /** For a page session: the token its writes carry instead of the webapps' XSRF-TOKEN cookie. */
        private String csrfToken;

        private final String extraHeader;
        private final String extraHeaderValue;

        private Caller(Client client, DefaultUriBuilderFactory paths, String authorization, String extraHeader,
                String extraHeaderValue) {
            this.client = client;
            this.paths = paths;
            this.authorization = authorization;
            this.extraHeader = extraHeader;
            this.extraHeaderValue = extraHeaderValue;
        }

        public Response get(String path) {
            return send(HttpMethod.GET, path, null, null);
        }

        /** A GET of a binary body (a PDF): its bytes as sent, whatever the status. */
        public byte[] getBytes(String path) {
            return client.send(identified(request(path)).GET(), HttpResponse.BodyHandlers.ofByteArray()).body();
        }

        public Response postJson(String path, String json) {
            return send(HttpMethod.POST, path, MediaType.APPLICATION_JSON, json);
        }

        /** A GET asking for Camunda's HAL answer ({@code application/hal+json}), as Tasklist reads a task list. */
        public Response getHal(String path) {
            return send(HttpMethod.GET, path, null, null, null, ACCEPT_HAL);
        }

        /** A POST of JSON asking for the HAL answer, as Tasklist lists a filter's tasks. */
        public Response postHal(String path, String json) {
            return send(HttpMethod.POST, path, MediaType.APPLICATION_JSON, json, null, ACCEPT_HAL);
        }

        /** A PUT of JSON with an If-Match header (none when {@code ifMatch} is null). */
        public Response putJson(String path, String json, String ifMatch) {
            return send(HttpMethod.PUT, path, MediaType.APPLICATION_JSON, json, ifMatch, ACCEPT_JSON);
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
            return send(HttpMethod.DELETE, path, null, null, ifMatch, ACCEPT_JSON);
        }

        /** The same caller (credentials, session) asking for answers in {@code languageTag}, as a browser set to it. */
        public Caller inLanguage(String languageTag) {
            Caller copy = new Caller(client, paths, authorization, HttpHeaders.ACCEPT_LANGUAGE, languageTag);
            copy.cookies = cookies;
            copy.csrfToken = csrfToken;
            return copy;
        }

        /** A cookie of this session, such as the Camunda webapps' XSRF-TOKEN. */
        public String cookie(String name) {
            return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals(name))
                    .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
        }

        /** A request asking for JSON (or a problem), without If-Match. */
        private Response send(HttpMethod method, String path, MediaType type, Object body) {
            return send(method, path, type, body, null, ACCEPT_JSON);
        }

        private Response send(HttpMethod method, String path, MediaType type, Object body, String ifMatch,
                String accept) {
            HttpRequest.Builder request = request(path).header(HttpHeaders.ACCEPT, accept);
            if (ifMatch != null) {
                request.header(HttpHeaders.IF_MATCH, ifMatch);
            }
            identified(request);
            // A page session's token, else what the webapps' JavaScript does: echo the CSRF cookie in a header.
            String xsrf = csrfToken != null ? csrfToken : cookies != null ? cookie("XSRF-TOKEN") : null;
            if (xsrf != null) {
                request.header("X-XSRF-TOKEN", xsrf);
            }
            HttpRequest.BodyPublisher content = HttpRequest.BodyPublishers.noBody();
            if (body instanceof String text) {
                request.header(HttpHeaders.CONTENT_TYPE, type.toString());
                content = HttpRequest.BodyPublishers.ofString(text);
            } else if (body instanceof MultiValueMap<?, ?> form) {
                HttpHeaders headers = new HttpHeaders();
                byte[] encoded = encode(form, type, headers);
                request.header(HttpHeaders.CONTENT_TYPE, headers.getContentType().toString());
                content = HttpRequest.BodyPublishers.ofByteArray(encoded);
            }
            HttpResponse<byte[]> answer = client.send(request.method(method.name(), content),
                    HttpResponse.BodyHandlers.ofByteArray());
            HttpHeaders headers = new HttpHeaders();
            answer.headers().map().forEach(headers::addAll);
            return new Response(answer.statusCode(), headers, new String(answer.body(), StandardCharsets.UTF_8));
        }

        /**
         * A request to the path taken as a URI template, its characters that may not stand in a URI
         * encoded (a "%" too), as the tests' paths were always read (Spring's RestClient did so).
         */
        private HttpRequest.Builder request(String path) {
            return client.request(paths.expand(path));
        }

        /** The caller's credentials and its own header, on every request it sends. */
        private HttpRequest.Builder identified(HttpRequest.Builder request) {
            if (authorization != null) {
                request.header(HttpHeaders.AUTHORIZATION, authorization);
            }
            if (extraHeader != null) {
                request.header(extraHeader, extraHeaderValue);
            }
            return request;
        }

        /** A form as a browser sends it (url-encoded or multipart, its parts written by Spring's converters). */
        @SuppressWarnings("unchecked")
        private static byte[] encode(MultiValueMap<?, ?> form, MediaType type, HttpHeaders headers) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                new AllEncompassingFormHttpMessageConverter().write((MultiValueMap<String, ?>) form, type,
                        new HttpOutputMessage() {
                            @Override
                            public OutputStream getBody() {
                                return out;
                            }

                            @Override
                            public HttpHeaders getHeaders() {
                                return headers;
                            }
                        });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        }
    }
}
