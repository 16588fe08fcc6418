package org.uprflow.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.Executors;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compressed copies of the versioned static files, made once per node: gzip at the first request
 * (a third of a second for Tasklist's 3.8 MB of scripts), Brotli at its best quality in the
 * background (seconds of CPU, a fifth smaller again), sent once it is ready. They are copies of
 * files in the jar, so a node that has none simply makes them again: nothing here is state.
 */
final class CompressedCopies {

    private static final Logger LOG = LoggerFactory.getLogger(CompressedCopies.class);
    private static final int WORTH_COMPRESSING = 1024;
    private static final int BROTLI_BEST = 11;

    private final ClassLoader classLoader;
    private final Map<String, Optional<Copies>> copies = new ConcurrentHashMap<>();
    private final ExecutorService brotliWorker;
    private final boolean brotli;

    CompressedCopies(ClassLoader classLoader) {
        this.classLoader = classLoader;
        this.brotli = brotliAvailable();
        this.brotliWorker = brotli ? Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "brotli-copies");
            thread.setDaemon(true);
            thread.setPriority(Thread.MIN_PRIORITY);
            return thread;
        }) : null;
    }

    /** The copies of the file at {@code location} on the classpath, or empty when it is missing or too small. */
    Optional<Copies> of(String location) {
        return copies.computeIfAbsent(location, this::make);
    }

    private Optional<Copies> make(String location) {
        URL resource = classLoader.getResource(location);
        if (resource == null) {
            return Optional.empty();
        }
        byte[] read;
        try (InputStream in = resource.openStream()) {
            read = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + location, e);
        }
        if (read.length < WORTH_COMPRESSING) {
            return Optional.empty();
        }
        byte[] plain = location.endsWith(".css") ? woff2First(read) : read;
        CRC32 crc = new CRC32();
        crc.update(plain);
        Copies made = new Copies(HexFormat.of().toHexDigits((int) crc.getValue()) + "-" + plain.length, gzip(plain));
        if (brotli) {
            brotliWorker.execute(() -> made.brotli = brotli(plain, location));
        }
        return Optional.of(made);
    }

    private static final Pattern WOFF_BEFORE_WOFF2 = Pattern.compile(
            "url\\(([^)]+?)\\.woff(\\?[^)]*)?\\) format\\('woff'\\),\\s*url\\(\\1\\.woff2(\\?[^)]*)?\\) format\\('woff2'\\)");

    /**
     * Camunda's stylesheets name IBM Plex Sans as WOFF before WOFF2, so browsers fetch the larger files
     * (88-93 KB each instead of 63-67 KB). The copies name WOFF2 first; an override in a stylesheet of
     * our own would lose the race against the cached original on a repeat visit.
     */
    static byte[] woff2First(byte[] css) {
        String text = new String(css, StandardCharsets.UTF_8);
        String reordered = WOFF_BEFORE_WOFF2.matcher(text).replaceAll(match -> Matcher.quoteReplacement(
                "url(" + match.group(1) + ".woff2" + nullToEmpty(match.group(3)) + ") format('woff2'), url("
                        + match.group(1) + ".woff" + nullToEmpty(match.group(2)) + ") format('woff')"));
        return reordered.getBytes(StandardCharsets.UTF_8);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    private static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 3);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gzip.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] brotli(byte[] plain, String location) {
        try {
            return Encoder.compress(plain, new Encoder.Parameters().setQuality(BROTLI_BEST).setMode(Encoder.Mode.TEXT));
        } catch (IOException | RuntimeException e) {
            LOG.warn("No Brotli copy of {} ({}); gzip is sent", location, e.toString());
            return null;
        }
    }

    private static boolean brotliAvailable() {
        try {
            Brotli4jLoader.ensureAvailability();
            return true;
        } catch (Throwable unavailable) {
            LOG.info("No Brotli encoder for this platform ({}); large files are sent with gzip", unavailable.toString());
            return false;
        }
    }

    /** A file's compressed copies; {@code brotli} is null until the background worker has made it. */
    static final class Copies {
        private final String version;
        private final byte[] gzip;
        private volatile byte[] brotli;

        private Copies(String version, byte[] gzip) {
            this.version = version;
            this.gzip = gzip;
        }

        /** The best copy for what the client takes ({@code Accept-Encoding}), or empty for the plain file. */
        Optional<Encoded> bestFor(String acceptEncoding) {
            byte[] br = brotli;
            if (br != null && Encodings.accepts(acceptEncoding, "br")) {
                return Optional.of(new Encoded("br", br, "\"" + version + "-br\""));
            }
            if (Encodings.accepts(acceptEncoding, "gzip")) {
                return Optional.of(new Encoded("gzip", gzip, "\"" + version + "-gz\""));
            }
            return Optional.empty();
        }
    }

    /** One encoded copy with its entity tag. */
    record Encoded(String coding, byte[] bytes, String etag) {
    }

    /** Reading {@code Accept-Encoding}: a coding is taken when named (or matched by {@code *}) with a weight above zero. */
    static final class Encodings {
        private Encodings() {
        }

        static boolean accepts(String acceptEncoding, String coding) {
            if (acceptEncoding == null) {
                return false;
            }
            Double star = null;
            for (String part : acceptEncoding.split(",")) {
                String[] pieces = part.trim().split(";");
                String name = pieces[0].trim().toLowerCase(java.util.Locale.ROOT);
                if (name.equals(coding) || ("gzip".equals(coding) && name.equals("x-gzip"))) {
                    return weight(pieces) > 0;
                }
                if (name.equals("*")) {
                    star = weight(pieces);
                }
            }
            return star != null && star > 0;
        }

        private static double weight(String[] pieces) {
            for (int i = 1; i < pieces.length; i++) {
                String parameter = pieces[i].trim();
                if (parameter.startsWith("q=")) {
                    try {
                        return Double.parseDouble(parameter.substring(2));
                    } catch (NumberFormatException e) {
                        return 0;
                    }
                }
            }
            return 1;
        }
    }
}
