package org.uprflow.cycle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.uprflow.engine.EngineTexts;

/**
 * On every task's completion: refuses a form whose values break the form's rules
 * ({@link TaskInputRules}) or a {@link TaskCompletionCheck} of a feature with
 * {@link TaskInputRejected}; the transaction rolls back and the task stays open.
 *
 * <p>Not a BpmnError (that would route the process, not refuse the input) and not
 * {@code FormFieldValidationException}, which engine-rest would turn into 400 but which the
 * engine wraps into a plain ProcessEngineException when it comes out of a task listener.
 */
@Component("validateTaskInputListener")
public class ValidateTaskInputListener implements TaskListener {

    private final TaskInputRules rules;
    private final List<TaskCompletionCheck> checks;
    /** The task's name in the caller's language for the refusal; none in the engine tests. */
    private final EngineTexts texts;

    /** Only the forms' rules: the engine tests, which have no register behind them. */
    public ValidateTaskInputListener(TaskInputRules rules) {
        this(rules, List.of(), null);
    }

    @Autowired
    public ValidateTaskInputListener(TaskInputRules rules, List<TaskCompletionCheck> checks, EngineTexts texts) {
        this.rules = rules;
        this.checks = List.copyOf(checks);
        this.texts = texts;
    }

    @Override
    public void notify(DelegateTask task) {
        String formId = ((UserTask) task.getBpmnModelElementInstance()).getCamundaFormRef();
        Map<String, Object> variables = variablesOf(task);
        List<String> problems = new ArrayList<>(rules.problems(formId, variables));
        Map<String, Object> figures = new HashMap<>();
        if (problems.isEmpty()) {
            for (TaskCompletionCheck check : checks) {
                TaskCompletionCheck.Verdict verdict = check.verdict(formId, variables);
                problems.addAll(verdict.problems());
                figures.putAll(verdict.figures());
            }
        }
        if (!problems.isEmpty()) {
            String name = texts == null ? task.getName() : texts.taskName(task.getName(),
                    EngineTexts.processKey(task.getProcessDefinitionId()), task.getTaskDefinitionKey(),
                    LocaleContextHolder.getLocale());
            throw new TaskInputRejected(rules.refusal(name, problems), formId, problems);
        }
        // A day the form lets the user state, left empty: the step happened today, and says so.
        for (String field : rules.statedDayFields(formId)) {
            if (TaskInputRules.day(variables.get(field)) == null) {
                figures.put(field, rules.today().toString());
            }
        }
        // The platform's own figures, as they stood when the step was done: set on the process
        // instance (a phase hands them up to the cycle), over anything of the same name.
        if (!figures.isEmpty()) {
            task.getExecution().getProcessInstance().setVariables(figures);
        }
    }

    /**
     * The task's variables with {@value UprCycleProcess#COUNTRY_CODE} set to the country of its
     * process instance, its tenant: what the checks and the listeners of a cycle's tasks read.
     * A variable can be changed after the start (by an administrator); the tenant cannot.
     */
    public static Map<String, Object> variablesOf(DelegateTask task) {
        Map<String, Object> variables = new HashMap<>(task.getVariables());
        variables.put(UprCycleProcess.COUNTRY_CODE, task.getTenantId());
        return variables;
    }
}
