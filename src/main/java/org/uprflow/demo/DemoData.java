package org.uprflow.demo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.uprflow.country.CountryDirectory;
import org.uprflow.country.NewParticipant;
import org.uprflow.country.ParticipantRole;
import org.uprflow.cycle.ReviewAndPositionsProcess;
import org.uprflow.cycle.UprCycleProcess;
import org.uprflow.matrix.ImplementationMatrix;
import org.uprflow.matrix.MatrixEntryFields;
import org.uprflow.recommendation.ImplementationStatus;
import org.uprflow.recommendation.RecommendationRegister;
import org.uprflow.security.PlatformUser;
import org.uprflow.shared.CountryCode;

/**
 * The countries of the product's story, each with a CSO, a government and an NHRI user, one
 * programme manager for all four, and each country's fourth cycle standing at a different phase:
 * Malawi at its pre-session, Armenia at the positions, Kenya at day 1 of its coordination meeting,
 * Mongolia in implementation monitoring. Each country is written in one transaction and only once, so a
 * restart of the embedded default keeps what users did with it.
 */
@Component
@ConditionalOnProperty(name = "uprflow.demo.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

    static final String PASSWORD = "demo";
    static final String MANAGER = "manager";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final PlatformUser DEMO = PlatformUser.system("demo-data");

    private record Person(String userId, ParticipantRole role, String firstName, String lastName) {
    }

    /** Where a demo country stands: its review date relative to today and the task waiting for its people. */
    private record DemoCountry(String code, List<Person> people, int reviewMonthsFromToday, String waitingAt) {
    }

    private static final List<DemoCountry> COUNTRIES = List.of(
            new DemoCountry("KE", List.of(
                    new Person("ke.cso", ParticipantRole.CSO, "Amina", "Wanjiru"),
                    new Person("ke.gov", ParticipantRole.GOVERNMENT, "David", "Otieno"),
                    new Person("ke.nhri", ParticipantRole.NHRI, "Grace", "Mutua")),
                    -5, "Task_HoldCsoFollowUpWorkshop"),
            new DemoCountry("AM", List.of(
                    new Person("am.cso", ParticipantRole.CSO, "Ani", "Petrosyan"),
                    new Person("am.gov", ParticipantRole.GOVERNMENT, "Armen", "Hakobyan"),
                    new Person("am.nhri", ParticipantRole.NHRI, "Lilit", "Sargsyan")),
                    -1, "Task_RecordPositions"),
            new DemoCountry("MN", List.of(
                    new Person("mn.cso", ParticipantRole.CSO, "Oyunaa", "Batbayar"),
                    new Person("mn.gov", ParticipantRole.GOVERNMENT, "Bold", "Erdenebat"),
                    new Person("mn.nhri", ParticipantRole.NHRI, "Saraa", "Dorj")),
                    -13, "Task_ReportProgress"),
            new DemoCountry("MW", List.of(
                    new Person("mw.cso", ParticipantRole.CSO, "Chikondi", "Banda"),
                    new Person("mw.gov", ParticipantRole.GOVERNMENT, "Kondwani", "Phiri"),
                    new Person("mw.nhri", ParticipantRole.NHRI, "Thoko", "Mwale")),
                    8, "Task_SubmitStakeholderReport"));

    private static final Person PROGRAMME_MANAGER =
            new Person(MANAGER, ParticipantRole.PROGRAMME_MANAGER, "Marie", "Dupont");

    private final CountryDirectory directory;
    private final DemoCycles cycles;
    private final TransactionTemplate transaction;
    private final RecommendationRegister register;
    private final ImplementationMatrix matrix;
    private final Clock clock;

    DemoData(CountryDirectory directory, DemoCycles cycles, PlatformTransactionManager transactionManager,
            RecommendationRegister register, ImplementationMatrix matrix, Clock clock) {
        this.clock = clock;
        this.directory = directory;
        this.cycles = cycles;
        this.register = register;
        this.matrix = matrix;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @Override
    public void run(ApplicationArguments args) {
        Set<String> created = new HashSet<>();
        for (DemoCountry country : COUNTRIES) {
            CountryCode code = CountryCode.of(country.code());
            if (directory.isOnboarded(code)) {
                created.add(MANAGER);
                continue;
            }
            transaction.executeWithoutResult(status -> {
                directory.onboard(code, DEMO);
                for (Person person : country.people()) {
                    add(code, person, created);
                }
                add(code, PROGRAMME_MANAGER, created);
                cycles.openAndAdvance(code, 4, 48, LocalDate.now(clock).plusMonths(country.reviewMonthsFromToday()),
                        country.waitingAt(), DEMO, task -> beforeTask(code, task));
            });
            log.info("Demo country {} onboarded with its logins (password '{}'), cycle {}-4 waiting at {}",
                    code.upperCase(), PASSWORD, code.upperCase(), country.waitingAt());
        }
    }

    /**
     * The data each task is about, put in place before the task completes, as the country's people
     * would on the pages: the register before <em>Register the recommendations</em> (Kenya's sample
     * file; the other countries the same recommendations addressed to them, Armenia's without
     * positions, as its government is recording them) and the CSOs' draft matrix before the CSO
     * workshop's task.
     */
    private void beforeTask(CountryCode code, String task) {
        if (ReviewAndPositionsProcess.REGISTER_RECOMMENDATIONS.equals(task)) {
            importSampleRecommendations(code);
        } else if (UprCycleProcess.DRAFT_IMPLEMENTATION_PLAN.equals(task)) {
            draftMatrix(code);
        }
    }

    private void importSampleRecommendations(CountryCode code) {
        String sample;
        try (InputStream in = new ClassPathResource("samples/kenya-cycle-4-recommendations.csv").getInputStream()) {
            sample = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!code.value().equals("ke")) {
            String name = code.displayName(Locale.ENGLISH);
            sample = sample.replace(",Kenya,Supported,", code.value().equals("am") ? "," + name + ",," : "," + name + ",Supported,")
                    .replace(",Kenya,Noted,", code.value().equals("am") ? "," + name + ",," : "," + name + ",Noted,");
        }
        register.importCsv(code, 4, new ByteArrayInputStream(sample.getBytes(StandardCharsets.UTF_8)), DEMO);
    }

    /**
     * The draft the CSOs brought from their workshop, four clusters of the sample's recommendations
     * (Kenya then stands at day 1 of its coordination meeting, where they update it).
     */
    private void draftMatrix(CountryCode code) {
        PlatformUser cso = new PlatformUser(code.value() + ".cso", Set.of(code.value() + "-cso"), Set.of(code.value()), Set.of());
        List<MatrixEntryFields> rows = List.of(
                row("Violence against women and girls", "A law against all forms of gender-based violence, funded",
                        "Draft the bill with the State Law Office; cost the shelters and hotlines",
                        "Bill tabled; budget line for shelters", "Ministry of Gender and Affirmative Action",
                        "2026-2027", ImplementationStatus.IN_PROCESS, 1, 3, 20, 36),
                row("Torture and detention", "No torture in custody, and independent monitoring of places of detention",
                        "Prevention of Torture Act regulations; training of police commanders",
                        "Complaints to IPOA investigated within 90 days", "National Police Service",
                        "2026-2028", ImplementationStatus.NOT_STARTED, 5, 6, 7, 11, 33),
                row("Human rights defenders and civic space", "Defenders work without reprisals",
                        "A protection policy for defenders, adopted with civil society",
                        "Cases of reprisals documented and followed up", "Office of the Attorney General",
                        "2026-2027", ImplementationStatus.LITTLE_OR_NO_ACTION, 13, 14, 29),
                row("Education for every child", "Every child in school, including children with disabilities",
                        "Bursaries for girls in arid counties; inclusive classrooms",
                        "Transition rate to secondary school by county", "Ministry of Education",
                        "2026-2029", ImplementationStatus.PARTIALLY_IMPLEMENTED, 18, 19, 30));
        for (MatrixEntryFields fields : rows) {
            matrix.addEntry(code, 4, fields, cso);
        }
    }

    private static MatrixEntryFields row(String cluster, String goal, String actions, String indicators,
            String institution, String timeline, ImplementationStatus status, Integer... numbers) {
        return new MatrixEntryFields(cluster, goal, actions, indicators, institution, timeline, status, List.of(),
                List.of(numbers));
    }

    private void add(CountryCode code, Person person, Set<String> created) {
        boolean isNew = created.add(person.userId());
        directory.addDemoParticipant(code, isNew
                ? new NewParticipant(person.userId(), person.role(), person.firstName(), person.lastName(),
                        person.userId() + "@demo.upr-flow.org", PASSWORD)
                : new NewParticipant(person.userId(), person.role(), null, null, null, null), DEMO);
    }
}
