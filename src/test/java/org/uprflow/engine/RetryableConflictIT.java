package org.uprflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.uprflow.testing.Http;
import org.uprflow.testing.PostgresIntegrationTest;
import org.uprflow.testing.World;

/**
 * Two parallel tasks of one process instance completed at the same moment over {@code /engine-rest}:
 * the loser of the engine's optimistic locking gets 409 with {@code retryable: true}, nothing of it is
 * written, and sending it again succeeds; a task completed already answers 404, not 500. The race is
 * made certain rather than hoped for: the test holds the process instance's row until both completions
 * have read it and wait to write it.
 */
class RetryableConflictIT extends PostgresIntegrationTest {

    @Autowired
    private DataSource dataSource;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void twoParallelCompletionsOfOneInstanceGiveOneSuccessAndOneRetryableConflict() throws Exception {
        World.Probe probe = world.startProbe("ke");
        CompletableFuture<Http.Response> cso;
        CompletableFuture<Http.Response> government;
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("select id_ from act_ru_execution where id_ = ? for update")) {
                lock.setString(1, probe.processInstanceId());
                try (ResultSet row = lock.executeQuery()) {
                    assertThat(row.next()).isTrue();
                }
            }
            cso = CompletableFuture.supplyAsync(() -> complete(World.KE_CSO, probe.csoTaskId()));
            government = CompletableFuture.supplyAsync(() -> complete(World.KE_GOV, probe.governmentTaskId()));
            awaitWaitingForLocks(2);
            holder.commit();
        }
        List<Http.Response> answers = List.of(cso.get(60, TimeUnit.SECONDS), government.get(60, TimeUnit.SECONDS));

        assertThat(answers).extracting(Http.Response::status).containsExactlyInAnyOrder(204, 409);
        Http.Response conflict = answers.stream().filter(answer -> answer.status() == 409).findFirst().orElseThrow();
        assertThat(conflict.json().get("retryable").asBoolean()).as(conflict.toString()).isTrue();
        assertThat(conflict.json().get("type").asText()).isEqualTo("OptimisticLockingException");

        boolean csoLost = cso.get().status() == 409;
        String loser = csoLost ? World.KE_CSO : World.KE_GOV;
        String loserTask = csoLost ? probe.csoTaskId() : probe.governmentTaskId();
        assertThat(world.as(loser).get("/engine-rest/task/" + loserTask).status())
                .as("the losing completion wrote nothing: its task is still open").isEqualTo(200);
        Http.Response retried = complete(loser, loserTask);
        assertThat(retried.status()).as("sent again: %s", retried).isEqualTo(204);
        assertThat(world.admin().get("/engine-rest/process-instance/" + probe.processInstanceId()).status())
                .as("both tasks done, the instance passed its join and ended").isEqualTo(404);
        assertThat(jdbc.queryForObject("select count(*) from act_hi_taskinst where proc_inst_id_ = ? and end_time_ is not null",
                Integer.class, probe.processInstanceId())).as("each task completed once").isEqualTo(2);
    }

    @Test
    void completingATaskThatIsGoneIs404() {
        World.Probe probe = world.startProbe("ke");
        assertThat(complete(World.KE_CSO, probe.csoTaskId()).status()).isEqualTo(204);

        Http.Response again = complete(World.KE_CSO, probe.csoTaskId());
        assertThat(again.status()).as("a completion whose first answer was lost, sent again: %s", again).isEqualTo(404);
        assertThat(complete(World.KE_CSO, "no-such-task").status()).isEqualTo(404);
        assertThat(world.as(World.KE_CSO).postJson("/engine-rest/task/" + probe.csoTaskId() + "/submit-form", "{}").status())
                .isEqualTo(404);
        assertThat(complete(World.MW_GOV, probe.governmentTaskId()).status())
                .as("another country's task stays invisible, as before").isEqualTo(404);
    }

    private Http.Response complete(String user, String taskId) {
        return world.as(user).postJson("/engine-rest/task/" + taskId + "/complete", "{}");
    }

    /** Until {@code count} connections of this database wait for a row lock (the held process instance). */
    private void awaitWaitingForLocks(int count) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            Integer waiting = jdbc.queryForObject("select count(*) from pg_stat_activity where datname = current_database()"
                    + " and wait_event_type = 'Lock'", Integer.class);
            if (waiting != null && waiting >= count) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the two completions never both waited for the process instance's row");
    }
}
