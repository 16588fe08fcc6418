package org.uprflow.notification;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.uprflow.language.UserLanguages;

/**
 * Each person's choice (delivery, language, categories unsubscribed), the secrets of their
 * unsubscribe links and each country's reminder setting. A person who never chose gets
 * everything immediately, in their own language (their profile's, else the country's, else English).
 */
@Repository
class Preferences {

    static final String DEFAULT_LANGUAGE = "en";
    /** The most days before the due date a country may set for its reminder. */
    static final int MOST_REMINDER_DAYS = 90;
    static final Set<String> LANGUAGES = Set.of("en", "fr", "es");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final UserLanguages userLanguages;

    Preferences(JdbcClient jdbc, UserLanguages userLanguages) {
        this.jdbc = jdbc;
        this.userLanguages = userLanguages;
    }

    record Choice(Delivery delivery, String language, Set<NoticeCategory> unsubscribed) {

        static final Choice DEFAULT = new Choice(Delivery.IMMEDIATE, DEFAULT_LANGUAGE, Set.of());

        boolean wants(NoticeCategory category) {
            return delivery.wants(category) && !unsubscribed.contains(category);
        }
    }

    /** A person's own choice, English for who never chose. */
    Choice of(String userId) {
        Choice choice = read(List.of(userId)).get(userId);
        return choice.language() != null ? choice : new Choice(choice.delivery(), DEFAULT_LANGUAGE, choice.unsubscribed());
    }

    /**
     * The choices of people told of something of a country (a task's whole role group), in three or
     * four queries whatever their number: who chose no language for their notices gets their own
     * language, else the country's working language, else English.
     */
    Map<String, Choice> of(Collection<String> userIds, String countryCode) {
        Map<String, Choice> choices = read(userIds);
        List<String> withoutChoice = choices.entrySet().stream().filter(e -> e.getValue().language() == null)
                .map(Map.Entry::getKey).toList();
        if (withoutChoice.isEmpty()) {
            return choices;
        }
        Map<String, String> own = userLanguages.chosen(withoutChoice);
        Optional<String> country = own.size() == withoutChoice.size() ? Optional.empty()
                : userLanguages.ofCountries(List.of(countryCode));
        for (String userId : withoutChoice) {
            Choice choice = choices.get(userId);
            String language = Optional.ofNullable(own.get(userId)).or(() -> country).orElse(DEFAULT_LANGUAGE);
            choices.put(userId, new Choice(choice.delivery(), language, choice.unsubscribed()));
        }
        return choices;
    }

    /** The choices of several people in two queries; the language is null for who never chose. */
    private Map<String, Choice> read(Collection<String> userIds) {
        Map<String, Choice> choices = new HashMap<>();
        if (userIds.isEmpty()) {
            return choices;
        }
        Map<String, Set<NoticeCategory>> unsubscribed = new HashMap<>();
        jdbc.sql("select user_id, category from notification_unsubscribe where user_id in (:ids)")
                .param("ids", userIds)
                .query((rs, row) -> unsubscribed.computeIfAbsent(rs.getString(1), id -> new HashSet<>())
                        .add(NoticeCategory.valueOf(rs.getString(2))))
                .list();
        jdbc.sql("select user_id, delivery, language from notification_preference where user_id in (:ids)")
                .param("ids", userIds)
                .query((rs, row) -> choices.put(rs.getString(1), new Choice(Delivery.valueOf(rs.getString(2)),
                        rs.getString(3), Set.copyOf(unsubscribed.getOrDefault(rs.getString(1), Set.of())))))
                .list();
        for (String userId : userIds) {
            choices.computeIfAbsent(userId, id -> new Choice(Delivery.IMMEDIATE, null,
                    Set.copyOf(unsubscribed.getOrDefault(id, Set.of()))));
        }
        return choices;
    }

    void save(String userId, Delivery delivery, String language, Set<NoticeCategory> unsubscribed) {
        if (jdbc.sql("update notification_preference set delivery = ?, language = ? where user_id = ?")
                .params(delivery.name(), language, userId).update() == 0) {
            jdbc.sql("insert into notification_preference (user_id, delivery, language) values (?, ?, ?)")
                    .params(userId, delivery.name(), language).update();
        }
        jdbc.sql("delete from notification_unsubscribe where user_id = ?").param(userId).update();
        for (NoticeCategory category : unsubscribed) {
            unsubscribe(userId, category);
        }
    }

    void unsubscribe(String userId, NoticeCategory category) {
        try {
            jdbc.sql("insert into notification_unsubscribe (user_id, category) select ?, ? where not exists "
                    + "(select 1 from notification_unsubscribe where user_id = ? and category = ?)")
                    .params(userId, category.name(), userId, category.name()).update();
        } catch (DuplicateKeyException clickedTwiceAtOnce) {
            // the other click did it
        }
    }

    /** The secret of the person's unsubscribe link for the category, made on first use. */
    String token(String userId, NoticeCategory category) {
        Optional<String> existing = findToken(userId, category);
        if (existing.isPresent()) {
            return existing.get();
        }
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        try {
            jdbc.sql("insert into notification_token (token, user_id, category) values (?, ?, ?)")
                    .params(token, userId, category.name()).update();
            return token;
        } catch (DuplicateKeyException madeByAnotherNode) {
            return findToken(userId, category).orElseThrow(() -> madeByAnotherNode);
        }
    }

    record TokenOwner(String userId, NoticeCategory category) {
    }

    Optional<TokenOwner> ownerOf(String token) {
        return jdbc.sql("select user_id, category from notification_token where token = ?").param(token)
                .query((rs, row) -> new TokenOwner(rs.getString(1), NoticeCategory.valueOf(rs.getString(2))))
                .optional();
    }

    private Optional<String> findToken(String userId, NoticeCategory category) {
        return jdbc.sql("select token from notification_token where user_id = ? and category = ?")
                .params(userId, category.name()).query(String.class).optional();
    }

    int reminderDays(String countryCode, int defaultDays) {
        return jdbc.sql("select reminder_days from notification_country_setting where country_code = ?")
                .param(countryCode).query(Integer.class).optional().orElse(defaultDays);
    }

    /** The countries that set their own reminder days. */
    Map<String, Integer> reminderDaysByCountry() {
        Map<String, Integer> days = new HashMap<>();
        jdbc.sql("select country_code, reminder_days from notification_country_setting")
                .query((rs, row) -> days.put(rs.getString(1), rs.getInt(2))).list();
        return days;
    }

    void setReminderDays(String countryCode, int days) {
        if (jdbc.sql("update notification_country_setting set reminder_days = ? where country_code = ?")
                .params(days, countryCode).update() == 0) {
            jdbc.sql("insert into notification_country_setting (country_code, reminder_days) values (?, ?)")
                    .params(countryCode, days).update();
        }
    }
}
