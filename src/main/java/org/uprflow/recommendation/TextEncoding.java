package org.uprflow.recommendation;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Which encoding a text file is in, and its text. What people download is UTF-8 (with or without
 * a byte order mark), UTF-16 (Excel's "Unicode text"), or a single-byte encoding of Windows or of
 * the old Mac OS. A byte order mark decides; then UTF-16 by its zero bytes; then UTF-8 if the file
 * is UTF-8 but for a few damaged bytes; else the single-byte encoding whose letters read as words.
 * A file with zero bytes that is not UTF-16 is no text. The user may name the encoding instead.
 */
final class TextEncoding {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    static final Charset MAC_ROMAN = Charset.forName("x-MacRoman");
    private static final List<Charset> SINGLE_BYTE = List.of(WINDOWS_1252, MAC_ROMAN);
    private static final char REPLACEMENT = '\uFFFD';

    /**
     * The text, the encoding it was read in, and where (char offsets into the text) a byte
     * sequence could not be decoded and stands as U+FFFD.
     */
    record Decoded(String text, Charset charset, List<Integer> undecodable) {
    }

    /** A file that is in no encoding this reads, e.g. a binary file. */
    static final class NoKnownEncoding extends Exception {
        NoKnownEncoding() {
            super("no known encoding", null, false, false);
        }
    }

    private TextEncoding() {
    }

    static Decoded decode(byte[] bytes, Charset chosen) throws NoKnownEncoding {
        if (chosen != null) {
            return decodeWith(bytes, chosen, bomLength(bytes, chosen));
        }
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return decodeWith(bytes, StandardCharsets.UTF_8, 3);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return decodeWith(bytes, StandardCharsets.UTF_16LE, 2);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return decodeWith(bytes, StandardCharsets.UTF_16BE, 2);
        }
        Charset utf16 = utf16WithoutMark(bytes);
        if (utf16 != null) {
            return decodeWith(bytes, utf16, 0);
        }
        for (byte b : bytes) {
            if (b == 0) {
                throw new NoKnownEncoding();
            }
        }
        Decoded utf8 = decodeWith(bytes, StandardCharsets.UTF_8, 0);
        if (utf8.undecodable().isEmpty() || mostlyUtf8(utf8)) {
            return utf8;
        }
        Decoded best = null;
        int bestScore = Integer.MIN_VALUE;
        for (Charset charset : SINGLE_BYTE) {
            Decoded candidate = decodeWith(bytes, charset, 0);
            int score = plausibility(candidate);
            if (score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        if (controlCharacters(best.text()) * 100L > Math.max(1, best.text().length())) {
            throw new NoKnownEncoding();
        }
        return best;
    }

    /** A UTF-8 file with some damaged bytes is still UTF-8: its other non-ASCII letters decoded. */
    private static boolean mostlyUtf8(Decoded utf8) {
        long decodedNonAscii = utf8.text().chars().filter(c -> c > 0x7F && c != REPLACEMENT).count();
        return decodedNonAscii > utf8.undecodable().size();
    }

    /**
     * How much the non-ASCII characters look like text: a lower-case letter among letters, or
     * typographic punctuation, scores; an upper-case letter inside a lower-case word, a symbol, a
     * control or private-use character costs. "Côte" read as windows-1252 scores; read as Mac
     * Roman it is "C\uF8FFte" and costs.
     */
    private static int plausibility(Decoded decoded) {
        String text = decoded.text();
        int score = -10 * decoded.undecodable().size();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                continue;
            }
            char before = i > 0 ? text.charAt(i - 1) : ' ';
            int type = Character.getType(c);
            if (Character.isLowerCase(c)) {
                score += 2;
            } else if (Character.isUpperCase(c)) {
                score += Character.isLowerCase(before) ? -3 : 1;
            } else if (type == Character.INITIAL_QUOTE_PUNCTUATION || type == Character.FINAL_QUOTE_PUNCTUATION
                    || type == Character.DASH_PUNCTUATION || c == '\u2026' || c == '\u00A0') {
                score += 1;
            } else {
                score -= 3;
            }
        }
        return score;
    }

    private static long controlCharacters(String text) {
        return text.chars().filter(c -> Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r').count();
    }

    /** Text in UTF-16 without a mark has a zero byte in most pairs of ASCII characters, on one side. */
    private static Charset utf16WithoutMark(byte[] bytes) {
        int pairs = Math.min(bytes.length / 2, 2048);
        if (pairs < 2) {
            return null;
        }
        int evenZeros = 0;
        int oddZeros = 0;
        for (int i = 0; i < pairs; i++) {
            evenZeros += bytes[2 * i] == 0 ? 1 : 0;
            oddZeros += bytes[2 * i + 1] == 0 ? 1 : 0;
        }
        if (oddZeros > pairs * 6 / 10 && evenZeros < pairs / 10) {
            return StandardCharsets.UTF_16LE;
        }
        if (evenZeros > pairs * 6 / 10 && oddZeros < pairs / 10) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    private static int bomLength(byte[] bytes, Charset charset) {
        if (charset.equals(StandardCharsets.UTF_8) && startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return 3;
        }
        boolean utf16 = charset.name().startsWith("UTF-16");
        return utf16 && (startsWith(bytes, 0xFF, 0xFE) || startsWith(bytes, 0xFE, 0xFF)) ? 2 : 0;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Decodes every byte it can; each sequence it cannot becomes U+FFFD, its offset noted. */
    private static Decoded decodeWith(byte[] bytes, Charset charset, int skip) {
        Charset effective = charset;
        if (charset.name().equals("UTF-16")) {
            effective = bytes.length > 1 && (bytes[0] & 0xFF) == 0xFF ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE;
        }
        CharsetDecoder decoder = effective.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, skip, bytes.length - skip);
        CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 8L,
                (long) (bytes.length - skip) * Math.max(1, (int) Math.ceil(decoder.maxCharsPerByte())) + 16));
        List<Integer> undecodable = new ArrayList<>();
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isUnderflow()) {
                break;
            }
            if (result.isOverflow()) {
                out = grow(out);
                continue;
            }
            undecodable.add(out.position());
            if (!out.hasRemaining()) {
                out = grow(out);
            }
            out.put(REPLACEMENT);
            in.position(in.position() + result.length());
        }
        decoder.flush(out);
        out.flip();
        return new Decoded(out.toString(), charset, List.copyOf(undecodable));
    }

    private static CharBuffer grow(CharBuffer out) {
        CharBuffer bigger = CharBuffer.allocate(out.capacity() * 2 + 16);
        out.flip();
        bigger.put(out);
        return bigger;
    }
}
