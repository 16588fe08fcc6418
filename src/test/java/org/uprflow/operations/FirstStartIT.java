package org.uprflow.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.uprflow.testing.PostgresIntegrationTest;
import org.uprflow.testing.SecondNode;
import org.uprflow.testing.TestDatabase;

/**
 * Two nodes started at the same moment on an empty database, {@value #ROUNDS} times: both start,
 * neither logs an ERROR line, and what a first start writes exists once (the schema, the admin,
 * the programme managers' group, one deployment of the cycle). Before the start-up lock one node in
 * three died on the engine's schema creation, and the group's creation logged an ERROR stack trace.
 * Set {@code -Duprflow.first-start.rounds} to run it more or fewer times.
 */
class FirstStartIT {

    static final int ROUNDS = 10;

    @Test
    void twoNodesStartTogetherOnAnEmptyDatabase() throws Exception {
        int rounds = Integer.getInteger("uprflow.first-start.rounds", ROUNDS);
        TestDatabase server = TestDatabase.get();
        for (int round = 1; round <= rounds; round++) {
            TestDatabase empty = server.freshDatabase("first_start");
            SecondNode first = launch(empty, round, "a");
            SecondNode second = launch(empty, round, "b");
            try {
                SecondNode.awaitAllReady(first, second);
                assertThat(first.errorLines()).as("ERROR lines of node a, round %d (%s)", round, first.log()).isEmpty();
                assertThat(second.errorLines()).as("ERROR lines of node b, round %d (%s)", round, second.log()).isEmpty();
                assertWrittenOnce(empty, round);
            } finally {
                first.close();
                second.close();
                server.drop(empty);
            }
        }
    }

    private static SecondNode launch(TestDatabase database, int round, String name) throws Exception {
        return SecondNode.on(database.url(), database.user(), database.password())
                .adminPassword(PostgresIntegrationTest.ADMIN_PASSWORD)
                // Small pools and a quick JIT: ten rounds of two starts within a few minutes of CI.
                .env("DB_POOL_SIZE", "5").jvm("-XX:TieredStopAtLevel=1")
                .log(Path.of("target/first-start/round-" + round + "-" + name + ".log")).launch();
    }


    private static void assertWrittenOnce(TestDatabase database, int round) throws Exception {
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
                Statement statement = connection.createStatement()) {
            assertThat(count(statement, "select count(*) from act_id_user where id_ = 'admin'")).as("admin, round %d", round)
                    .isEqualTo(1);
            assertThat(count(statement, "select count(*) from act_id_group where id_ = 'programme-managers'")).isEqualTo(1);
            assertThat(count(statement, "select count(*) from act_re_procdef where key_ = 'upr-cycle'"))
                    .as("the cycle deployed once, round %d", round).isEqualTo(1);
            assertThat(count(statement, "select count(*) from uprflow_schema_history where not success")).isZero();
        }
    }

    private static int count(Statement statement, String sql) throws Exception {
        try (ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getInt(1);
        }
    }
}
