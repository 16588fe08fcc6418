package org.uprflow.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The run's SMTP server (GreenMail) in a JVM of its own, as a production node's mail relay is a
 * process of its own: what receiving the mails costs is then the relay's CPU, not the platform's
 * JVM, and {@link CpuMeter} counts it apart. Started by the harness with the test classpath; it
 * prints {@code SMTP <port>} and serves until its standard input closes.
 */
final class MailRelay implements AutoCloseable {

    private static final String READY = "SMTP ";

    private final Process process;
    private final int port;

    private MailRelay(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the relay's JVM and waits for its port. */
    static MailRelay start() {
        // failsafe passes the real test classpath here; java.class.path may be its manifest-only jar
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try {
            Process process = new ProcessBuilder(List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-cp", classpath, MailRelay.class.getName()))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(READY)) {
                    int port = Integer.parseInt(line.substring(READY.length()).trim());
                    Thread echo = new Thread(() -> out.lines().forEach(l -> System.out.println("[mail relay] " + l)),
                            "mail-relay-output");
                    echo.setDaemon(true); // a full pipe would stop the relay
                    echo.start();
                    return new MailRelay(process, port);
                }
            }
            throw new IllegalStateException("the mail relay ended before it served (exit " + process.waitFor() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("the mail relay did not start", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the mail relay started", e);
        }
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close(); // the relay stops when its input ends
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The relay's own JVM: GreenMail on a free loopback port until standard input closes. */
    public static void main(String[] args) throws IOException {
        GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        System.out.println(READY + server.getSmtp().getPort());
        System.out.flush();
        try {
            while (System.in.read() >= 0) {
                // nothing is sent on the input; its end is the signal to stop
            }
        } finally {
            server.stop();
        }
    }
}
