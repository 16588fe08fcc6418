package org.uprflow.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The platform's clock in the integration tests: the system's UTC clock until a test moves it, then
 * the same clock shifted, so time still runs (leases, throttles and polls keep working). A test that
 * moves it puts it back ({@link #reset()}) in an {@code @AfterEach}: every integration test shares
 * this one context. The engine's clock ({@code ClockUtil}) is not moved with it: the job executor
 * reads it for the timers of every test's cycles in the shared database (ADR 0022).
 */
public final class MovableClock extends Clock {

    private final Clock system = Clock.systemUTC();
    private volatile Duration shift = Duration.ZERO;

    /** Makes it {@code day} on the platform, at the present time of day. */
    public void moveTo(LocalDate day) {
        Instant now = system.instant();
        shift = Duration.between(now, day.atStartOfDay(ZoneOffset.UTC).toInstant()
                .plusNanos(now.atZone(ZoneOffset.UTC).toLocalTime().toNanoOfDay()));
    }

    public void reset() {
        shift = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return system.instant().plus(shift);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        // the platform reads it in UTC; another zone gets the time as moved now
        return Clock.offset(Clock.system(zone), shift);
    }

    /** Puts the movable clock in the place of the platform's. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }
}
