package org.uprflow.notification;

/** A person to tell, as the identity store knows them. */
record Recipient(String userId, String displayName, String email) {

    boolean hasAddress() {
        return email != null && !email.isBlank();
    }
}
