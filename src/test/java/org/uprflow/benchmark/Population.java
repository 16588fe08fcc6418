package org.uprflow.benchmark;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.uprflow.testing.Client;
import org.uprflow.testing.Http;
import org.uprflow.testing.World;

/**
 * The countries and people of a run, made through the platform's own API as an admin would
 * (the tests' fixture kit, {@link World}, over the run's one {@link Client}): 193 onboarded
 * countries, and for the first {@code withPeople} of them a CSO member ({@code <cc>.cso}) and a
 * programme manager ({@code <cc>.pm}).
 */
final class Population {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "bench-admin-secret";
    static final String PASSWORD = "bench-password-1";
    private static final int SETUP_USERS = 4;

    final List<String> countries;
    final int withPeople;

    private Population(List<String> countries, int withPeople) {
        this.countries = countries;
        this.withPeople = withPeople;
    }

    /** The first {@code count} ISO 3166-1 alpha-2 codes in alphabetical order, lower case. */
    static List<String> isoCountries(int count) {
        return Arrays.stream(Locale.getISOCountries()).sorted().limit(count)
                .map(code -> code.toLowerCase(Locale.ROOT)).toList();
    }

    static Population build(Client client, Report report, int countryCount, int withPeople) {
        Population population = new Population(isoCountries(countryCount), withPeople);
        Http.Caller admin = admin(client);
        ConcurrentLinkedQueue<String> toOnboard = new ConcurrentLinkedQueue<>(population.countries);
        report.add(Load.run("setup", "REST: onboard a country (tenant, groups, filters)", SETUP_USERS, 0,
                countryCount, Duration.ofMinutes(10), (user, n) -> {
                    String code = toOnboard.poll();
                    if (code == null) {
                        return false;
                    }
                    World.onboard(admin, code).expect("onboarding " + code, 201);
                    return true;
                }));
        ConcurrentLinkedQueue<String> toStaff = new ConcurrentLinkedQueue<>(population.countries.subList(0, withPeople));
        report.add(Load.run("setup", "REST: add a country's CSO and programme manager", SETUP_USERS, 0,
                withPeople, Duration.ofMinutes(10), (user, n) -> {
                    String code = toStaff.poll();
                    if (code == null) {
                        return false;
                    }
                    participant(admin, code, cso(code), "CSO");
                    participant(admin, code, manager(code), "PROGRAMME_MANAGER");
                    return true;
                }));
        return population;
    }

    /** The run's admin, sending through the run's client. */
    static Http.Caller admin(Client client) {
        return Http.over(client).as(ADMIN, ADMIN_PASSWORD);
    }

    /** A person of the run: the benchmark's password, an address at example.org. */
    static World.Person person(String userId, String role, String lastName) {
        return World.Person.of(userId, role, "Bench", lastName).withPassword(PASSWORD);
    }

    private static void participant(Http.Caller admin, String code, String userId, String role) {
        World.addParticipant(admin, code, person(userId, role, userId)).expect("adding " + userId, 201);
    }

    static String cso(String code) {
        return code + ".cso";
    }

    static String manager(String code) {
        return code + ".pm";
    }

    List<String> staffed() {
        return countries.subList(0, withPeople);
    }
}
