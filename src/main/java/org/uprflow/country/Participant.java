package org.uprflow.country;

import java.util.List;

/** A person with one or more roles in a country; the e-mail is left out (null) for those who need not know it. */
record Participant(String userId, String firstName, String lastName, String email, List<ParticipantRole> roles) {

    Participant withoutEmail() {
        return new Participant(userId, firstName, lastName, null, roles);
    }
}
