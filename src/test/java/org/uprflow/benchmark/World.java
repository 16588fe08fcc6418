package org.uprflow.benchmark;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The countries and people of a run, made through the platform's own API as an admin would:
 * 193 onboarded countries, and for the first {@code withPeople} of them a CSO member
 * ({@code <cc>.cso}) and a programme manager ({@code <cc>.pm}).
 */
final class World {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "bench-admin-secret";
    static final String PASSWORD = "bench-password-1";
    private static final int SETUP_USERS = 4;

    final List<String> countries;
    final int withPeople;

    private World(List<String> countries, int withPeople) {
        this.countries = countries;
        this.withPeople = withPeople;
    }

    /** The first {@code count} ISO 3166-1 alpha-2 codes in alphabetical order, lower case. */
    static List<String> isoCountries(int count) {
        return Arrays.stream(Locale.getISOCountries()).sorted().limit(count)
                .map(code -> code.toLowerCase(Locale.ROOT)).toList();
    }

    static World build(Client client, Report report, int countryCount, int withPeople) {
        World world = new World(isoCountries(countryCount), withPeople);
        String admin = Client.basic(ADMIN, ADMIN_PASSWORD);
        ConcurrentLinkedQueue<String> toOnboard = new ConcurrentLinkedQueue<>(world.countries);
        report.add(Load.run("setup", "REST: onboard a country (tenant, groups, filters)", SETUP_USERS, 0,
                countryCount, Duration.ofMinutes(10), (user, n) -> {
                    String code = toOnboard.poll();
                    if (code == null) {
                        return false;
                    }
                    client.expect(201, client.post(admin, "/api/countries", "{\"code\":\"" + code + "\"}"),
                            "onboarding " + code);
                    return true;
                }));
        ConcurrentLinkedQueue<String> toStaff = new ConcurrentLinkedQueue<>(world.countries.subList(0, withPeople));
        report.add(Load.run("setup", "REST: add a country's CSO and programme manager", SETUP_USERS, 0,
                withPeople, Duration.ofMinutes(10), (user, n) -> {
                    String code = toStaff.poll();
                    if (code == null) {
                        return false;
                    }
                    participant(client, admin, code, cso(code), "CSO");
                    participant(client, admin, code, manager(code), "PROGRAMME_MANAGER");
                    return true;
                }));
        return world;
    }

    private static void participant(Client client, String admin, String code, String userId, String role) {
        client.expect(201, client.post(admin, "/api/countries/" + code + "/participants", """
                {"userId":"%s","role":"%s","firstName":"Bench","lastName":"%s","email":"%s@example.org","password":"%s"}
                """.formatted(userId, role, userId, userId, PASSWORD)), "adding " + userId);
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
