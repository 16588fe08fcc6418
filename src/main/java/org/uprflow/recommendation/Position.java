package org.uprflow.recommendation;

import java.util.Locale;
import java.util.Optional;

/**
 * The State under review's answer to a recommendation; none yet is {@code null}.
 * {@code SUPPORTED_IN_PART} is the UN's "Supported/Noted": some parts supported, others noted.
 */
public enum Position {
    SUPPORTED,
    NOTED,
    SUPPORTED_IN_PART;

    /** "Supported", "noted", "supported_in_part" in any case; anything else is empty. */
    static Optional<Position> parse(String raw) {
        String value = raw.trim().toUpperCase(Locale.ROOT).replace(' ', '_');
        for (Position position : values()) {
            if (position.name().equals(value)) {
                return Optional.of(position);
            }
        }
        return Optional.empty();
    }
}
