package org.uprflow.language;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whose language is what: a person's own choice (their profile), else the working language of
 * their countries when those agree (a programme manager of French- and Spanish-speaking countries
 * has none), else nothing and the browser decides. Reads {@code country.language}, which the
 * country feature writes at onboarding.
 */
@Service
public class UserLanguages {

    private final JdbcClient jdbc;
    private final Languages languages;

    UserLanguages(JdbcClient jdbc, Languages languages) {
        this.jdbc = jdbc;
        this.languages = languages;
    }

    public Optional<String> chosen(String userId) {
        return jdbc.sql("select language from user_language where user_id = ?").param(userId)
                .query(String.class).optional().filter(languages.offered()::contains);
    }

    /** The own choices of several people in one query; who made none is absent. */
    public Map<String, String> chosen(Collection<String> userIds) {
        Map<String, String> chosen = new HashMap<>();
        if (!userIds.isEmpty()) {
            jdbc.sql("select user_id, language from user_language where user_id in (:ids)").param("ids", userIds)
                    .query((rs, row) -> chosen.put(rs.getString(1), rs.getString(2))).list();
            chosen.values().removeIf(language -> !languages.offered().contains(language));
        }
        return chosen;
    }

    @Transactional
    public void choose(String userId, String language) {
        if (jdbc.sql("update user_language set language = ? where user_id = ?").params(language, userId).update() == 0) {
            jdbc.sql("insert into user_language (user_id, language) values (?, ?)").params(userId, language).update();
        }
    }

    public void forget(String userId) {
        jdbc.sql("delete from user_language where user_id = ?").param(userId).update();
    }

    /** The one working language of these countries (tenant ids or codes, either case), if they share one. */
    public Optional<String> ofCountries(Collection<String> countryCodes) {
        if (countryCodes.isEmpty()) {
            return Optional.empty();
        }
        List<String> codes = countryCodes.stream().map(code -> code.toLowerCase(Locale.ROOT)).distinct().toList();
        List<String> spoken = jdbc.sql("select distinct language from country where code in (:codes)")
                .param("codes", codes).query(String.class).list();
        return spoken.size() == 1 ? Optional.of(spoken.get(0)).filter(languages.offered()::contains) : Optional.empty();
    }

    /** A person's own choice and their countries' shared working language, each if there is one. */
    public record Known(Optional<String> chosen, Optional<String> ofCountries) {
    }

    /**
     * {@link #chosen} and {@link #ofCountries} in one statement, for the language of a request: one round trip to the
     * database instead of two for every answer that shows text (docs/benchmarks.md, the inbox).
     */
    public Known known(String userId, Collection<String> countryCodes) {
        List<String> codes = countryCodes.stream().map(code -> code.toLowerCase(Locale.ROOT)).distinct().toList();
        // kind 1: the person's choice, 2: a language of their countries
        String sql = "select 1 as kind, language from user_language where user_id = :user"
                + (codes.isEmpty() ? "" : " union all select distinct 2 as kind, language from country where code in (:codes)");
        StatementSpec statement = jdbc.sql(sql).param("user", userId);
        if (!codes.isEmpty()) {
            statement = statement.param("codes", codes);
        }
        List<String> chosen = new ArrayList<>();
        List<String> spoken = new ArrayList<>();
        statement.query((row, i) -> (row.getInt(1) == 1 ? chosen : spoken).add(row.getString(2))).list();
        return new Known(chosen.stream().findFirst().filter(languages.offered()::contains),
                spoken.size() == 1 ? Optional.of(spoken.get(0)).filter(languages.offered()::contains) : Optional.empty());
    }

    /** The person's language: their choice, else their countries'; empty when the browser must decide. */
    public Optional<String> of(String userId, Collection<String> countryCodes) {
        return chosen(userId).or(() -> ofCountries(countryCodes));
    }
}
