/**
 * The shared kernel every feature module uses (ADR 0020): a country's code ({@link org.uprflow.shared.CountryCode}),
 * the versions a record's ETag carries ({@link org.uprflow.shared.Versions}), and the refusals every feature
 * answers alike: a record not found, an edit on a stale version, invalid input (they extend {@code web}'s
 * problem base types, as every feature's refusals do; {@code web} knows neither the features nor this kernel).
 * It depends on no feature; keep it small: a type belongs here only when several features need it and it names
 * no feature's concept.
 */
package org.uprflow.shared;
