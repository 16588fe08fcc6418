package org.uprflow.shared;

/** Optimistic versions over HTTP: the ETag {@code "3"} is version 3, and If-Match names it back. */
public final class Versions {

    private Versions() {
    }

    public static String etag(int version) {
        return "\"" + version + "\"";
    }

    /** Like {@link #parse(String)}, but an edit without If-Match is refused (400): it would overwrite blindly. */
    public static int required(String ifMatch) {
        Integer version = parse(ifMatch);
        if (version == null) {
            throw InvalidRegisterInputException.worded("If-Match", "validation.if-match.missing");
        }
        return version;
    }

    /** {@code "3"}, {@code W/"3"} or {@code 3}; {@code null} when absent; 400 when it is no version. */
    public static Integer parse(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        if (!value.matches("\\d{1,9}")) {
            throw InvalidRegisterInputException.worded("If-Match", "validation.if-match.malformed", ifMatch);
        }
        return Integer.parseInt(value);
    }
}
