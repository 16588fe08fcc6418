package org.uprflow.recommendation;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a column of an import file can hold, with the header names the sources use: UPR Info's
 * database (older export {@code To,Text,From,Response,Action,Issue,Session}; current
 * {@code recommendation, response, action_category, issues, session}), OHCHR's Universal Human
 * Rights Index ({@code Text, Countries Concerned, Reccomending Body, UPR Reccomending States, UPR
 * Position, Themes, Affected Persons, Sdgs, Document Symbol, UPR Session} — the misspelling is
 * OHCHR's), and the names researchers write. Headers are compared folded (case, accents, {@code _}).
 * The API and the page name a field by {@link #key()}.
 */
enum ImportField {
    TEXT("text", "recommendation", "recommendation text", "recommendations", "text", "texte", "texto"),
    REFERENCE("reference", "paragraph", "paragraph number", "para", "para.", "para. no.", "reference",
            "recommendation number", "rec no", "rec. no.", "no.", "n°", "#", "number"),
    RECOMMENDING_STATES("recommendingStates", "from", "recommending state", "recommending states",
            "recommending country", "recommending countries", "recommending state(s)", "upr reccomending states",
            "upr recommending states"),
    STATE_UNDER_REVIEW("stateUnderReview", "to", "state under review", "sur", "state under review (sur)",
            "countries concerned", "country concerned", "country"),
    POSITION("position", "response", "position", "upr position", "response/position", "state response"),
    THEMES("themes", "issue", "issues", "themes", "theme", "issues/themes"),
    AFFECTED_PERSONS("affectedPersons", "affected persons", "affected groups", "groups"),
    SDG_TARGETS("sdgTargets", "sdgs", "sdg targets", "sdg", "sdg target"),
    CYCLE("cycle", "cycle", "upr cycle"),
    SESSION("session", "session", "upr session", "wg session"),
    ACTION_CATEGORY("actionCategory", "action category", "action"),
    SOURCE_REFERENCE("sourceReference", "source reference", "document symbol", "source", "document"),
    /** UHRI mixes treaty bodies' recommendations with the UPR's: only the UPR's are imported. */
    RECOMMENDING_BODY("recommendingBody", "reccomending body", "recommending body", "body");

    private final String key;
    private final List<String> headers;

    ImportField(String key, String... headers) {
        this.key = key;
        this.headers = List.of(headers);
    }

    String key() {
        return key;
    }

    static Optional<ImportField> ofHeader(String header) {
        String name = normalised(header);
        return Arrays.stream(values()).filter(field -> field.headers.contains(name)).findFirst();
    }

    static Optional<ImportField> ofKey(String key) {
        return Arrays.stream(values()).filter(field -> field.key.equalsIgnoreCase(key.strip())).findFirst();
    }

    static String normalised(String header) {
        String folded = Folding.fold(header == null ? "" : header.replace('_', ' '));
        return folded.toLowerCase(Locale.ROOT);
    }
}
