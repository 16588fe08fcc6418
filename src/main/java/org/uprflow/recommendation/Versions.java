package org.uprflow.recommendation;

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
            throw InvalidRegisterInputException.of("If-Match", "is required: the version (ETag) you read before editing");
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
            throw InvalidRegisterInputException.of("If-Match", "must be a version such as \"3\" (the ETag), not " + ifMatch);
        }
        return Integer.parseInt(value);
    }
}
