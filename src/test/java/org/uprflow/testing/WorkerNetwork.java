package org.uprflow.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Network conditions for the service workers of a browser. Chromium's network emulation
 * ({@code Network.emulateNetworkConditions}) holds for the target it is sent to: set on the page, it
 * leaves the requests a service worker makes itself (its {@code fetch()}, also when it answers the
 * page's request with one) at full speed, so a visit helped by a worker would be timed on a link
 * faster than the participant's. This connects to the browser's DevTools endpoint, attaches to
 * every service worker as it starts (paused until then) and emulates the same link there, as
 * Chromium's own DevTools do for workers.
 */
final class WorkerNetwork implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final StringBuilder partial = new StringBuilder();
    private final Map<String, Object> conditions;
    private final ExecutorService answering = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "worker-network");
        thread.setDaemon(true);
        return thread;
    });

    private WorkerNetwork(String debuggerAddress, Map<String, Object> conditions) {
        this.conditions = conditions;
        HttpClient client = HttpClient.newHttpClient();
        try {
            JsonNode version = JSON.readTree(client.send(HttpRequest.newBuilder(
                    URI.create("http://" + debuggerAddress + "/json/version")).build(), HttpResponse.BodyHandlers.ofString()).body());
            this.socket = client.newWebSocketBuilder().buildAsync(URI.create(version.path("webSocketDebuggerUrl").asText()),
                    new Listener()).get(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("no DevTools connection to the browser at " + debuggerAddress, e);
        }
        // service workers only: the pages are ChromeDriver's
        send(null, "Target.setAutoAttach", Map.of("autoAttach", true, "waitForDebuggerOnStart", true, "flatten", true,
                "filter", List.of(Map.of("type", "service_worker", "exclude", false), Map.of("exclude", true))));
    }

    /** From now on, every service worker of the browser that ChromeDriver drives at {@code debuggerAddress}. */
    static WorkerNetwork emulate(String debuggerAddress, Map<String, Object> conditions) {
        return new WorkerNetwork(debuggerAddress, conditions);
    }

    private void send(String sessionId, String method, Map<String, Object> params) {
        Map<String, Object> message = sessionId == null
                ? Map.of("id", ids.incrementAndGet(), "method", method, "params", params)
                : Map.of("id", ids.incrementAndGet(), "method", method, "params", params, "sessionId", sessionId);
        try {
            socket.sendText(JSON.writeValueAsString(message), true).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("DevTools command " + method + " not sent", e);
        }
    }

    private void received(String text) throws IOException {
        JsonNode message = JSON.readTree(text);
        if ("Target.attachedToTarget".equals(message.path("method").asText())) {
            String session = message.path("params").path("sessionId").asText();
            send(session, "Network.enable", Map.of());
            send(session, "Network.emulateNetworkConditions", conditions);
            send(session, "Runtime.runIfWaitingForDebugger", Map.of());
        }
    }

    private final class Listener implements WebSocket.Listener {
        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                // answered on a thread of its own, in order: sending from the listener's would wait on itself
                answering.execute(() -> {
                    try {
                        received(text);
                    } catch (IOException | RuntimeException e) {
                        System.err.println("WorkerNetwork: " + e);
                    }
                });
            }
            webSocket.request(1);
            return null;
        }
    }

    @Override
    public void close() {
        answering.shutdownNow();
        socket.abort();
    }
}
