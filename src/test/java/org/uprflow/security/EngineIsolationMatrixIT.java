package org.uprflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import org.camunda.bpm.cockpit.impl.plugin.resources.BaseRootResource;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.uprflow.testing.Http;
import org.uprflow.testing.PostgresIntegrationTest;
import org.uprflow.testing.RowCounts;
import org.uprflow.testing.World;
import org.uprflow.testing.World.Probe;

/**
 * The engine's REST API and the webapps' API paths that Tasklist and Cockpit use, every operation as the JAX-RS
 * resource classes declare it (Camunda's own {@link CamundaRestResources} and Cockpit's base plugin), so that a
 * resource a new Camunda version adds is in the matrix without a new test. Each operation is called on Kenya's
 * probe (its task, process instance, people and groups) anonymously, as each role of Malawi and as a Kenyan of the
 * wrong role (the government on the CSO's task). Anonymous calls are refused; nobody gets a 500 or a body that shows
 * Kenya's data; nothing is written.
 */
class EngineIsolationMatrixIT extends PostgresIntegrationTest {

    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");
    private static final String MW_MANAGER = World.MW_ONLY_MANAGER;
    private static final String WEBAPP_ENGINE = "/camunda/api/engine/engine/default";
    private static final String COCKPIT = "/camunda/api/cockpit";

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void nobodyOutsideReachesKenyaThroughTheEngineOrTheWebapps() {
        world.malawiOnlyManager();
        Probe kenya = world.startProbe("ke");
        List<Operation> engine = operations(CamundaRestResources.getResourceClasses());
        List<Operation> cockpit = operations(Set.of(BaseRootResource.class));
        assertThat(engine).as("Camunda's REST resources, walked").hasSizeGreaterThan(300);
        assertThat(cockpit).as("Cockpit's base plugin, walked").hasSizeGreaterThan(10);

        Map<String, Http.Caller> outsiders = new LinkedHashMap<>();
        Map<String, Http.Caller> webappOutsiders = new LinkedHashMap<>();
        for (String user : List.of(World.MW_CSO, World.MW_GOV, MW_MANAGER)) {
            outsiders.put(user, world.as(user));
            webappOutsiders.put(user, http.webappLogin(user, World.PASSWORD, "tasklist"));
        }
        Http.Caller wrongRole = world.as(World.KE_GOV);
        Http.Caller wrongRoleWebapp = http.webappLogin(World.KE_GOV, World.PASSWORD, "tasklist");
        List<String> kenyanData = List.of(kenya.processInstanceId(), kenya.csoTaskId(), kenya.governmentTaskId(),
                "Draft of the ke report", World.KE_CSO, World.KE_GOV, World.KE_MANAGER, World.KE_NHRI, "ke-cso",
                "ke-government", "ke-nhri");
        Map<String, Long> before = RowCounts.of(jdbc);
        java.sql.Timestamp started = new java.sql.Timestamp(System.currentTimeMillis() - 1000);
        List<String> breaches = new ArrayList<>();

        for (Operation operation : engine) {
            check("/engine-rest", operation, kenya, http.anonymous(), outsiders, wrongRole, kenyanData, breaches);
            // The webapps serve the same resources: there the ones that name Kenya's data and the lists, to keep the time.
            if (operation.namesKenya() || operation.method().equals("GET") && !operation.template().contains("{")) {
                check(WEBAPP_ENGINE, operation, kenya, http.session(), webappOutsiders, wrongRoleWebapp, kenyanData,
                        breaches);
            }
        }
        for (Operation operation : cockpit) {
            check(COCKPIT, operation, kenya, http.session(), webappOutsiders, wrongRoleWebapp, kenyanData, breaches);
        }

        assertThat(breaches).as("engine and webapp operations that answered wrongly").isEmpty();
        assertThat(RowCounts.of(jdbc)).as("nothing written; the engine's operation log since: %s", jdbc.queryForList(
                "select user_id_, operation_type_, entity_type_, property_, org_value_, new_value_ from act_hi_op_log"
                        + " where timestamp_ >= ?", started)).isEqualTo(before);
    }

    private void check(String base, Operation operation, Probe kenya, Http.Caller anonymous,
            Map<String, Http.Caller> outsiders, Http.Caller wrongRole, List<String> kenyanData, List<String> breaches) {
        String onKenya = base + operation.concrete(kenya, kenya.governmentTaskId());
        Http.Response anonymousAnswer = operation.call(anonymous, onKenya);
        boolean webapp = base.startsWith("/camunda");
        // The webapps show the password rules before login (Camunda's setup page); they are no one's data.
        boolean publicByDesign = webapp && operation.template().equals("/identity/password-policy");
        if (anonymousAnswer.status() != 401 && !(webapp && anonymousAnswer.status() == 403) && !publicByDesign) {
            breaches.add("anonymous " + operation.method() + " " + onKenya + " -> " + abbreviated(anonymousAnswer));
        }
        for (Map.Entry<String, Http.Caller> outsider : outsiders.entrySet()) {
            Http.Response answer = operation.call(outsider.getValue(), onKenya);
            String shown = answer.body();
            for (String sent : operation.idsIn(onKenya)) {
                shown = shown.replace(sent, "");
            }
            String finalShown = shown;
            if (answer.status() >= 500 || kenyanData.stream().anyMatch(finalShown::contains)) {
                breaches.add(outsider.getKey() + " " + operation.method() + " " + onKenya + " -> " + abbreviated(answer));
            }
        }
        // The same country, the wrong role: the government on the CSO's task.
        String onCsoTask = base + operation.concrete(kenya, kenya.csoTaskId());
        if (!onCsoTask.contains(kenya.csoTaskId())) {
            return;
        }
        Http.Response wrong = operation.call(wrongRole, onCsoTask);
        boolean write = !operation.method().equals("GET");
        if (wrong.status() >= 500 || (write && wrong.status() < 400)) {
            breaches.add(World.KE_GOV + " " + operation.method() + " " + onCsoTask + " -> " + abbreviated(wrong));
        }
    }

    /** Every operation of the resources: HTTP methods on their paths, sub-resource locators followed. */
    private static List<Operation> operations(Set<Class<?>> roots) {
        Set<Operation> found = new TreeSet<>();
        for (Class<?> root : roots) {
            Path path = annotation(root, Path.class);
            walk(root, path == null ? "" : path.value(), found, 0);
        }
        return List.copyOf(found);
    }

    private static void walk(Class<?> resource, String prefix, Set<Operation> found, int depth) {
        if (depth > 4) {
            return;
        }
        for (Method method : resource.getMethods()) {
            Path path = methodAnnotation(resource, method, Path.class);
            String full = join(prefix, path == null ? "" : path.value());
            String http = httpMethod(resource, method);
            if (http != null) {
                found.add(new Operation(http, full));
            } else if (path != null && method.getReturnType() != Object.class && !method.getReturnType().isPrimitive()) {
                walk(method.getReturnType(), full, found, depth + 1);
            }
        }
    }

    private static String httpMethod(Class<?> resource, Method method) {
        for (Class<? extends Annotation> http : List.of(GET.class, POST.class, PUT.class, DELETE.class)) {
            if (methodAnnotation(resource, method, http) != null) {
                return http.getSimpleName();
            }
        }
        return null;
    }

    /** JAX-RS annotations sit on Camunda's interfaces, not on their implementations. */
    private static <A extends Annotation> A methodAnnotation(Class<?> type, Method method, Class<A> annotation) {
        A direct = method.getAnnotation(annotation);
        if (direct != null) {
            return direct;
        }
        for (Class<?> candidate = type; candidate != null; candidate = candidate.getSuperclass()) {
            for (Class<?> face : candidate.getInterfaces()) {
                try {
                    A inherited = methodAnnotation(face, face.getMethod(method.getName(), method.getParameterTypes()),
                            annotation);
                    if (inherited != null) {
                        return inherited;
                    }
                } catch (NoSuchMethodException notThere) {
                    // another interface declares it
                }
            }
        }
        return null;
    }

    private static <A extends Annotation> A annotation(Class<?> type, Class<A> annotation) {
        for (Class<?> candidate = type; candidate != null; candidate = candidate.getSuperclass()) {
            if (candidate.getAnnotation(annotation) != null) {
                return candidate.getAnnotation(annotation);
            }
            for (Class<?> face : candidate.getInterfaces()) {
                if (face.getAnnotation(annotation) != null) {
                    return face.getAnnotation(annotation);
                }
            }
        }
        return null;
    }

    private static String join(String prefix, String path) {
        String joined = ("/" + prefix + "/" + path).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    private record Operation(String method, String template) implements Comparable<Operation> {

        /** Kenya's resource where the path names one, a fresh id elsewhere. */
        String concrete(Probe kenya, String taskId) {
            Matcher variables = PATH_VARIABLE.matcher(template);
            StringBuilder concrete = new StringBuilder();
            while (variables.find()) {
                String before = template.substring(0, variables.start());
                String name = variables.group(1);
                String value;
                if (name.equals("engine")) {
                    value = "default";
                } else if (before.endsWith("/task/") || name.equals("taskId")) {
                    value = taskId;
                } else if (before.endsWith("/process-instance/") || before.endsWith("/execution/")) {
                    value = kenya.processInstanceId();
                } else if (before.endsWith("/user/")) {
                    value = World.KE_CSO;
                } else if (before.endsWith("/group/")) {
                    value = "ke-cso";
                } else if (before.endsWith("/tenant/") || name.equals("tenant-id")) {
                    value = "ke";
                } else if (name.toLowerCase().contains("name")) {
                    value = "stakeholderReport";
                } else {
                    value = UUID.randomUUID().toString();
                }
                variables.appendReplacement(concrete, Matcher.quoteReplacement(value));
            }
            variables.appendTail(concrete);
            return concrete.toString();
        }

        /** A path that names one of Kenya's resources: its task, process instance, executions, people, groups. */
        boolean namesKenya() {
            return Pattern.compile("/(task|process-instance|execution|user|group|tenant)/\\{").matcher(template).find();
        }

        /** The ids the request itself names: an answer may repeat them without showing anything. */
        List<String> idsIn(String path) {
            return List.of(path.split("/")).stream().filter(segment -> segment.length() > 2).toList();
        }

        Http.Response call(Http.Caller caller, String path) {
            return switch (method) {
                case "GET" -> caller.get(path);
                case "POST" -> caller.postJson(path, "{}");
                case "PUT" -> caller.putJson(path, "{}", null);
                default -> caller.delete(path);
            };
        }

        @Override
        public int compareTo(Operation other) {
            return (template + " " + method).compareTo(other.template + " " + other.method);
        }
    }

    private static String abbreviated(Http.Response answer) {
        String body = answer.body();
        return answer.status() + " " + (body.length() > 160 ? body.substring(0, 160) + "…" : body);
    }
}
