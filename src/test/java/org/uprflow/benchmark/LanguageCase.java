package org.uprflow.benchmark;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import org.uprflow.testing.Client;
import org.uprflow.testing.Http;
import org.uprflow.testing.World;

/**
 * What serving Tasklist in the user's language costs (issue 12): the form fetch and the inbox page
 * as Tasklist asks for them, by two CSO members of one country who differ only in their language
 * (one with no choice, so English; one who chose French), in the same run and in turns, call by call
 * ({@link #alternating}). The aim: French within 10% of English (the ratio rows). The form is translated on
 * its way out (ADR 0017), the task and process names of the inbox likewise.
 */
final class LanguageCase {

    static final String CASE = "10 language";
    static final String FORM = "GET /engine-rest/task/{id}/deployed-form";
    static final String INBOX = "POST /engine-rest/filter/{role filter}/list, first 15 (HAL)";
    private static final String HAL = "application/hal+json";

    private final Client client;
    private final Population world;
    private final Scale scale;
    private final Report report;
    private final CpuMeter cpu;

    LanguageCase(Client client, Population world, Scale scale, Report report, CpuMeter cpu) {
        this.client = client;
        this.world = world;
        this.scale = scale;
        this.report = report;
        this.cpu = cpu;
    }

    void run() {
        // A country of its own, after the run's countries: no other case staffs it or opens its cycles.
        List<String> codes = Population.isoCountries(world.countries.size() + 1);
        String code = codes.get(codes.size() - 1);
        String admin = Client.basic(Population.ADMIN, Population.ADMIN_PASSWORD);
        Http.Caller asAdmin = Population.admin(client);
        World.onboard(asAdmin, code, "en").expect("onboarding " + code, 201);
        String english = code + ".lang.en";
        String french = code + ".lang.fr";
        for (String user : List.of(english, french)) {
            World.addParticipant(asAdmin, code, Population.person(user, "CSO", user)).expect("adding " + user, 201);
        }
        Http.over(client).as(french, Population.PASSWORD).putJson("/api/profile/language", Http.json("language", "fr"),
                null).expect("French for " + french, 200);
        World.openCycle(asAdmin, code, 1, 50, LocalDate.now().plusMonths(9)).expect("opening " + code + "-1", 201);
        String businessKey = code.toUpperCase(Locale.ROOT) + "-1";
        String taskId = client.expect(200, client.get(admin, "/engine-rest/task?processInstanceBusinessKey=" + businessKey
                + "&taskDefinitionKey=Task_SubmitStakeholderReport"), "the task").json().get(0).path("id").asText();
        String filterId = roleFilter(Client.basic(english, Population.PASSWORD));

        String formPath = "/engine-rest/task/" + taskId + "/deployed-form";
        String inboxPath = "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15";
        check(Client.basic(french, Population.PASSWORD), formPath, inboxPath, "Titre du rapport des parties prenantes",
                "Soumettre le rapport des parties prenantes (" + businessKey + ")");
        check(Client.basic(english, Population.PASSWORD), formPath, inboxPath, "Title of the stakeholder report",
                "Submit the stakeholder report (" + businessKey + ")");

        for (int users : List.of(1, Math.min(8, scale.maxUsers()))) {
            alternating(FORM, users, Client.basic(english, Population.PASSWORD), Client.basic(french, Population.PASSWORD),
                    authorization -> client.get(authorization, formPath));
            alternating(INBOX, users, Client.basic(english, Population.PASSWORD), Client.basic(french, Population.PASSWORD),
                    authorization -> client.post(authorization, inboxPath, "{}", HAL));
        }
    }

    /**
     * English and French in turns: each operation of the load makes one call in each language, English first in
     * one operation and French first in the next, each call timed on its own; so both languages meet the same
     * moment of the machine (its warmth, the other sessions, the database's caches), and neither is always first.
     * A row per language (its median and 95th percentile; ops/s as its users would make them calling only in
     * that language: users / mean time of a call) and a ratio row (French / English of the medians and the means).
     */
    private void alternating(String channel, int users, String englishUser, String frenchUser,
            Function<String, Client.Answer> call) {
        long measuredFrom = scale.warmUpOps();
        Queue<Long> englishNanos = new ConcurrentLinkedQueue<>();
        Queue<Long> frenchNanos = new ConcurrentLinkedQueue<>();
        Figure both = Load.run(CASE, channel + ", English and French in turns", users, scale.warmUpOps(),
                scale.maxOps(), scale.maxTime(), cpu.meter(), (u, n) -> {
                    boolean englishFirst = n % 2 == 0;
                    for (boolean inEnglish : englishFirst ? new boolean[] {true, false} : new boolean[] {false, true}) {
                        long t0 = System.nanoTime();
                        client.expect(200, call.apply(inEnglish ? englishUser : frenchUser),
                                channel + (inEnglish ? " in English" : " in French"));
                        if (n >= measuredFrom) {
                            (inEnglish ? englishNanos : frenchNanos).add(System.nanoTime() - t0);
                        }
                    }
                    return true;
                });
        report.add(both);
        Figure inEnglish = language(channel + ", en", users, both.seconds(), englishNanos);
        Figure inFrench = language(channel + ", fr", users, both.seconds(), frenchNanos);
        report.add(inEnglish);
        report.add(inFrench);
        report.add(Figure.value(CASE, channel + ", French / English at " + users + " user(s)", String.format(Locale.ROOT,
                "median %.2f, mean %.2f (aim: <= 1.10 each; not judged on a loaded machine)",
                inFrench.medianMs() / inEnglish.medianMs(), mean(frenchNanos) / mean(englishNanos))));
    }

    private static Figure language(String channel, int users, double seconds, Queue<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Figure(CASE, channel, users, sorted.length, seconds, users / (mean(nanos) / 1e9),
                Load.percentile(sorted, 0.50), Load.percentile(sorted, 0.95), "in turns with the other language");
    }

    private static double mean(Queue<Long> nanos) {
        return nanos.stream().mapToLong(Long::longValue).average().orElse(Double.NaN);
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
