package org.uprflow.notification;

enum OutboxStatus {
    /** To be sent by the next dispatcher that claims it. */
    PENDING,
    /** Waiting for the person's digest. */
    HELD,
    /** Collected into a digest row. */
    DIGESTED,
    SENT,
    /** No mail server configured (the embedded default): written to the log and shown to the admin. */
    LOGGED,
    /** Refused for good or out of attempts; shown to the programme managers. */
    FAILED,
    /** The person has no e-mail address; their managers are told. */
    NO_ADDRESS
}
