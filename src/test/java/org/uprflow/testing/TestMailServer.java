package org.uprflow.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * The SMTP server of the integration tests: GreenMail in this JVM, reached through an
 * {@link SmtpProxy} that can play a failing server. One per test JVM; every platform node of the
 * tests sends to {@link #port()}.
 */
public final class TestMailServer {

    private static TestMailServer instance;

    private final GreenMail greenMail;
    private final SmtpProxy proxy;

    private TestMailServer(GreenMail greenMail, SmtpProxy proxy) {
        this.greenMail = greenMail;
        this.proxy = proxy;
    }

    public static synchronized TestMailServer get() {
        if (instance == null) {
            try {
                GreenMail greenMail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
                greenMail.start();
                instance = new TestMailServer(greenMail, new SmtpProxy(greenMail.getSmtp().getPort()));
                Runtime.getRuntime().addShutdownHook(new Thread(greenMail::stop));
            } catch (IOException e) {
                throw new UncheckedIOException("The tests' SMTP server did not start", e);
            }
        }
        return instance;
    }

    /** Where the platform sends (the proxy in front of GreenMail). */
    public int port() {
        return proxy.port();
    }

    /** GreenMail itself, for a node that needs a proxy of its own. */
    public int serverPort() {
        return greenMail.getSmtp().getPort();
    }

    public SmtpProxy faults() {
        return proxy;
    }

    /** Every message received so far for this address. */
    public List<MimeMessage> receivedBy(String address) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(message -> isTo(message, address)).toList();
    }

    private static boolean isTo(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(to -> to.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
