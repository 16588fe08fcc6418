package org.uprflow.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.uprflow.security.PlatformUser;

/**
 * The requests of a web slice ({@link ApiSlice}) as a caller of {@code /api} sends them: who asks, in which
 * language, and what; the answer is MockMvc's, for the test to check ({@link ProblemBodies} for refusals).
 * <pre>{@code api.as(KE_MANAGER).inLanguage("fr").post("/api/countries", "{}")}</pre>
 */
public class ApiCalls {

    private final MockMvc mvc;

    ApiCalls(MockMvc mvc) {
        this.mvc = mvc;
    }

    /** Requests authenticated as {@code caller} ({@link ApiCallers#as}). */
    public Caller as(PlatformUser caller) {
        return new Caller(mvc, caller, Map.of());
    }

    /** One caller's requests, with the headers it sends on each. */
    public static final class Caller {

        private final MockMvc mvc;
        private final PlatformUser user;
        private final Map<String, String> headers;

        private Caller(MockMvc mvc, PlatformUser user, Map<String, String> headers) {
            this.mvc = mvc;
            this.user = user;
            this.headers = headers;
        }

        /** The same caller asking for answers in {@code languages} ({@code Accept-Language}: fr, fr-FR,fr;q=0.9). */
        public Caller inLanguage(String languages) {
            return with(HttpHeaders.ACCEPT_LANGUAGE, languages);
        }

        /** The same caller sending the version it read ({@code If-Match}) with its writes. */
        public Caller ifMatch(String version) {
            return with(HttpHeaders.IF_MATCH, version);
        }

        /** A GET; a query string in {@code path} gives the request's parameters. */
        public ResultActions get(String path) throws Exception {
            return perform(MockMvcRequestBuilders.get(path));
        }

        /** A POST of a JSON body. */
        public ResultActions post(String path, String json) throws Exception {
            return perform(json(MockMvcRequestBuilders.post(path), json));
        }

        /** A PUT of a JSON body. */
        public ResultActions put(String path, String json) throws Exception {
            return perform(json(MockMvcRequestBuilders.put(path), json));
        }

        /** A file as a browser form uploads it: one part {@code file}, multipart/form-data. */
        public ResultActions upload(String path, byte[] file) throws Exception {
            return upload(path, "file", file);
        }

        /** A form of one part named {@code part}, multipart/form-data. */
        public ResultActions upload(String path, String part, byte[] content) throws Exception {
            return perform(MockMvcRequestBuilders.multipart(path).file(part, content));
        }

        private Caller with(String header, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(header, value);
            return new Caller(mvc, user, more);
        }

        private ResultActions perform(MockHttpServletRequestBuilder request) throws Exception {
            headers.forEach(request::header);
            return mvc.perform(request.with(ApiCallers.as(user)));
        }

        private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String json) {
            return request.contentType(MediaType.APPLICATION_JSON).content(json);
        }
    }
}
