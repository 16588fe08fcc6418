package org.uprflow.recommendation;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;
import org.uprflow.audit.AuditAction;
import org.uprflow.audit.AuditTrail;
import org.uprflow.country.CountryDirectory;
import org.uprflow.country.ParticipantRole;
import org.uprflow.security.PlatformUser;
import org.uprflow.shared.CountryCode;

/**
 * Starts a new cycle's register from the previous cycle's recommendations that are still open,
 * each copy linked to the recommendation it continues ({@code recommendation_origin}). "Still
 * open": not fully implemented in the previous cycle's matrix, read the way the mid-term report
 * reads it (the latest final version, else the latest draft; a recommendation's status is the
 * least advanced of the rows covering it; one that no row covers is open). All or nothing, by the
 * country's programme managers, into an empty register only.
 */
@Service
class RegisterCarryOver {

    /** What a carry-over did: how many recommendations came from which cycle. */
    record CarriedOver(int carriedOver, String from) {
    }

    /** A carried recommendation and the one it continues. */
    record Origin(UUID id, UUID carriedFromId, int carriedFromCycle, int carriedFromNumber) {
    }

    private final CountryDirectory countries;
    private final RecommendationRepository recommendations;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final Clock clock;

    RegisterCarryOver(CountryDirectory countries, RecommendationRepository recommendations, AuditTrail audit,
            JdbcClient jdbc, Clock clock) {
        this.clock = clock;
        this.countries = countries;
        this.recommendations = recommendations;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    @Transactional
    public CarriedOver carryOver(CountryCode country, int cycle, PlatformUser caller) {
        countries.find(country, caller);
        ParticipantRole.requireAny(caller, country, RecommendationRegister.REGISTRARS);
        // the cycle's row, locked: two carry-overs (or a carry-over and an import) into one register wait in turn
        jdbc.sql("select cycle_number from cycle where country_code = ? and cycle_number = ? for update")
                .params(country.value(), cycle).query(Integer.class).list();
        Integer previous = jdbc.sql("select max(cycle_number) from cycle where country_code = ? and cycle_number < ?")
                .params(country.value(), cycle).query(Integer.class).optional().orElse(null);
        if (previous == null) {
            throw problem(HttpStatus.NOT_FOUND, "problem.carry-over.no-previous", country.upperCase() + "-" + cycle);
        }
        int already = jdbc.sql("select count(*) from recommendation where country_code = ? and cycle_number = ?")
                .params(country.value(), cycle).query(Integer.class).single();
        if (already > 0) {
            throw problem(HttpStatus.CONFLICT, "problem.carry-over.not-empty", country.upperCase() + "-" + cycle,
                    already);
        }
        Set<UUID> implemented = fullyImplemented(country.value(), previous);
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Recommendation> copies = new ArrayList<>();
        List<Object[]> links = new ArrayList<>();
        for (Recommendation earlier : recommendations.all(country.value(), previous)) {
            if (implemented.contains(earlier.id())) {
                continue;
            }
            Recommendation copy = new Recommendation(UUID.randomUUID(), country.upperCase(), cycle, copies.size() + 1,
                    earlier.session(), earlier.text(), earlier.recommendingState(), earlier.position(),
                    earlier.themes(), earlier.affectedGroups(), earlier.sdgTargets(), earlier.actionCategory(),
                    earlier.sourceReference(), 0, now, caller.userId(), now, caller.userId());
            copies.add(copy);
            links.add(new Object[] {copy.id(), earlier.id()});
        }
        recommendations.insertAll(copies);
        for (Object[] link : links) {
            jdbc.sql("insert into recommendation_origin (recommendation_id, carried_from_id) values (?, ?)")
                    .params(link).update();
        }
        String from = country.upperCase() + "-" + previous;
        audit.record(country, cycle, caller, AuditAction.RECOMMENDATIONS_CARRIED_OVER, null,
                copies.size() + " still open in " + from);
        return new CarriedOver(copies.size(), from);
    }

    /** The links of the cycle's carried recommendations to the ones they continue. */
    public List<Origin> origins(CountryCode country, int cycle, PlatformUser caller) {
        countries.find(country, caller);
        return jdbc.sql("select o.recommendation_id, o.carried_from_id, earlier.cycle_number, earlier.ordinal "
                + "from recommendation_origin o join recommendation r on r.id = o.recommendation_id "
                + "join recommendation earlier on earlier.id = o.carried_from_id "
                + "where r.country_code = ? and r.cycle_number = ? order by r.ordinal")
                .params(country.value(), cycle)
                .query((rs, row) -> new Origin(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3),
                        rs.getInt(4)))
                .list();
    }

    /** The recommendations that every covering row of the cycle's matrix (final, else latest draft) calls fully implemented. */
    private Set<UUID> fullyImplemented(String country, int cycle) {
        return Set.copyOf(jdbc.sql("""
                select er.recommendation_id from matrix_entry_recommendation er
                join matrix_entry e on e.id = er.matrix_entry_id
                where e.matrix_version_id = (select v.id from matrix_version v
                                             where v.country_code = ? and v.cycle_number = ?
                                             order by case when v.status = 'FINAL' then 0 else 1 end,
                                                      v.version_number desc
                                             fetch first 1 rows only)
                group by er.recommendation_id
                having min(case when e.status = 'FULLY_IMPLEMENTED' then 1 else 0 end) = 1""")
                .params(country, cycle).query((rs, row) -> rs.getObject(1, UUID.class)).list());
    }

    private static ErrorResponseException problem(HttpStatus status, String key, Object... arguments) {
        return new ErrorResponseException(status, ProblemDetail.forStatus(status), null, key + ".detail", arguments) {
            @Override
            public String getTitleMessageCode() {
                return key + ".title";
            }
        };
    }
}
