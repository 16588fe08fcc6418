package org.uprflow.matrix;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.uprflow.cycle.TaskInputOutdated;
import org.uprflow.cycle.TaskInputRejected;
import org.uprflow.cycle.TaskInputRules;
import org.uprflow.cycle.UprCycleProcess;
import org.uprflow.shared.CountryCode;

/**
 * Makes a side's answer in a round of the follow-up meeting an act on the matrix, not a word.
 * When the task is created it puts the latest version's number in the form's version field, so
 * the side sees (and the form links) the version it is asked about. When the task completes
 * (after {@code validateTaskInputListener} accepted its values) the answer is recorded on that
 * version through {@link ImplementationMatrix#answerInRound}, in the completion's transaction:
 * both sides agreeing to the same version finalises it (final on the later of the days the two
 * sides state in their forms' {@code …AgreedOn}), and {@code matrixFinalVersion} tells the
 * round's gateway so. A version that is no longer the latest → 409; one the matrix does not
 * have → 400; the task stays open either way. The country is the task's tenant.
 */
@Component("recordMatrixAgreementListener")
class RecordMatrixAgreementListener implements TaskListener {

    private final ImplementationMatrix matrix;
    private final MessageSource messages;
    private final Clock clock;

    public RecordMatrixAgreementListener(ImplementationMatrix matrix, MessageSource messages, Clock clock) {
        this.clock = clock;
        this.matrix = matrix;
        this.messages = messages;
    }

    @Override
    public void notify(DelegateTask task) {
        String formId = ((UserTask) task.getBpmnModelElementInstance()).getCamundaFormRef();
        AgreementSide side = AgreementSide.ofForm(formId).orElseThrow(() -> new IllegalStateException(
                "Task " + task.getTaskDefinitionKey() + " records an agreement, but its form " + formId + " is no side's"));
        CountryCode country = CountryCode.of(task.getTenantId());
        int cycle = ((Number) task.getVariable(UprCycleProcess.CYCLE_NUMBER)).intValue();
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            // on the execution, not the task: the completion's values land there and must replace it
            // The form's text shows and links the platform's own copy: a field's value is the side's to change,
            // and a form text never templates what a user can write (ProcessModelRulesTest).
            matrix.latestVersionNumber(country, cycle).ifPresent(number -> {
                task.getExecution().setVariable(side.versionField, number);
                task.getExecution().setVariable(UprCycleProcess.MATRIX_VERSION_ASKED, number);
            });
            return;
        }
        boolean agrees = UprCycleProcess.AGREES.equals(task.getVariable(side.answerField));
        int version = ((Number) task.getVariable(side.versionField)).intValue();
        // the day the side states; validateTaskInputListener recorded today when it stated none
        LocalDate agreedOn = TaskInputRules.day(task.getVariable(side.agreedOnField));
        try {
            matrix.answerInRound(country, cycle, side, version, agrees,
                    agreedOn != null ? agreedOn : LocalDate.now(clock),
                    ImplementationMatrix.roundOf(task.getVariable(UprCycleProcess.MATRIX_ROUNDS)), caller(task))
                    .ifPresentOrElse(
                    finalVersion -> task.getExecution().getProcessInstance()
                            .setVariable(UprCycleProcess.MATRIX_FINAL_VERSION, finalVersion),
                    () -> task.getExecution().getProcessInstance().removeVariable(UprCycleProcess.MATRIX_FINAL_VERSION));
        } catch (MatrixAnswerRefused refused) {
            String problem = messages.getMessage(refused.messageKey(), refused.arguments(), LocaleContextHolder.getLocale());
            String refusal = messages.getMessage("task.input.refused", new Object[] {task.getName(), problem},
                    LocaleContextHolder.getLocale());
            throw refused.outdated() ? new TaskInputOutdated(refusal) : new TaskInputRejected(refusal, formId, List.of(problem));
        }
    }

    private static String caller(DelegateTask task) {
        Authentication caller = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return caller != null ? caller.getUserId() : task.getAssignee() != null ? task.getAssignee() : "engine";
    }
}
