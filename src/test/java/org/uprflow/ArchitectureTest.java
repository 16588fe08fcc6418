package org.uprflow;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The boundaries of the house style, checked so that they cannot rot. */
class ArchitectureTest {

    /**
     * The classes that adapt the engine. A move to a Camunda 7 fork touches these and the
     * delegates and listeners of the processes, nothing else.
     */
    private static final Set<String> ENGINE_ADAPTERS = Set.of(
            "org.uprflow.country.CountryProvisioning",
            "org.uprflow.cycle.CountryVariantDeployer",
            "org.uprflow.cycle.CycleLauncher",
            "org.uprflow.cycle.CycleSteps",
            "org.uprflow.cycle.internal.PhaseVariants",
            "org.uprflow.demo.DemoCycles",
            "org.uprflow.notification.NoticeEngineQueries",
            "org.uprflow.notification.NotificationEnginePlugin",
            "org.uprflow.report.CycleHistory",
            "org.uprflow.security.EngineIdentityAuthenticationProvider",
            "org.uprflow.security.WebappSessionAuthenticationFilter",
            "org.uprflow.task.TaskInbox");

    private static JavaClasses platform;

    @BeforeAll
    static void importPlatform() {
        platform = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.uprflow");
    }

    @Test
    void onlyTheEngineAdaptersImportTheEngine() {
        noClasses().that().resideOutsideOfPackage("org.uprflow.engine..")
                .and().haveSimpleNameNotEndingWith("Delegate")
                .and().haveSimpleNameNotEndingWith("Listener")
                .and(DescribedPredicate.describe("are no engine adapter",
                        (JavaClass javaClass) -> !ENGINE_ADAPTERS.contains(javaClass.getName())))
                .should().dependOnClassesThat().resideInAPackage("org.camunda.bpm..")
                .because("engine imports stay in the classes that adapt the engine (house style)")
                .check(platform);
    }

    @Test
    void featurePackagesDoNotDependOnEachOtherInCircles() {
        slices().matching("org.uprflow.(*)..").should().beFreeOfCycles().check(platform);
    }

    @Test
    void theEngineAdapterPackageKnowsNoFeature() {
        noClasses().that().resideInAPackage("org.uprflow.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("org.uprflow.country..", "org.uprflow.cycle..",
                        "org.uprflow.demo..", "org.uprflow.task..", "org.uprflow.web..", "org.uprflow.security..")
                .check(platform);
    }
}
