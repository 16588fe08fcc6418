package org.uprflow.recommendation;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.uprflow.shared.CountryCode;

/**
 * The names a State under review goes by in the sources: its ISO codes ({@code KE}, {@code KEN}),
 * its names in the UN's and other common languages from the JDK ("Kenya", "Kenia"), and the UN's
 * official short names where they differ ("Iran (Islamic Republic of)", "Viet Nam"). Compared
 * folded, with a trailing bracket such as "(Islamic Republic of)" also left out.
 */
final class StateNames {

    private static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.FRENCH, Locale.forLanguageTag("es"),
            Locale.GERMAN, Locale.forLanguageTag("pt"), Locale.ITALIAN, Locale.forLanguageTag("ru"),
            Locale.forLanguageTag("ar"), Locale.CHINESE, Locale.forLanguageTag("nl"));

    /** UN names (and former names the older exports use) that the JDK's names do not cover. */
    private static final Map<String, List<String>> UN_NAMES = Map.ofEntries(
            Map.entry("TZ", List.of("United Republic of Tanzania")),
            Map.entry("KR", List.of("Republic of Korea", "Korea (Republic of)")),
            Map.entry("KP", List.of("Democratic People's Republic of Korea", "Korea (Democratic People's Republic of)")),
            Map.entry("RU", List.of("Russian Federation")),
            Map.entry("SY", List.of("Syrian Arab Republic")),
            Map.entry("LA", List.of("Lao People's Democratic Republic")),
            Map.entry("MD", List.of("Republic of Moldova", "Moldova (Republic of)")),
            Map.entry("VN", List.of("Viet Nam")),
            Map.entry("GB", List.of("United Kingdom of Great Britain and Northern Ireland", "UK")),
            Map.entry("US", List.of("United States of America", "USA")),
            Map.entry("PS", List.of("State of Palestine", "Palestine")),
            Map.entry("VA", List.of("Holy See")),
            Map.entry("CD", List.of("Democratic Republic of the Congo", "DR Congo", "Congo (Democratic Republic of the)")),
            Map.entry("CG", List.of("Congo", "Republic of the Congo")),
            Map.entry("BN", List.of("Brunei Darussalam")),
            Map.entry("CV", List.of("Cabo Verde")),
            Map.entry("TR", List.of("Turkey", "Türkiye")),
            Map.entry("CI", List.of("Côte d'Ivoire", "Ivory Coast")),
            Map.entry("SZ", List.of("Eswatini", "Swaziland")),
            Map.entry("MK", List.of("North Macedonia", "The former Yugoslav Republic of Macedonia")),
            Map.entry("CZ", List.of("Czechia", "Czech Republic")),
            Map.entry("NL", List.of("Netherlands (Kingdom of the)")),
            Map.entry("TL", List.of("Timor-Leste")),
            Map.entry("MM", List.of("Myanmar")),
            Map.entry("GM", List.of("Gambia", "The Gambia")),
            Map.entry("BS", List.of("Bahamas", "The Bahamas")));

    /** "Congo (Democratic Republic of the)" is not the Congo; "Korea (Republic of)" not either Korea. */
    private static final Set<String> AMBIGUOUS_WITHOUT_BRACKET = Set.of("congo", "korea");

    private final Set<String> names = new HashSet<>();

    StateNames(CountryCode country) {
        String alpha2 = country.upperCase();
        Locale region = new Locale("", alpha2);
        add(alpha2);
        add(region.getISO3Country());
        for (Locale language : LANGUAGES) {
            add(region.getDisplayCountry(language));
        }
        UN_NAMES.getOrDefault(alpha2, List.of()).forEach(this::add);
    }

    private void add(String name) {
        if (name != null && !name.isBlank()) {
            names.add(Folding.fold(name));
        }
    }

    /** Whether {@code name} names this State, in any of its spellings. */
    boolean matches(String name) {
        String folded = Folding.fold(name);
        if (names.contains(folded)) {
            return true;
        }
        String withoutBracket = withoutTrailingBracket(folded);
        return !AMBIGUOUS_WITHOUT_BRACKET.contains(withoutBracket) && names.contains(withoutBracket);
    }

    private static String withoutTrailingBracket(String name) {
        return name.replaceFirst("\\s*\\([^()]*\\)\\s*$", "").strip();
    }
}
