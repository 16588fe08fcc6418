package org.uprflow.recommendation;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Text folded for comparing and searching: lower case, accents removed, every apostrophe style
 * written as {@code '}, runs of white space as one space. "Côte d’Ivoire" and "cote d'ivoire"
 * fold alike. Done in Java and stored beside the text, so that the embedded H2 and PostgreSQL
 * search the same way without PostgreSQL's unaccent extension.
 */
final class Folding {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    /** Right and left single quotes, modifier letter apostrophe, grave and acute accents, prime, fullwidth. */
    private static final Pattern APOSTROPHES = Pattern.compile("[\u2019\u2018\u02bc\u0060\u00b4\u2032\u02b9\uff07]");
    private static final Pattern SPACES = Pattern.compile("(?U)\\s+");

    private Folding() {
    }

    static String fold(String text) {
        if (text == null) {
            return null;
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        String folded = MARKS.matcher(decomposed).replaceAll("");
        folded = APOSTROPHES.matcher(folded).replaceAll("'");
        return SPACES.matcher(folded.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }
}
