package org.uprflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.uprflow.testing.Http;
import org.uprflow.testing.PostgresIntegrationTest;
import org.uprflow.testing.RowCounts;
import org.uprflow.testing.World;

/**
 * Every operation of the platform's API, as its OpenAPI description lists it, called on Kenya by
 * people who must not reach it: anonymously, as each role of another country (Malawi's CSO, government
 * and a manager of Malawi only). A new endpoint is in the matrix without anyone adding a test. Each call
 * must be refused (never 2xx, never 500) and write nothing: no table of the platform or the engine
 * changes its row count.
 */
class IsolationMatrixIT extends PostgresIntegrationTest {

    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");
    private static final String MW_MANAGER = World.MW_ONLY_MANAGER;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void nobodyOfAnotherCountryNorAnonymousReachesAnyOperationOnKenya() {
        world.malawiOnlyManager();
        List<Operation> operations = operations();
        assertThat(operations).as("the OpenAPI description lists the API").hasSizeGreaterThan(20);
        Map<String, Http.Caller> outsiders = Map.of("anonymous", http.anonymous(), World.MW_CSO, world.as(World.MW_CSO),
                World.MW_GOV, world.as(World.MW_GOV), MW_MANAGER, world.as(MW_MANAGER));
        Map<String, Long> before = RowCounts.settled(jdbc);
        List<String> reached = new ArrayList<>();

        for (Operation operation : operations) {
            for (Map.Entry<String, Http.Caller> outsider : outsiders.entrySet()) {
                Http.Response answer = operation.call(outsider.getValue());
                boolean refused = outsider.getKey().equals("anonymous") ? answer.status() == 401
                        : answer.status() >= 400 && answer.status() < 500;
                if (!refused) {
                    reached.add(outsider.getKey() + " " + operation + " -> " + answer.status() + " " + abbreviated(answer.body()));
                }
            }
        }

        assertThat(reached).as("operations on Kenya that an outsider reached").isEmpty();
        assertThat(RowCounts.settled(jdbc)).as("nothing written").isEqualTo(before);
    }

    /** Kenya's operations: {code} is KE, cycle numbers 1, every other id a fresh UUID. */
    private List<Operation> operations() {
        JsonNode paths = world.admin().get("/v3/api-docs").json().get("paths");
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            if (!path.getKey().contains("{code}")) {
                continue;
            }
            Matcher variables = PATH_VARIABLE.matcher(path.getKey());
            StringBuilder concrete = new StringBuilder();
            while (variables.find()) {
                String name = variables.group(1);
                variables.appendReplacement(concrete, name.equals("code") ? "KE"
                        : name.matches("(?i).*(cycle|number|version).*") ? "1" : UUID.randomUUID().toString());
            }
            variables.appendTail(concrete);
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                String method = methods.next();
                if (List.of("get", "post", "put", "delete").contains(method)) {
                    operations.add(new Operation(method.toUpperCase(), concrete.toString()));
                }
            }
        }
        return operations;
    }

    private record Operation(String method, String path) {

        Http.Response call(Http.Caller caller) {
            return switch (method) {
                case "GET" -> caller.get(path);
                case "POST" -> caller.postJson(path, "{}");
                case "PUT" -> caller.putJson(path, "{}", "\"0\"");
                default -> caller.delete(path, "\"0\"");
            };
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static String abbreviated(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}
