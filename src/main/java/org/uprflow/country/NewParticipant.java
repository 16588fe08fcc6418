package org.uprflow.country;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Gives a person a role in a country. A new user needs a name, e-mail and initial password; an
 * existing user (already in another country, say) is named by user id alone.
 */
public record NewParticipant(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[a-zA-Z0-9]+([._-][a-zA-Z0-9]+)*",
                message = "letters and digits, optionally joined by '.', '_' or '-'")
        @Schema(example = "ke.cso2") String userId,
        @NotNull @Schema(example = "CSO") ParticipantRole role,
        @Size(max = 255) @Schema(example = "Wanjiku") String firstName,
        @Size(max = 255) @Schema(example = "Kamau") String lastName,
        // A domain with a dot: "awa@localhost" passes @Email alone but no mail server delivers to it.
        @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "must be an e-mail address such as name@example.org")
        @Size(max = 255) @Schema(example = "wanjiku@example.org") String email,
        // Length and the other rules: the engine's password policy (engine.PlatformPasswordPolicy), the same on every channel.
        @Size(max = 255) @Schema(description = "Initial password of a new user; a programme manager's choice must be"
                + " changed by the user at first login", example = "change-me-soon")
        String password) {

    boolean describesNewUser() {
        return firstName != null || lastName != null || email != null || password != null;
    }
}
