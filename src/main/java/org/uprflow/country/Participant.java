package org.uprflow.country;

import java.util.List;

/** A person with one or more roles in a country. */
public record Participant(String userId, String firstName, String lastName, String email, List<ParticipantRole> roles) {
}
