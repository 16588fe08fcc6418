package org.uprflow.cycle;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * On every task's completion: refuses a form whose values break the form's rules
 * ({@link TaskInputRules}); the transaction rolls back and the task stays open.
 *
 * <p>Why {@link FormFieldValidationException}: it is the one exception engine-rest answers with
 * 400 "Cannot complete task …: &lt;message&gt;" on {@code POST /task/{id}/complete} and
 * {@code /submit-form} (TaskResourceImpl catches it before ProcessEngineException, which gives
 * 500). It lives in an engine {@code impl} package, which is why only this adapter touches it.
 */
@Component("validateTaskInputListener")
public class ValidateTaskInputListener implements TaskListener {

    private final TaskInputRules rules;

    public ValidateTaskInputListener(TaskInputRules rules) {
        this.rules = rules;
    }

    @Override
    public void notify(DelegateTask task) {
        String formId = ((UserTask) task.getBpmnModelElementInstance()).getCamundaFormRef();
        List<String> problems = rules.problems(formId, task.getVariables());
        if (!problems.isEmpty()) {
            throw new FormFieldValidationException(formId,
                    "'" + task.getName() + "' cannot be completed: " + String.join("; ", problems));
        }
    }
}
