package org.uprflow.benchmark;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What serving Tasklist in the user's language costs (issue 12): the form fetch and the inbox page
 * as Tasklist asks for them, by two CSO members of one country who differ only in their language
 * (one with no choice, so English; one who chose French), in the same run, each row right after its
 * twin. The aim: French within 10% of English (the ratio rows). The form is translated on its way out
 * (ADR 0017), the task and process names of the inbox likewise.
 */
final class LanguageCase {

    static final String CASE = "10 language";
    static final String FORM = "GET /engine-rest/task/{id}/deployed-form";
    static final String INBOX = "POST /engine-rest/filter/{role filter}/list, first 15 (HAL)";
    private static final String HAL = "application/hal+json";

    private final Client client;
    private final World world;
    private final Scale scale;
    private final Report report;
    private final CpuMeter cpu;

    LanguageCase(Client client, World world, Scale scale, Report report, CpuMeter cpu) {
        this.client = client;
        this.world = world;
        this.scale = scale;
        this.report = report;
        this.cpu = cpu;
    }

    void run() {
        // A country of its own, after the run's countries: no other case staffs it or opens its cycles.
        List<String> codes = World.isoCountries(world.countries.size() + 1);
        String code = codes.get(codes.size() - 1);
        String admin = Client.basic(World.ADMIN, World.ADMIN_PASSWORD);
        client.expect(201, client.post(admin, "/api/countries", "{\"code\":\"" + code + "\",\"language\":\"en\"}"),
                "onboarding " + code);
        String english = code + ".lang.en";
        String french = code + ".lang.fr";
        for (String user : List.of(english, french)) {
            client.expect(201, client.post(admin, "/api/countries/" + code + "/participants", """
                    {"userId":"%s","role":"CSO","firstName":"Bench","lastName":"%s","email":"%s@example.org","password":"%s"}
                    """.formatted(user, user, user, World.PASSWORD)), "adding " + user);
        }
        client.expect(200, client.put(Client.basic(french, World.PASSWORD), "/api/profile/language",
                "{\"language\":\"fr\"}"), "French for " + french);
        client.expect(201, client.post(admin, "/api/countries/" + code + "/cycles",
                "{\"cycleNumber\":1,\"wgSession\":50,\"reviewDate\":\"" + LocalDate.now().plusMonths(9) + "\"}"),
                "opening " + code + "-1");
        String businessKey = code.toUpperCase(Locale.ROOT) + "-1";
        String taskId = client.expect(200, client.get(admin, "/engine-rest/task?processInstanceBusinessKey=" + businessKey
                + "&taskDefinitionKey=Task_SubmitStakeholderReport"), "the task").json().get(0).path("id").asText();
        String filterId = roleFilter(Client.basic(english, World.PASSWORD));

        String formPath = "/engine-rest/task/" + taskId + "/deployed-form";
        String inboxPath = "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15";
        check(Client.basic(french, World.PASSWORD), formPath, inboxPath, "Titre du rapport des parties prenantes",
                "Soumettre le rapport des parties prenantes (" + businessKey + ")");
        check(Client.basic(english, World.PASSWORD), formPath, inboxPath, "Title of the stakeholder report",
                "Submit the stakeholder report (" + businessKey + ")");

        for (int users : List.of(1, Math.min(8, scale.maxUsers()))) {
            Figure formEn = form(english, formPath, users, "en");
            Figure formFr = form(french, formPath, users, "fr");
            ratio(FORM, users, formEn, formFr);
            Figure inboxEn = inbox(english, inboxPath, users, "en");
            Figure inboxFr = inbox(french, inboxPath, users, "fr");
            ratio(INBOX, users, inboxEn, inboxFr);
        }
    }

    private Figure form(String user, String path, int users, String language) {
        String authorization = Client.basic(user, World.PASSWORD);
        Figure figure = Load.run(CASE, FORM + ", " + language, users, scale.warmUpOps(), scale.maxOps(),
                scale.maxTime(), cpu.meter(), (u, n) -> {
                    client.expect(200, client.get(authorization, path), "form in " + language);
                    return true;
                });
        report.add(figure);
        return figure;
    }

    private Figure inbox(String user, String path, int users, String language) {
        String authorization = Client.basic(user, World.PASSWORD);
        Figure figure = Load.run(CASE, INBOX + ", " + language, users, scale.warmUpOps(), scale.maxOps(),
                scale.maxTime(), cpu.meter(), (u, n) -> {
                    client.expect(200, client.post(authorization, path, "{}", HAL), "inbox in " + language);
                    return true;
                });
        report.add(figure);
        return figure;
    }

    private void ratio(String channel, int users, Figure english, Figure french) {
        report.add(Figure.value(CASE, channel + ", French / English at " + users + " user(s)", String.format(Locale.ROOT,
                "ops/s %.2f, median %.2f (aim: ops/s >= 0.90, median <= 1.10; not judged on a loaded machine)",
                french.opsPerSecond() / english.opsPerSecond(), french.medianMs() / english.medianMs())));
    }

    /** Both users see the same data; only the words differ. */
    private void check(String authorization, String formPath, String inboxPath, String label, String taskName) {
        String form = client.expect(200, client.get(authorization, formPath), "the form").body();
        if (!form.contains(label)) {
            throw new IllegalStateException("The form does not say '" + label + "': " + form);
        }
        JsonNode inbox = client.expect(200, client.post(authorization, inboxPath, "{}", HAL), "the inbox").json();
        if (!inbox.path("_embedded").path("task").findValuesAsText("name").contains(taskName)) {
            throw new IllegalStateException("The inbox does not list '" + taskName + "': " + inbox);
        }
    }

    private String roleFilter(String authorization) {
        for (JsonNode filter : client.expect(200, client.get(authorization, "/engine-rest/filter?resourceType=Task"),
                "filters").json()) {
            if ("role-tasks".equals(filter.path("properties").path("uprflowView").asText())) {
                return filter.path("id").asText();
            }
        }
        throw new IllegalStateException("No role filter");
    }
}
