package org.uprflow.benchmark;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A CSV file of recommendations in the columns public UPR data uses, made up but shaped like the
 * real thing: texts of 100–300 characters (some French and Spanish, some naming places in
 * non-Latin scripts), recommending States with accents, one to three of 24 themes, positions about
 * 60 % supported, 30 % noted, 10 % none yet. The same seed gives the same file.
 */
public final class RecommendationFile {

    static final List<String> THEMES = List.of("Women's rights", "Rights of the child", "Torture and other CID treatment",
            "Freedom of expression", "Freedom of association and peaceful assembly", "Right to education",
            "Right to health", "Justice and fair trial", "Death penalty", "Human rights defenders",
            "Migrants and refugees", "Indigenous peoples", "Persons with disabilities", "Racial discrimination",
            "Sexual orientation and gender identity", "Trafficking in persons", "Environment and climate",
            "International instruments", "National human rights institution", "Labour rights", "Right to water",
            "Corruption", "Business and human rights", "Elections and political participation");
    static final List<String> GROUPS = List.of("Women and girls", "Children", "Persons with disabilities",
            "Migrants", "Indigenous peoples", "Persons deprived of their liberty", "Human rights defenders",
            "Journalists", "LGBTI persons", "Older persons");
    private static final List<String> STATES = List.of("Côte d'Ivoire", "Türkiye", "São Tomé and Príncipe",
            "Iceland", "Belgium", "Denmark", "Brazil", "México", "Japan", "Republic of Korea", "Sénégal", "Norway",
            "Perú", "Chile", "Canada", "France", "Germany", "Timor-Leste", "Costa Rica", "Ecuador", "Ghana", "Tunisia",
            "Botswana", "Fiji", "Uruguay", "Nepal", "Viet Nam", "Paraguay", "Portugal", "Spain");
    private static final List<String> VERBS = List.of("Adopt", "Strengthen", "Ensure", "Take measures to",
            "Continue efforts to", "Consider", "Ratify and implement", "Establish");
    private static final List<String> OBJECTS = List.of(
            "a comprehensive law against all forms of discrimination, including in employment and access to services",
            "the independence and resources of the national human rights institution in line with the Paris Principles",
            "access to justice for victims of gender-based violence, including in rural areas and refugee camps",
            "the protection of journalists and human rights defenders from threats, harassment and arbitrary detention",
            "free and compulsory primary education of quality for all children, with attention to girls' enrolment",
            "prompt, impartial investigations into all allegations of torture and ill-treatment by law enforcement",
            "la pleine participation des femmes à la vie politique et publique, y compris aux postes de décision",
            "el acceso universal a servicios de salud sexual y reproductiva, en particular para adolescentes",
            "the right of minorities, including Russian speakers (русскоязычные) and Arabic speakers (الناطقون بالعربية), "
                    + "to use their languages before the courts",
            "safe drinking water and sanitation for informal settlements, including those named in 联合国 reports");

    private RecommendationFile() {
    }

    /** The file for {@code stateUnderReview}'s cycle {@code cycle}: a header and {@code rows} rows. */
    static byte[] csv(String stateUnderReview, int cycle, int rows, long seed) {
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder(rows * 360);
        csv.append("Recommendation,Recommending State,State under review,Response,Issues,Affected groups,SDG targets,"
                + "Cycle,Session,Action category,Source reference\n");
        for (int i = 1; i <= rows; i++) {
            String text = text(random, i);
            int p = random.nextInt(10);
            String position = p < 6 ? "Supported" : p < 9 ? "Noted" : "";
            csv.append(quoted(text)).append(',').append(quoted(STATES.get(random.nextInt(STATES.size())))).append(',')
                    .append(stateUnderReview).append(',').append(position).append(',')
                    .append(quoted(String.join("; ", pick(random, THEMES, 1 + random.nextInt(3))))).append(',')
                    .append(quoted(String.join("; ", pick(random, GROUPS, random.nextInt(2))))).append(',')
                    .append(String.format(Locale.ROOT, "%d.%d", 1 + random.nextInt(17), 1 + random.nextInt(9))).append(',')
                    .append(cycle).append(',').append(40 + cycle).append(',').append(1 + random.nextInt(5)).append(',')
                    .append(quoted("A/HRC/" + (40 + cycle) + "/" + (10 + random.nextInt(90)) + ", para. 140." + i))
                    .append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The text of the {@code i}th recommendation: 100-300 characters, some French, Spanish, Cyrillic, Arabic, Chinese. */
    public static String text(Random random, int i) {
        return VERBS.get(random.nextInt(VERBS.size())) + " " + OBJECTS.get(random.nextInt(OBJECTS.size()))
                + (random.nextBoolean() ? ", and report on the measures taken by the next review" : "")
                // Every recommendation of a review is its own: the import refuses a file that repeats one.
                + " (recommendation " + i + " of the review)";
    }

    /** A sentence of about {@code clauses} × 90 characters, as people write them in a matrix or a note. */
    public static String sentence(String subject, int n, int clauses) {
        StringBuilder text = new StringBuilder(subject).append(' ').append(n).append(':');
        for (int i = 0; i < clauses; i++) {
            text.append(" the ministry reported on measure ").append(i + 1)
                    .append(", with figures by region, and civil society checked them in the field;");
        }
        return text.toString();
    }

    static List<String> pick(Random random, List<String> values, int count) {
        List<String> left = new ArrayList<>(values);
        List<String> picked = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            picked.add(left.remove(random.nextInt(left.size())));
        }
        return picked;
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
