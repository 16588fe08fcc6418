package org.uprflow.recommendation;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Runs {@link RecommendationImports}' deletion of expired previews. Every node runs it; the
 * delete is idempotent, so no node needs to be the one.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ImportPreviewExpiry {
}
