package org.uprflow.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the CPU of a timed row goes, from Java Flight Recorder's execution samples (JFR's
 * "profile" settings, a sample every 10 ms per running thread): each sample is charged to the
 * innermost frame of a known library (JDK frames are passed over, so a HashMap lookup inside
 * Jackson counts as Jackson), split by side (the server's request threads, the harness's own
 * client, the rest), plus inclusive shares of a few frames that answer "is it X?". PostgreSQL is
 * another process and not in it (see {@link CpuMeter}).
 */
final class Profile {

    /** Innermost matching prefix wins; order matters only among prefixes of each other. */
    private static final Map<String, String> LIBRARIES = new LinkedHashMap<>();

    static {
        LIBRARIES.put("org.postgresql.", "JDBC driver (PostgreSQL)");
        LIBRARIES.put("com.zaxxer.hikari.", "connection pool (Hikari)");
        LIBRARIES.put("org.apache.ibatis.", "MyBatis");
        LIBRARIES.put("org.camunda.bpm.engine.rest.", "Camunda REST resources");
        LIBRARIES.put("org.camunda.bpm.engine.impl.digest.", "password hash (Camunda digest)");
        LIBRARIES.put("org.camunda.", "Camunda engine");
        LIBRARIES.put("com.fasterxml.jackson.", "Jackson (JSON)");
        LIBRARIES.put("org.glassfish.", "Jersey / HK2");
        LIBRARIES.put("org.jvnet.", "Jersey / HK2");
        LIBRARIES.put("org.springframework.security.", "Spring Security");
        LIBRARIES.put("org.springframework.", "Spring (other)");
        LIBRARIES.put("org.apache.catalina.", "Tomcat");
        LIBRARIES.put("org.apache.coyote.", "Tomcat");
        LIBRARIES.put("org.apache.tomcat.", "Tomcat");
        LIBRARIES.put("org.uprflow.benchmark.", "harness");
        LIBRARIES.put("org.uprflow.", "platform code");
        LIBRARIES.put("java.net.http.", "HTTP client (JDK)");
        LIBRARIES.put("jdk.internal.net.http.", "HTTP client (JDK)");
        LIBRARIES.put("sun.security.provider.", "digests (JDK SHA)");
        LIBRARIES.put("java.security.MessageDigest", "digests (JDK SHA)");
        LIBRARIES.put("ch.qos.logback.", "logging");
        LIBRARIES.put("org.slf4j.", "logging");
    }

    /** "Is it X?": the share of server samples with this frame anywhere on the stack. */
    private static final Map<String, String> MARKERS = new LinkedHashMap<>();

    static {
        MARKERS.put("org.uprflow.security.EngineIdentityAuthenticationProvider.authenticate",
                "HTTP Basic check (password + groups + tenants)");
        MARKERS.put("org.camunda.bpm.engine.impl.IdentityServiceImpl.checkPassword", "  of which the password check");
        MARKERS.put("org.camunda.bpm.engine.impl.TaskServiceImpl.complete", "the engine's completion (TaskService.complete)");
        MARKERS.put("org.camunda.bpm.engine.impl.interceptor.CommandExecutorImpl.execute", "any engine command");
        MARKERS.put("com.fasterxml.jackson.", "Jackson anywhere");
        MARKERS.put("org.springframework.security.web.FilterChainProxy.doFilter", "Spring Security's filter chain (incl. all below it)");
    }

    private Profile() {
    }

    /** Runs {@code work} under a JFR recording written to {@code file}. */
    static <T> T record(Path file, Callable<T> work) throws Exception {
        Files.createDirectories(file.getParent());
        try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
            recording.start();
            T result = work.call();
            recording.stop();
            recording.dump(file);
            return result;
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("JFR recording failed", e);
        }
    }

    /** The samples of a recording by side and library, as text; the first line is a one-line summary. */
    static String summarise(Path file) throws IOException {
        Map<String, Map<String, Integer>> bySide = new TreeMap<>();
        Map<String, Integer> markers = new LinkedHashMap<>();
        MARKERS.values().forEach(label -> markers.put(label, 0));
        int server = 0;
        int total = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            List<String> frames = new ArrayList<>();
            for (RecordedFrame frame : event.getStackTrace().getFrames()) {
                frames.add(frame.getMethod().getType().getName() + "." + frame.getMethod().getName());
            }
            RecordedThread thread = event.getThread("sampledThread");
            String side = side(thread == null ? "" : thread.getJavaName());
            bySide.computeIfAbsent(side, s -> new TreeMap<>()).merge(owner(frames), 1, Integer::sum);
            total++;
            if (side.startsWith("server")) {
                server++;
                for (Map.Entry<String, String> marker : MARKERS.entrySet()) {
                    if (frames.stream().anyMatch(f -> f.startsWith(marker.getKey()))) {
                        markers.merge(marker.getValue(), 1, Integer::sum);
                    }
                }
            }
        }
        StringBuilder text = new StringBuilder();
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%d samples;", total));
        for (Map.Entry<String, Map<String, Integer>> side : bySide.entrySet()) {
            int sideTotal = side.getValue().values().stream().mapToInt(Integer::intValue).sum();
            text.append(String.format(Locale.ROOT, "%s: %d samples (%.0f %% of all)%n", side.getKey(), sideTotal,
                    100.0 * sideTotal / total));
            line.append(String.format(Locale.ROOT, " %s %.0f %%", side.getKey(), 100.0 * sideTotal / total));
            side.getValue().entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
                    .forEach(e -> text.append(String.format(Locale.ROOT, "  %-45s %5d  %5.1f %%%n", e.getKey(), e.getValue(),
                            100.0 * e.getValue() / sideTotal)));
        }
        text.append("server threads, inclusive (share of the server's samples with this frame on the stack):\n");
        for (Map.Entry<String, Integer> marker : markers.entrySet()) {
            double share = server == 0 ? 0 : 100.0 * marker.getValue() / server;
            text.append(String.format(Locale.ROOT, "  %-55s %5.1f %%%n", marker.getKey(), share));
            if (!marker.getKey().startsWith(" ")) {
                line.append(String.format(Locale.ROOT, "; %s %.0f %%", marker.getKey(), share));
            }
        }
        return line + "\n" + text;
    }

    /** Who a sample's thread works for. */
    static String side(String threadName) {
        if (threadName.startsWith("http-nio-")) {
            return "server (Tomcat request threads)";
        }
        if (threadName.startsWith("bench-user-") || threadName.startsWith("HttpClient-")) {
            return "harness (users, HTTP client)";
        }
        return "other threads (job executor, GC not included, ...)";
    }

    /** The library a stack (innermost frame first) is charged to: the innermost frame not in the JDK's own code. */
    static String owner(List<String> frames) {
        for (String frame : frames) {
            for (Map.Entry<String, String> library : LIBRARIES.entrySet()) {
                if (frame.startsWith(library.getKey())) {
                    return library.getValue();
                }
            }
            if (!(frame.startsWith("java.") || frame.startsWith("javax.") || frame.startsWith("jdk.")
                    || frame.startsWith("sun.") || frame.startsWith("com.sun."))) {
                String[] parts = frame.split("\\.");
                return parts.length > 2 ? parts[0] + "." + parts[1] : frame;
            }
        }
        return "JDK (other)";
    }
}
