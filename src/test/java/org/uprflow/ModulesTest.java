package org.uprflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The application modules (ADR 0020): each feature package is a module whose top-level package is its API;
 * verified without a Spring context, so that the boundaries cannot rot. The module documentation in
 * {@code docs/modules/} (component diagram, one diagram and one canvas per module) is what this code generates: the
 * test regenerates it into {@code target/modules-docs/} and compares it with the committed files, so they cannot rot;
 * after a change of the modules, {@code -Dmodules.docs.write=true} writes the new one into {@code docs/modules/}.
 */
class ModulesTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(UprFlowApplication.class);

    private static final Path COMMITTED = Path.of("docs", "modules");

    private static final Path GENERATED = Path.of("target", "modules-docs");

    @Test
    void everyModuleUsesOnlyTheApisOfOthersAndNoneDependOnEachOtherInCircles() {
        MODULES.verify();
    }

    @Test
    void theCommittedModuleDocumentationIsWhatTheCodeGenerates() throws IOException {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(GENERATED.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        if (Boolean.getBoolean("modules.docs.write")) {
            Files.createDirectories(COMMITTED);
            try (Stream<Path> old = Files.list(COMMITTED)) {
                old.forEach(ModulesTest::delete);
            }
            filesIn(GENERATED).keySet().forEach(name -> copy(GENERATED.resolve(name), COMMITTED.resolve(name)));
        }
        assertThat(filesIn(COMMITTED))
                .as("docs/modules/ is not what the modules generate: run ModulesTest with -Dmodules.docs.write=true")
                .isEqualTo(filesIn(GENERATED));
    }

    private static Map<String, String> filesIn(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (Stream<Path> paths = Files.list(folder)) {
            for (Path path : paths.toList()) {
                files.put(path.getFileName().toString(), sortedLines(Files.readString(path)));
            }
        }
        return files;
    }

    /**
     * The generator lists modules, components and relations in hash order, which differs from run to run; the
     * comparison is of the lines, whatever their order (the committed files keep one generated order).
     */
    private static String sortedLines(String text) {
        return text.lines().map(String::stripTrailing).sorted().collect(Collectors.joining("\n"));
    }

    private static void copy(Path from, Path to) {
        try {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
