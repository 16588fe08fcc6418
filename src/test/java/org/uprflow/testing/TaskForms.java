package org.uprflow.testing;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A task's form as a test fills it in: values every rule of the form accepts, read from the form file itself
 * (so a form that gains a required field keeps the tests honest), and the same values as engine-rest wants
 * them. Shared by the process tests, the integration tests and the benchmark.
 */
public final class TaskForms {

    private TaskForms() {
    }

    /** Values that every rule of the form accepts, built from the form itself. */
    public static Map<String, Object> validInput(String formId) {
        Map<String, Object> values = new HashMap<>();
        for (JsonNode c : readForm(formId).path("components")) {
            if (!c.hasNonNull("key")) {
                continue;
            }
            String key = c.get("key").asText();
            JsonNode validate = c.path("validate");
            Object value = switch (c.path("type").asText()) {
                case "number" -> (long) Math.max(1, validate.path("min").asLong(0));
                case "datetime" -> "2015-07-13";
                case "radio", "select" -> c.get("values").get(0).path("value").asText();
                default -> validate.hasNonNull("pattern") ? "https://www.upr-info.org/en/review/kenya" : "Nairobi";
            };
            values.put(key, value);
        }
        return values;
    }

    /** Form values as engine-rest wants them: each with its Camunda type. */
    public static String engineRestVariables(Map<String, Object> values) {
        ObjectNode variables = new ObjectMapper().createObjectNode();
        values.forEach((name, value) -> {
            ObjectNode typed = variables.putObject(name);
            typed.putPOJO("value", value);
            typed.put("type", value instanceof Long ? "Long" : value instanceof Boolean ? "Boolean" : "String");
        });
        ObjectNode body = new ObjectMapper().createObjectNode();
        body.set("variables", variables);
        return body.toString();
    }

    public static JsonNode readForm(String formId) {
        for (String folder : List.of("processes/", "variants/ke/")) {
            try (InputStream in = TaskForms.class.getClassLoader().getResourceAsStream(folder + formId + ".form")) {
                if (in != null) {
                    return new ObjectMapper().readTree(in);
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalArgumentException("no form " + formId);
    }
}
