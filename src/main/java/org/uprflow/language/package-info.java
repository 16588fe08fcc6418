/**
 * The platform's languages (issue 12): which exist (one configured list, each with its bundles),
 * each country's working language, each person's own choice, and the one rule that picks the
 * language of a request: the person's choice, else their countries' language, else the browser's.
 * Also the texts of what the engine shows (task, process and filter names, Camunda Forms) and of
 * Tasklist itself, from bundles under {@code i18n/}.
 */
package org.uprflow.language;
