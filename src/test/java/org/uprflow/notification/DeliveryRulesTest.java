package org.uprflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** Who gets what when, how long a failed mail waits and how fast a busy node sends: the rules without a database. */
class DeliveryRulesTest {

    private final NotificationProperties defaults = new NotificationProperties("http://localhost:8080", "noreply@x.org",
            7, 50, Duration.ofMinutes(2), 6, Duration.ofSeconds(30), Duration.ofSeconds(2), Duration.ofMinutes(1),
            Duration.ofDays(2), 7, 0.1);

    @Test
    void overdueOnlyPeopleHearOfNothingElse() {
        assertThat(Delivery.OVERDUE_ONLY.wants(NoticeCategory.OVERDUE)).isTrue();
        assertThat(Delivery.OVERDUE_ONLY.wants(NoticeCategory.TASK_AVAILABLE)).isFalse();
        assertThat(Delivery.OVERDUE_ONLY.wants(NoticeCategory.DUE_SOON)).isFalse();
        assertThat(Delivery.IMMEDIATE.wants(NoticeCategory.PHASE_COMPLETED)).isTrue();
    }

    @Test
    void digestsHoldEverythingButOverdueNotices() {
        assertThat(Delivery.DAILY_DIGEST.holds(NoticeCategory.TASK_AVAILABLE)).isTrue();
        assertThat(Delivery.WEEKLY_DIGEST.holds(NoticeCategory.MISSING_ADDRESS)).isTrue();
        assertThat(Delivery.DAILY_DIGEST.holds(NoticeCategory.OVERDUE)).isFalse();
        assertThat(Delivery.IMMEDIATE.holds(NoticeCategory.TASK_AVAILABLE)).isFalse();
    }

    @Test
    void anUnsubscribedKindIsNotWantedWhateverTheDelivery() {
        Preferences.Choice choice = new Preferences.Choice(Delivery.IMMEDIATE, "fr",
                java.util.Set.of(NoticeCategory.PHASE_COMPLETED));
        assertThat(choice.wants(NoticeCategory.PHASE_COMPLETED)).isFalse();
        assertThat(choice.wants(NoticeCategory.TASK_ASSIGNED)).isTrue();
    }

    @Test
    void retriesBackOffByDoublingUpToADay() {
        assertThat(defaults.retryAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.retryAfter(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(defaults.retryAfter(5)).isEqualTo(Duration.ofMinutes(8));
        assertThat(defaults.retryAfter(40)).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void dailyDigestsGoTheNextMorningAndWeeklyOnesOnMonday() {
        Instant wednesdayNoon = Instant.parse("2026-12-02T12:00:00Z");
        NoticeWriter writer = new NoticeWriter(null, null, null, null, defaults, Clock.fixed(wednesdayNoon, ZoneOffset.UTC));
        assertThat(writer.nextDigest(Delivery.DAILY_DIGEST, wednesdayNoon)).isEqualTo(Instant.parse("2026-12-03T07:00:00Z"));
        assertThat(writer.nextDigest(Delivery.WEEKLY_DIGEST, wednesdayNoon)).isEqualTo(Instant.parse("2026-12-07T07:00:00Z"));
    }

    @Test
    void anIdleNodeDrainsWholeBatchesWithoutPause() {
        DispatchPace idle = new DispatchPace(defaults, () -> 0);
        DispatchPace.Slice slice = idle.next();
        assertThat(slice.size()).isEqualTo(50);
        assertThat(idle.pauseMillis(slice, 50, slice.startedNanos() + 40_000_000)).isZero();
    }

    @Test
    void aBusyNodeWorksInSmallSlicesAndPausesNineTimesAsLongAsEachTook() {
        DispatchPace busy = new DispatchPace(defaults, () -> 3);
        DispatchPace.Slice slice = busy.next();
        assertThat(slice.size()).isEqualTo(5);
        assertThat(busy.pauseMillis(slice, 5, slice.startedNanos() + 20_000_000)).isEqualTo(180);
        assertThat(busy.pauseMillis(slice, 0, slice.startedNanos() + 20_000_000)).as("nothing done, nothing to rest from")
                .isZero();
        long started = System.nanoTime();
        busy.rest(new DispatchPace.Slice(5, true, started - 10_000_000), 5);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(80));
    }

    @Test
    void aBusyShareOfOneNeverHoldsTheDispatcherBack() {
        NotificationProperties unpaced = new NotificationProperties("http://localhost:8080", "noreply@x.org", 7, 50,
                Duration.ofMinutes(2), 6, Duration.ofSeconds(30), Duration.ofSeconds(2), Duration.ofMinutes(1),
                Duration.ofDays(2), 7, 1.0);
        DispatchPace pace = new DispatchPace(unpaced, () -> 3);
        DispatchPace.Slice slice = pace.next();
        assertThat(slice.busy()).isFalse();
        assertThat(pace.pauseMillis(slice, 50, slice.startedNanos() + 40_000_000)).isZero();
    }
}
