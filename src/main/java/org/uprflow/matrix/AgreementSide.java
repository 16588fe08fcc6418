package org.uprflow.matrix;

import java.util.Arrays;
import java.util.Optional;

import org.uprflow.cycle.UprCycleProcess;

/** The two sides that must agree to the same version of the matrix, with their task and its form's fields. */
enum AgreementSide {
    CSO(UprCycleProcess.AGREE_MATRIX_CSO, UprCycleProcess.AGREE_MATRIX_CSO_FORM, UprCycleProcess.CSO_AGREES_MATRIX,
            UprCycleProcess.CSO_MATRIX_VERSION, UprCycleProcess.CSO_AGREED_ON),
    GOVERNMENT(UprCycleProcess.AGREE_MATRIX_GOVERNMENT, UprCycleProcess.AGREE_MATRIX_GOVERNMENT_FORM,
            UprCycleProcess.GOVERNMENT_AGREES_MATRIX, UprCycleProcess.GOVERNMENT_MATRIX_VERSION,
            UprCycleProcess.GOVERNMENT_AGREED_ON);

    final String taskKey;
    final String formId;
    final String answerField;
    final String versionField;
    final String agreedOnField;

    AgreementSide(String taskKey, String formId, String answerField, String versionField, String agreedOnField) {
        this.taskKey = taskKey;
        this.formId = formId;
        this.answerField = answerField;
        this.versionField = versionField;
        this.agreedOnField = agreedOnField;
    }

    boolean government() {
        return this == GOVERNMENT;
    }

    static Optional<AgreementSide> ofForm(String formId) {
        return Arrays.stream(values()).filter(side -> side.formId.equals(formId)).findFirst();
    }
}
