package org.uprflow.matrix;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.uprflow.recommendation.ImplementationStatus;

/** A progress report or an assessment: what was done or seen, and the status its author sees. */
record ProgressFields(@NotBlank @Size(max = 8000) String text, ImplementationStatus status) {
}
