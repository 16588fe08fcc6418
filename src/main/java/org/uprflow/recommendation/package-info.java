/**
 * The recommendations register of a country's cycle: the recommendations received (entered by
 * hand or imported from the files people have: CSV in any encoding and delimiter, UHRI .xlsx,
 * previewed and mapped before they are imported, see {@link org.uprflow.recommendation.RecommendationImports}),
 * the State's position on each, and the check that keeps the positions task open while any
 * position is missing. Its tables are {@code recommendation} and its child tables of themes,
 * affected groups and SDG targets, and {@code import_preview}.
 * {@link org.uprflow.recommendation.RecommendationRegister} is the way in.
 */
package org.uprflow.recommendation;
