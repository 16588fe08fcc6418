package org.uprflow.cycle;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys a country's own variants of phases ({@code processes/<country>/*.bpmn|dmn|form}) with
 * that country's tenant id, so that {@link PhaseVariants} finds them for that country only. The
 * shared definitions (top of {@code processes/}) are deployed without tenant by the Camunda
 * starter. Unchanged files are not deployed again (duplicate filtering), so every node may run this
 * at start.
 */
@Component
class CountryVariantDeployer {

    private static final Logger log = LoggerFactory.getLogger(CountryVariantDeployer.class);
    private static final Pattern COUNTRY_FOLDER = Pattern.compile(".*/([a-z]{2})/([^/]+\\.(bpmn|dmn|form))$");

    private final RepositoryService repositoryService;
    private final String location;

    CountryVariantDeployer(RepositoryService repositoryService,
            @Value("${uprflow.country-variants:classpath*:processes/*/*.*}") String location) {
        this.repositoryService = repositoryService;
        this.location = location;
    }

    @EventListener(ApplicationStartedEvent.class)
    void deployCountryVariants() {
        Map<String, Map<String, Resource>> byCountry = new TreeMap<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(location)) {
                Matcher matcher = COUNTRY_FOLDER.matcher(resource.getURL().toString());
                if (matcher.matches()) {
                    byCountry.computeIfAbsent(matcher.group(1), country -> new TreeMap<>()).put(matcher.group(2), resource);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the country variants at " + location, e);
        }
        byCountry.forEach(this::deploy);
    }

    private void deploy(String country, Map<String, Resource> files) {
        DeploymentBuilder deployment = repositoryService.createDeployment().name("upr-flow-" + country)
                .tenantId(country).enableDuplicateFiltering(true).source("processes/" + country);
        files.forEach((name, resource) -> {
            try (InputStream in = resource.getInputStream()) {
                deployment.addInputStream(name, new ByteArrayInputStream(in.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + resource, e);
            }
        });
        deployment.deploy();
        log.info("Country variants of {} deployed: {}", country.toUpperCase(), files.keySet());
    }
}
