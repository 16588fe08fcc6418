package org.uprflow.notification;

import java.nio.charset.StandardCharsets;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * The mail server of {@code spring.mail.*}, one SMTP connection per batch; or, with no
 * {@code spring.mail.host} (the embedded default), the log. A mail carries a Message-ID made from
 * its outbox row, the language it is written in and one-click unsubscribe headers (RFC 8058).
 */
@Component
class MailChannel {

    private static final Logger LOG = LoggerFactory.getLogger(MailChannel.class);

    private final JavaMailSenderImpl sender;
    private final NoticeTexts texts;
    private final NotificationProperties properties;

    MailChannel(ObjectProvider<JavaMailSender> sender, NoticeTexts texts, NotificationProperties properties) {
        JavaMailSender configured = sender.getIfAvailable();
        this.sender = configured instanceof JavaMailSenderImpl impl ? impl : null;
        this.texts = texts;
        this.properties = properties;
    }

    boolean hasMailServer() {
        return sender != null;
    }

    enum Kind { SENT, LOGGED, REFUSED, TRY_AGAIN }

    record Outcome(Kind kind, String error) {
        static final Outcome SENT = new Outcome(Kind.SENT, null);
        static final Outcome LOGGED = new Outcome(Kind.LOGGED, null);
    }

    Session open() {
        return new Session();
    }

    /** One batch's connection, opened at the first mail and again after a drop. */
    final class Session implements AutoCloseable {

        private Transport transport;

        Outcome deliver(Outbox.Row row) {
            String body = row.body() + texts.footer(row.category(), row.unsubscribeUrl(), row.language());
            if (sender == null) {
                LOG.info("Notice {} to {} <{}> ({}): {}\n{}", row.id(), row.recipientUserId(), row.recipientEmail(),
                        row.language(), row.subject(), body);
                return Outcome.LOGGED;
            }
            MimeMessage message;
            try {
                message = message(row, body);
            } catch (AddressException e) {
                return new Outcome(Kind.REFUSED, "invalid address " + row.recipientEmail() + ": " + e.getMessage());
            } catch (MessagingException e) {
                return new Outcome(Kind.REFUSED, e.toString());
            }
            try {
                if (transport == null || !transport.isConnected()) {
                    transport = connect();
                }
                transport.sendMessage(message, message.getAllRecipients());
                return Outcome.SENT;
            } catch (SendFailedException e) {
                if (e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0) {
                    // refused by the server for this recipient: trying again would not help, the others go on
                    return new Outcome(Kind.REFUSED, "refused: " + e.getMessage());
                }
                dropConnection();
                return new Outcome(Kind.TRY_AGAIN, e.toString());
            } catch (MessagingException | RuntimeException e) {
                dropConnection();
                return new Outcome(Kind.TRY_AGAIN, e.toString());
            }
        }

        private MimeMessage message(Outbox.Row row, String body) throws MessagingException {
            String messageId = "<notice-" + row.id() + "@" + host(properties.baseUrl()) + ">";
            MimeMessage message = new MimeMessage(sender.getSession()) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    // The same Message-ID on every attempt, so a receiver can tell a resend from a new notice.
                    setHeader("Message-ID", messageId);
                }
            };
            message.setFrom(new InternetAddress(properties.from()));
            message.setRecipient(jakarta.mail.Message.RecipientType.TO, new InternetAddress(row.recipientEmail(), true));
            message.setSubject(row.subject(), StandardCharsets.UTF_8.name());
            message.setText(body, StandardCharsets.UTF_8.name());
            message.setHeader("Content-Language", row.language());
            if (row.unsubscribeUrl() != null) {
                message.setHeader("List-Unsubscribe", "<" + row.unsubscribeUrl() + ">");
                message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
            message.saveChanges();
            return message;
        }

        private Transport connect() throws MessagingException {
            Transport connected = sender.getSession().getTransport(sender.getProtocol() == null ? "smtp" : sender.getProtocol());
            connected.connect(sender.getHost(), sender.getPort(), sender.getUsername(), sender.getPassword());
            return connected;
        }

        private void dropConnection() {
            if (transport != null) {
                try {
                    transport.close();
                } catch (MessagingException alreadyGone) {
                    // the connection broke: that is why it is dropped
                }
                transport = null;
            }
        }

        @Override
        public void close() {
            dropConnection();
        }
    }

    private static String host(String baseUrl) {
        String withoutScheme = baseUrl.replaceFirst("^[a-z]+://", "");
        int end = withoutScheme.indexOf(':') >= 0 ? withoutScheme.indexOf(':') : withoutScheme.indexOf('/');
        return end >= 0 ? withoutScheme.substring(0, end) : withoutScheme;
    }
}
