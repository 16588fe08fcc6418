package org.uprflow.security;

import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A NUL character in the text of a JSON body sent to the engine's APIs ({@code /engine-rest} and the webapps'
 * engine API): PostgreSQL cannot store one, and the engine failed the write with a 500 (a user's first name, a
 * comment). The engine reads JSON with its own Jackson, which the platform's rule for {@code /api} (web.TextInput)
 * does not reach, so the body is read here first: a 400 problem naming the field, nothing written. Bodies that are
 * not JSON pass untouched; a body that is not valid JSON is left for the engine to refuse.
 */
final class NulInEngineBodies extends OncePerRequestFilter {

    private final ObjectMapper json;
    private final ProblemResponses problems;

    NulInEngineBodies(ObjectMapper json, ProblemResponses problems) {
        this.json = json;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return type == null || !type.toLowerCase().contains("json");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body = request.getInputStream().readAllBytes();
        String field = null;
        try {
            field = mayHoldNul(body) ? fieldWithNul(json.readTree(body), "") : null;
        } catch (JsonProcessingException notJson) {
            // the engine answers for a body it cannot read
        }
        if (field != null) {
            problems.nulCharacter(request, response, field.isEmpty() ? "body" : field);
            return;
        }
        chain.doFilter(new ReplayedBody(request, body), response);
    }

    /**
     * Whether the body could hold a NUL in a text at all: JSON writes one as an escape (a backslash, {@code u} and
     * four zeros; in UTF-8, the platform's and Camunda's encoding) or, against the standard, as the byte itself; a
     * body in UTF-16 or UTF-32 has zero bytes everywhere. Any other body is not parsed twice, here and by the engine
     * (docs/benchmarks.md, issue 15).
     */
    static boolean mayHoldNul(byte[] body) {
        for (int i = 0; i < body.length; i++) {
            if (body[i] == 0 || body[i] == '\\' && i + 5 < body.length && body[i + 1] == 'u' && body[i + 2] == '0'
                    && body[i + 3] == '0' && body[i + 4] == '0' && body[i + 5] == '0') {
                return true;
            }
        }
        return false;
    }

    /** The path of the first text holding a NUL ("profile.firstName", "variables.report.value"), or null. */
    static String fieldWithNul(JsonNode node, String path) {
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue().indexOf('\0') >= 0 ? path : null;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = fieldWithNul(node.get(i), path + "[" + i + "]");
                if (found != null) {
                    return found;
                }
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = fields.next();
            if (entry.getKey().indexOf('\0') >= 0) {
                return path.isEmpty() ? "body" : path;
            }
            String found = fieldWithNul(entry.getValue(), path.isEmpty() ? entry.getKey() : path + "." + entry.getKey());
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
