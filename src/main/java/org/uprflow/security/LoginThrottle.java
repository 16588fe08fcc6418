package org.uprflow.security;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Failed logins slow down their source: after a few free attempts each further failure makes the
 * source wait twice as long before its next attempt, up to {@link #LONGEST_WAIT}. A source is a client
 * address, or a user at a client address, never a user alone: a guesser elsewhere cannot lock the real
 * user out, and the real user waits at most a minute after her own mistakes. A successful login clears
 * the user's own row. Kept in the database, so that every node counts the same failures; an admin sees
 * and lifts throttles through {@code /api/login-throttles}.
 */
@Component
class LoginThrottle {

    /** The longest wait between two attempts of one source. */
    static final Duration LONGEST_WAIT = Duration.ofSeconds(60);
    /** Failures of a user at one address before she waits: a few typing mistakes cost nothing. */
    static final int FREE_FAILURES_OF_USER = 3;
    /** Failures of one address, all users together: an office behind one address has many people. */
    static final int FREE_FAILURES_OF_ADDRESS = 20;
    private static final Duration FORGOTTEN_AFTER = Duration.ofDays(1);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    LoginThrottle(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** One throttled source, as an admin sees it. */
    public record Throttle(String source, int failures, OffsetDateTime blockedUntil, OffsetDateTime lastFailureAt) {
    }

    /**
     * Where a source stands before it tries.
     *
     * @param waitFor             how long it must still wait; zero if it may try now
     * @param userFailedBefore    whether the user has failures at this address, which a success clears
     */
    record Standing(Duration waitFor, boolean userFailedBefore) {
    }

    /** A row of {@code login_throttle} as {@link #standing} needs it. */
    record Row(String source, OffsetDateTime blockedUntil) {
    }

    Standing standing(String userId, String address) {
        String ofUser = ofUser(userId, address);
        return standing(ofUser, jdbc.query("select source, blocked_until from login_throttle where source in (?, ?)",
                (row, i) -> new Row(row.getString(1), row.getObject(2, OffsetDateTime.class)), ofUser, ofAddress(address)),
                now());
    }

    /** Where the source {@code ofUser} stands, from its and its address's rows. */
    static Standing standing(String ofUser, List<Row> rows, OffsetDateTime now) {
        Duration wait = rows.stream().map(Row::blockedUntil).filter(now::isBefore).map(end -> Duration.between(now, end))
                .max(Duration::compareTo).orElse(Duration.ZERO);
        return new Standing(wait, rows.stream().anyMatch(row -> row.source().equals(ofUser)));
    }

    void failed(String userId, String address) {
        transaction.executeWithoutResult(status -> {
            OffsetDateTime now = now();
            count(ofUser(userId, address), FREE_FAILURES_OF_USER, now);
            count(ofAddress(address), FREE_FAILURES_OF_ADDRESS, now);
            jdbc.update("delete from login_throttle where last_failure_at < ?", now.minus(FORGOTTEN_AFTER));
        });
    }

    /** Clears the user's own failures at that address; the address's count stays. */
    void succeeded(String userId, String address) {
        jdbc.update("delete from login_throttle where source = ?", ofUser(userId, address));
    }

    public List<Throttle> list() {
        return jdbc.query("select source, failures, blocked_until, last_failure_at from login_throttle"
                + " order by last_failure_at desc limit 500",
                (row, i) -> new Throttle(row.getString(1), row.getInt(2), row.getObject(3, OffsetDateTime.class),
                        row.getObject(4, OffsetDateTime.class)));
    }

    /** @return whether there was such a throttle */
    public boolean lift(String source) {
        return jdbc.update("delete from login_throttle where source = ?", source) > 0;
    }

    private void count(String source, int free, OffsetDateTime now) {
        if (!increment(source, now)) {
            try {
                jdbc.update("insert into login_throttle (source, failures, blocked_until, last_failure_at) values (?, 1, ?, ?)",
                        source, now, now);
            } catch (DuplicateKeyException otherNodeFirst) {
                increment(source, now);
            }
        }
        Integer failures = jdbc.queryForObject("select failures from login_throttle where source = ?", Integer.class, source);
        jdbc.update("update login_throttle set blocked_until = ? where source = ?", now.plus(wait(failures, free)), source);
    }

    private boolean increment(String source, OffsetDateTime now) {
        return jdbc.update("update login_throttle set failures = failures + 1, last_failure_at = ? where source = ?",
                now, source) > 0;
    }

    /** Nothing for the free failures, then 1, 2, 4... seconds, at most {@link #LONGEST_WAIT}. */
    static Duration wait(int failures, int free) {
        int beyond = failures - free;
        if (beyond <= 0) {
            return Duration.ZERO;
        }
        return beyond > 7 ? LONGEST_WAIT : Duration.ofSeconds(Math.min(1L << (beyond - 1), LONGEST_WAIT.toSeconds()));
    }

    OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    static String ofUser(String userId, String address) {
        return "user " + userId + " at " + address;
    }

    static String ofAddress(String address) {
        return "address " + address;
    }
}
