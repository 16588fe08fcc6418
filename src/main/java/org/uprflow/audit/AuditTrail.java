package org.uprflow.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.uprflow.country.CountryDirectory;
import org.uprflow.country.ParticipantRole;
import org.uprflow.security.PlatformUser;
import org.uprflow.shared.CountryCode;

/** The {@code audit_event} table. Recording joins the caller's transaction: no change without its trace. */
@Service
public class AuditTrail {

    public static final int MAX_PAGE_SIZE = 200;
    /** {@code audit_event.detail}'s length: a longer detail is cut, ending with {@link #ELLIPSIS}. */
    private static final int MAX_DETAIL = 2000;
    private static final String ELLIPSIS = "...";

    private final JdbcClient jdbc;
    private final CountryDirectory countries;
    private final Clock clock;

    AuditTrail(JdbcClient jdbc, CountryDirectory countries, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.countries = countries;
    }

    public void record(CountryCode country, Integer cycleNumber, PlatformUser actor, AuditAction action, Object subject,
            String detail) {
        jdbc.sql("insert into audit_event (country_code, cycle_number, occurred_at, actor, action, subject, detail) "
                + "values (?, ?, ?, ?, ?, ?, ?)")
                .params(country.value(), cycleNumber, OffsetDateTime.now(clock), actor.userId(), action.name(),
                        subject == null ? null : subject.toString(), abbreviate(detail))
                .update();
    }

    /** Newest first; the country's programme managers and admins only (403), other countries 404. */
    public List<AuditEvent> read(CountryCode country, Integer cycleNumber, int page, int size, PlatformUser caller) {
        countries.find(country, caller);
        ParticipantRole.requireAny(caller, country, ParticipantRole.PROGRAMME_MANAGER);
        int limit = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        JdbcClient.StatementSpec query = jdbc.sql("select id, country_code, cycle_number, occurred_at, actor, action, "
                + "subject, detail from audit_event where country_code = :country"
                + (cycleNumber == null ? "" : " and cycle_number = :cycle")
                + " order by occurred_at desc, id desc limit :limit offset :offset")
                .param("country", country.value());
        if (cycleNumber != null) {
            query = query.param("cycle", cycleNumber);
        }
        return query.param("limit", limit).param("offset", (long) Math.max(page, 0) * limit)
                .query(AuditTrail::map).list();
    }

    private static String abbreviate(String detail) {
        return detail == null || detail.length() <= MAX_DETAIL ? detail
                : detail.substring(0, MAX_DETAIL - ELLIPSIS.length()) + ELLIPSIS;
    }

    private static AuditEvent map(ResultSet rs, int row) throws SQLException {
        return new AuditEvent(rs.getLong("id"), rs.getString("country_code").toUpperCase(Locale.ROOT),
                (Integer) rs.getObject("cycle_number"), rs.getObject("occurred_at", OffsetDateTime.class),
                rs.getString("actor"), AuditAction.valueOf(rs.getString("action")), rs.getString("subject"), rs.getString("detail"));
    }
}
