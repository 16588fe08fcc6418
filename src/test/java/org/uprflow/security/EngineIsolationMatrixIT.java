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

import org.camunda.bpm.admin.impl.web.AdminApplication;
import org.camunda.bpm.cockpit.impl.plugin.resources.BaseRootResource;
import org.camunda.bpm.cockpit.impl.web.CockpitApplication;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.tasklist.impl.web.TasklistApplication;
import org.camunda.bpm.welcome.impl.web.WelcomeApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.uprflow.notification.NotificationSwitch;
import org.uprflow.testing.Http;
import org.uprflow.testing.PostgresIntegrationTest;
import org.uprflow.testing.RowCounts;
import org.uprflow.testing.World;
import org.uprflow.testing.World.Probe;

/**
 * The engine's REST API and the webapps' API paths that Tasklist, Cockpit and Admin use, every operation as the
 * JAX-RS resource classes declare it (Camunda's own {@link CamundaRestResources}, the resources and plugins each
 * webapp's JAX-RS application declares), so that a resource a new Camunda version adds is in the matrix without a
 * new test. Each operation is called on Kenya's probe (its task, process instance, people, groups and role filters)
 * anonymously, as each role of Malawi and as a Kenyan of the wrong role (the government on the CSO's task and
 * filter). Anonymous calls are refused; nobody gets a 500 or a body that shows Kenya's data; nothing is written.
 */
class EngineIsolationMatrixIT extends PostgresIntegrationTest {

    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");
    private static final String MW_MANAGER = World.MW_ONLY_MANAGER;
    private static final String WEBAPP_ENGINE = "/camunda/api/engine/engine/default";
    private static final String COCKPIT = "/camunda/api/cockpit";

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private NotificationSwitch notices;

    @Test
    void nobodyOutsideReachesKenyaThroughTheEngineOrTheWebapps() throws InterruptedException {
        Kenya kenya = kenya();
        List<Operation> engine = operations(CamundaRestResources.getResourceClasses());
        List<Operation> cockpit = operations(Set.of(BaseRootResource.class));
        assertThat(engine).as("Camunda's REST resources, walked").hasSizeGreaterThan(300);
        assertThat(cockpit).as("Cockpit's base plugin, walked").hasSizeGreaterThan(10);

        Callers callers = callers();
        Map<String, Long> before = quietRowCounts();
        java.sql.Timestamp started = new java.sql.Timestamp(System.currentTimeMillis() - 1000);
        List<String> breaches = new ArrayList<>();

        for (Operation operation : engine) {
            check("/engine-rest", operation, kenya, http.anonymous(), callers.outsiders(), callers.wrongRole(), breaches);
            // The webapps serve the same resources: there the ones that name Kenya's data (its filters included) and
            // the lists and counts Tasklist asks for (GET, or POST with the query in the body), to keep the time.
            if (operation.namesKenya() || !operation.template().contains("{") && !operation.method().equals("PUT")
                    && !operation.method().equals("DELETE")) {
                check(WEBAPP_ENGINE, operation, kenya, http.session(), callers.webappOutsiders(),
                        callers.wrongRoleWebapp(), breaches);
            }
        }
        for (Operation operation : cockpit) {
            check(COCKPIT, operation, kenya, http.session(), callers.webappOutsiders(), callers.wrongRoleWebapp(),
                    breaches);
        }

        assertThat(breaches).as("engine and webapp operations that answered wrongly").isEmpty();
        assertNothingWritten(before, started);
    }

    /**
     * The webapps' own APIs, beside the engine's: Tasklist's ({@code /camunda/api/tasklist}, its plugins), Admin's
     * (the login resource, the first admin's setup), Cockpit's (every plugin, not only the base one) and the welcome
     * page's, each walked from the resource classes its JAX-RS application declares, plugins included, so that a
     * plugin a new version adds is in the matrix.
     */
    @Test
    void nobodyOutsideReachesKenyaThroughTheWebappsOwnApis() throws InterruptedException {
        Kenya kenya = kenya();
        Map<String, List<Operation>> applications = new LinkedHashMap<>();
        applications.put("/camunda/api/tasklist", operations(resources(new TasklistApplication())));
        applications.put("/camunda/api/admin", operations(resources(new AdminApplication())));
        applications.put(COCKPIT, operations(resources(new CockpitApplication())));
        applications.put("/camunda/api/welcome", operations(resources(new WelcomeApplication())));
        assertThat(applications.get("/camunda/api/tasklist")).as("Tasklist's plugin API, walked").isNotEmpty();
        assertThat(applications.get("/camunda/api/admin")).as("Admin's API, walked")
                .contains(new Operation("POST", "/setup/{engine}/user/create"));
        assertThat(applications.get(COCKPIT)).as("Cockpit's plugins, walked").hasSizeGreaterThan(
                operations(Set.of(BaseRootResource.class)).size());

        Callers callers = callers();
        Map<String, Long> before = quietRowCounts();
        java.sql.Timestamp started = new java.sql.Timestamp(System.currentTimeMillis() - 1000);
        List<String> breaches = new ArrayList<>();
        for (Map.Entry<String, List<Operation>> application : applications.entrySet()) {
            for (Operation operation : application.getValue()) {
                // Logging in and out is every caller's own business (LoginThrottleIT, PageSessionIT); here it would
                // end the sessions the matrix calls with.
                if (operation.template().contains("/login/") || operation.template().endsWith("/logout")) {
                    continue;
                }
                check(application.getKey(), operation, kenya, http.session(), callers.webappOutsiders(),
                        callers.wrongRoleWebapp(), breaches);
            }
        }

        assertThat(breaches).as("webapp operations that answered wrongly").isEmpty();
        assertNothingWritten(before, started);
    }

    /** Kenya's probe: a cycle's instance with a task for the CSO and one for the government, and their role filters. */
    private record Kenya(Probe probe, String csoFilter, String governmentFilter, List<String> data) {
    }

    private Kenya kenya() {
        world.malawiOnlyManager();
        Probe probe = world.startProbe("ke");
        String csoFilter = roleFilter(World.KE_CSO);
        String governmentFilter = roleFilter(World.KE_GOV);
        return new Kenya(probe, csoFilter, governmentFilter, List.of(probe.processInstanceId(), probe.csoTaskId(),
                probe.governmentTaskId(), csoFilter, governmentFilter, "Draft of the ke report", World.KE_CSO,
                World.KE_GOV, World.KE_MANAGER, World.KE_NHRI, "ke-cso", "ke-government", "ke-nhri"));
    }

    /** The Tasklist filter of a Kenyan's role (CountryProvisioning), as that person sees it. */
    private String roleFilter(String user) {
        for (com.fasterxml.jackson.databind.JsonNode filter : world.as(user).get("/engine-rest/filter").json()) {
            if ("role-tasks".equals(filter.path("properties").path("uprflowView").asText())) {
                return filter.path("id").asText();
            }
        }
        throw new IllegalStateException("no role filter for " + user);
    }

    private record Callers(Map<String, Http.Caller> outsiders, Map<String, Http.Caller> webappOutsiders,
            Http.Caller wrongRole, Http.Caller wrongRoleWebapp) {
    }

    /** Each role of Malawi (on /engine-rest and logged in to Tasklist), and Kenya's government. */
    private Callers callers() {
        Map<String, Http.Caller> outsiders = new LinkedHashMap<>();
        Map<String, Http.Caller> webappOutsiders = new LinkedHashMap<>();
        for (String user : List.of(World.MW_CSO, World.MW_GOV, MW_MANAGER)) {
            outsiders.put(user, world.as(user));
            webappOutsiders.put(user, http.webappLogin(user, World.PASSWORD, "tasklist"));
        }
        return new Callers(outsiders, webappOutsiders, world.as(World.KE_GOV),
                http.webappLogin(World.KE_GOV, World.PASSWORD, "tasklist"));
    }

    /**
     * The rows of every table once the notices' dispatcher is held and has finished its turn: the events of the
     * fixture's tasks would otherwise become notices during the two minutes of the walk (it happened on a loaded
     * machine), which is the platform at work, not a caller writing.
     */
    private Map<String, Long> quietRowCounts() throws InterruptedException {
        notices.holdExpansion(true);
        notices.holdSending(true);
        Map<String, Long> counts = RowCounts.of(jdbc);
        for (int tries = 0; tries < 12; tries++) {
            Thread.sleep(2_500);
            Map<String, Long> again = RowCounts.of(jdbc);
            if (again.equals(counts)) {
                return counts;
            }
            counts = again;
        }
        throw new IllegalStateException("the tables did not settle in 30 s");
    }

    @AfterEach
    void releaseNotices() {
        notices.holdExpansion(false);
        notices.holdSending(false);
    }

    private void assertNothingWritten(Map<String, Long> before, java.sql.Timestamp started) {
        assertThat(RowCounts.of(jdbc)).as("nothing written; the engine's operation log since: %s", jdbc.queryForList(
                "select user_id_, operation_type_, entity_type_, property_, org_value_, new_value_ from act_hi_op_log"
                        + " where timestamp_ >= ?", started)).isEqualTo(before);
    }

    /** The resource classes a JAX-RS application declares (its plugins' included), without its providers. */
    private static Set<Class<?>> resources(jakarta.ws.rs.core.Application application) {
        Set<Class<?>> resources = new java.util.HashSet<>();
        for (Class<?> type : application.getClasses()) {
            if (annotation(type, Path.class) != null) {
                resources.add(type);
            }
        }
        return resources;
    }

    private void check(String base, Operation operation, Kenya kenya, Http.Caller anonymous,
            Map<String, Http.Caller> outsiders, Http.Caller wrongRole, List<String> breaches) {
        Probe probe = kenya.probe();
        String onKenya = base + operation.concrete(probe, probe.governmentTaskId(), kenya.governmentFilter());
        Http.Response anonymousAnswer = operation.call(anonymous, onKenya);
        boolean webapp = base.startsWith("/camunda");
        // The webapps show the password rules before login (Camunda's setup page) and their plugins' scripts and
        // styles, and tell who is logged in (404: nobody); these are no one's data.
        boolean publicByDesign = webapp && (operation.template().equals("/identity/password-policy")
                || operation.template().contains("/static/")
                || operation.template().equals("/auth/user/{processEngineName}") && anonymousAnswer.status() == 404)
                && anonymousAnswer.status() < 500;
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
            if (answer.status() >= 500 || kenya.data().stream().anyMatch(finalShown::contains)) {
                breaches.add(outsider.getKey() + " " + operation.method() + " " + onKenya + " -> " + abbreviated(answer));
            }
        }
        // The same country, the wrong role: the government on the CSO's task and the CSO's filter.
        String onCsoTask = base + operation.concrete(probe, probe.csoTaskId(), kenya.csoFilter());
        if (!onCsoTask.contains(probe.csoTaskId()) && !onCsoTask.contains(kenya.csoFilter())) {
            return;
        }
        Http.Response wrong = operation.call(wrongRole, onCsoTask);
        boolean write = !operation.method().equals("GET");
        String shown = wrong.body();
        for (String sent : operation.idsIn(onCsoTask)) {
            shown = shown.replace(sent, "");
        }
        if (wrong.status() >= 500 || (write && wrong.status() < 400) || shown.contains(probe.csoTaskId())) {
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
        String concrete(Probe kenya, String taskId, String filterId) {
            Matcher variables = PATH_VARIABLE.matcher(template);
            StringBuilder concrete = new StringBuilder();
            while (variables.find()) {
                String before = template.substring(0, variables.start());
                String name = variables.group(1);
                String value;
                if (name.toLowerCase().contains("engine")) {
                    value = "default";
                } else if (before.endsWith("/task/") || name.equals("taskId")) {
                    value = taskId;
                } else if (before.endsWith("/filter/")) {
                    value = filterId;
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

        /** A path that names one of Kenya's resources: its task, process instance, executions, people, groups, filters. */
        boolean namesKenya() {
            return Pattern.compile("/(task|process-instance|execution|user|group|tenant|filter)/\\{").matcher(template).find();
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
