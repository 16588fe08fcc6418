package org.uprflow.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Between the platform and the tests' SMTP server, the faults a real mail server shows: it can
 * refuse a recipient (550 to RCPT TO), drop the connection when a message's DATA begins, or be
 * down (close every connection at once). Otherwise it passes the bytes through unchanged.
 */
public final class SmtpProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final int targetPort;
    private final Set<String> refused = ConcurrentHashMap.newKeySet();
    /** Counts DATA commands down; the one that reaches zero has its connection dropped. */
    private final AtomicInteger dataUntilDrop = new AtomicInteger(-1);
    private volatile boolean down;
    private volatile boolean stallAtData;

    public SmtpProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "smtp-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** RCPT TO this address is answered 550, as a server does for an unknown mailbox. */
    public void refuse(String address) {
        refused.add(address.toLowerCase(Locale.ROOT));
    }

    /** The connection that sends the {@code n}-th DATA from now (1 = the next) is cut before the message is accepted. */
    public void dropAtData(int n) {
        dataUntilDrop.set(n);
    }

    public void down(boolean isDown) {
        this.down = isDown;
    }

    /** Every DATA from now on is held: no answer, the connection left open, as a hung server does. */
    public void stallAtData(boolean stall) {
        this.stallAtData = stall;
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (down) {
                    client.close();
                    continue;
                }
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                start(() -> pipe(server, client), "smtp-proxy-down");
                start(() -> commands(client, server), "smtp-proxy-up");
            } catch (IOException closed) {
                // the listener was closed, or one connection failed: the platform sees a dropped connection
            }
        }
    }

    private static void start(Runnable work, String name) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void pipe(Socket from, Socket to) {
        try (InputStream in = from.getInputStream()) {
            OutputStream out = to.getOutputStream();
            byte[] buffer = new byte[8192];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                synchronized (to) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            }
        } catch (IOException closed) {
            // either side went away
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    /** Client to server, line by line, so that RCPT and DATA can be seen outside a message's body. */
    private void commands(Socket client, Socket server) {
        boolean inData = false;
        try (InputStream in = client.getInputStream()) {
            OutputStream toServer = server.getOutputStream();
            byte[] line;
            while ((line = readLine(in)) != null) {
                String text = new String(line, StandardCharsets.US_ASCII).trim();
                if (inData) {
                    inData = !text.equals(".");
                } else if (text.toUpperCase(Locale.ROOT).startsWith("RCPT TO:") && isRefused(text)) {
                    synchronized (client) {
                        client.getOutputStream().write("550 5.1.1 Recipient refused\r\n".getBytes(StandardCharsets.US_ASCII));
                        client.getOutputStream().flush();
                    }
                    continue;
                } else if (text.equalsIgnoreCase("DATA")) {
                    if (stallAtData) {
                        while (readLine(in) != null) {
                            // swallow everything until the client goes away
                        }
                        return;
                    }
                    if (dataUntilDrop.get() > 0 && dataUntilDrop.decrementAndGet() == 0) {
                        return; // the finally block cuts both sides, mid-conversation
                    }
                    inData = true;
                }
                toServer.write(line);
                toServer.flush();
            }
        } catch (IOException closed) {
            // either side went away
        } finally {
            closeQuietly(client);
            closeQuietly(server);
        }
    }

    private boolean isRefused(String rcpt) {
        String lower = rcpt.toLowerCase(Locale.ROOT);
        return refused.stream().anyMatch(address -> lower.contains("<" + address + ">"));
    }

    private static byte[] readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            line.write(b);
            if (b == '\n') {
                return line.toByteArray();
            }
        }
        return line.size() == 0 ? null : line.toByteArray();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
