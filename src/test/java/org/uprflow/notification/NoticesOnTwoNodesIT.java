package org.uprflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.uprflow.testing.PostgresIntegrationTest;
import org.uprflow.testing.SecondNode;
import org.uprflow.testing.SmtpProxy;
import org.uprflow.testing.TestDatabase;
import org.uprflow.testing.TestMailServer;

/**
 * Two nodes on one database and one mail server: the second (the packaged jar) claims a batch
 * and hangs in the middle of sending it, then is killed as a machine losing power. Its notices go
 * out from this node once its lease has run out, each exactly once; none is lost.
 */
class NoticesOnTwoNodesIT extends PostgresIntegrationTest {

    private static final int NOTICES = 120;

    @Autowired
    private JdbcClient jdbc;

    private final TestMailServer mail = TestMailServer.get();

    @Test
    void aNodeKilledMidSendLeavesItsNoticesToTheOtherNodeAndNothingIsSentTwice() throws Exception {
        String run = "kill-" + Long.toString(System.nanoTime(), 36);
        try (SmtpProxy hanging = new SmtpProxy(mail.serverPort())) {
            hanging.stallAtData(true);
            SecondNode second = SecondNode.start(TestDatabase.get(), ADMIN_PASSWORD, Map.of(
                    "SPRING_MAIL_HOST", "127.0.0.1", "SPRING_MAIL_PORT", Integer.toString(hanging.port()),
                    "UPRFLOW_NOTIFICATION_LEASE", "5s", "UPRFLOW_NOTIFICATION_POLL_EVERY", "200ms"));
            try {
                // Straight into the table, as another node's event would write them: no wake-up on this node.
                for (int i = 0; i < NOTICES; i++) {
                    jdbc.sql("insert into notification_outbox (country_code, category, recipient_user_id, recipient_email, "
                            + "language, subject, body, status, next_attempt_at, created_at) values "
                            + "('ke', 'OVERDUE', 'ke.cso', ?, 'en', ?, 'Body', 'PENDING', current_timestamp, current_timestamp)")
                            .params(address(run, i), "Two nodes " + i).update();
                }
                assertThat(heldByAHungNode(run)).as("the second node claimed a batch and hangs in it").isTrue();
            } finally {
                second.kill();
            }
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline) && unsent(run) > 0) {
            Thread.sleep(250);
        }
        assertThat(unsent(run)).as("notices not sent").isZero();
        Set<String> messageIds = new HashSet<>();
        List<String> missingOrTwice = new ArrayList<>();
        for (int i = 0; i < NOTICES; i++) {
            List<MimeMessage> received = mail.receivedBy(address(run, i));
            if (received.size() != 1) {
                missingOrTwice.add(address(run, i) + " x" + received.size());
            } else {
                messageIds.add(received.get(0).getMessageID());
            }
        }
        assertThat(missingOrTwice).isEmpty();
        assertThat(messageIds).hasSize(NOTICES);
    }

    /** Rows claimed and unsent for 3 s on end: only the hung node holds a claim that long (this node sends at once). */
    private boolean heldByAHungNode(String run) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        Instant heldSince = null;
        while (Instant.now().isBefore(deadline)) {
            int claimed = jdbc.sql("select count(*) from notification_outbox where recipient_email like ? "
                    + "and status = 'PENDING' and claimed_by is not null").param(run + "-%").query(Integer.class).single();
            if (claimed == 0) {
                heldSince = null;
            } else if (heldSince == null) {
                heldSince = Instant.now();
            } else if (Duration.between(heldSince, Instant.now()).toSeconds() >= 3) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    private int unsent(String run) {
        return jdbc.sql("select count(*) from notification_outbox where recipient_email like ? and status <> 'SENT'")
                .param(run + "-%").query(Integer.class).single();
    }

    private static String address(String run, int i) {
        return run + "-" + i + "@ke.example.org";
    }
}
