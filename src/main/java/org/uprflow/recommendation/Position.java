package org.uprflow.recommendation;

import java.util.Locale;
import java.util.Optional;

/** The State under review's answer to a recommendation; none yet is {@code null}. */
public enum Position {
    SUPPORTED,
    NOTED;

    /** "Supported", "noted" in any case; anything else is empty. */
    static Optional<Position> parse(String raw) {
        String value = raw.trim().toUpperCase(Locale.ROOT);
        for (Position position : values()) {
            if (position.name().equals(value)) {
                return Optional.of(position);
            }
        }
        return Optional.empty();
    }
}
