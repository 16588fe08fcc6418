package org.uprflow.engine;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractInstantiationCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * The rule that a cycle's variables belong to the platform, held by the engine itself so that it
 * applies whatever the channel ({@code /engine-rest}, Tasklist's own API, Cockpit, Java calls):
 * <ul>
 * <li>a user completing a task ({@code complete}, {@code submit-form}) may send only the fields of
 *     the task's form, with their types ({@link TaskInputPolicy#submissionProblems}), else
 *     {@link RefusedTaskInput} (400) before anything is written;</li>
 * <li>setting or removing variables of a task, an execution or a process instance, or handing
 *     variables in with a modification, a message, a signal, a resolved delegation, or ending a task
 *     with a BPMN error or escalation, is refused to every user but an administrator
 *     ({@link RefusedVariableWrite}, 403).</li>
 * </ul>
 * The platform itself (delegates, listeners, timers, the cycle launcher) works with no engine
 * identity or inside a command a user started, and is not checked: only the outermost command of
 * a call carries what the user sent.
 *
 * <p>A post-interceptor: it runs inside the command context (to read the task) but before the
 * command. What a command carries is read from its fields, as Camunda 7.24 names them.
 */
final class PlatformOwnedVariables extends CommandInterceptor {

    private final TaskInputPolicy policy;
    private final ThreadLocal<Integer> depth = ThreadLocal.withInitial(() -> 0);

    PlatformOwnedVariables(TaskInputPolicy policy) {
        this.policy = policy;
    }

    @Override
    public <T> T execute(Command<T> command) {
        int level = depth.get();
        depth.set(level + 1);
        try {
            if (level == 0) {
                check(command, Context.getCommandContext());
            }
            return next.execute(command);
        } finally {
            if (level == 0) {
                depth.remove();
            } else {
                depth.set(level);
            }
        }
    }

    private void check(Command<?> command, CommandContext context) {
        Authentication caller = context == null ? null : context.getAuthentication();
        if (caller == null || caller.getUserId() == null) {
            return;
        }
        if (command instanceof SubmitTaskFormCmd || command instanceof CompleteTaskCmd && !(command instanceof ResolveTaskCmd)) {
            checkCompletion(context, (String) field(command, "taskId"), submitted(command));
            return;
        }
        if (isAdmin(caller)) {
            return;
        }
        Set<String> written = variablesWritten(command);
        if (!written.isEmpty()) {
            throw new RefusedVariableWrite(policy.directWriteRefused(written));
        }
    }

    private void checkCompletion(CommandContext context, String taskId, Map<String, Object> submitted) {
        TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
        if (task == null) {
            return; // the command answers a missing task itself
        }
        UserTask userTask = task.getProcessDefinitionId() == null ? null : task.getBpmnModelElementInstance();
        String formRef = userTask == null ? null : userTask.getCamundaFormRef();
        List<String> problems = policy.submissionProblems(task.getName(), formRef, submitted);
        // Out of the caller's reach, the command refuses it itself, as for a missing task; asked only on a
        // refusal, so an accepted completion costs no authorization query more.
        if (!problems.isEmpty() && mayRead(context, task)) {
            throw new RefusedTaskInput(problems);
        }
    }

    /** Whether the engine lets the caller read the task (its country, its authorizations), so a refusal tells nothing new. */
    private static boolean mayRead(CommandContext context, TaskEntity task) {
        try {
            for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
                checker.checkReadTask(task);
            }
            return true;
        } catch (ProcessEngineException outOfReach) {
            return false;
        }
    }

    private static Map<String, Object> submitted(Command<?> command) {
        Object variables = field(command, command instanceof SubmitTaskFormCmd ? "properties" : "variables");
        Map<String, Object> values = new LinkedHashMap<>();
        if (variables instanceof Map<?, ?> map) {
            for (Object name : map.keySet()) {
                Object value = map instanceof VariableMap typed ? typed.getValueTyped((String) name) : map.get(name);
                values.put((String) name, plain(value));
            }
        }
        return values;
    }

    /** A typed value's Java value; a serialized object stays as it came (it is no form's type). */
    private static Object plain(Object value) {
        if (value instanceof SerializableValue serialized && !serialized.isDeserialized()) {
            return serialized;
        }
        return value instanceof TypedValue typed ? typed.getValue() : value;
    }

    /** The names of the variables a command would write from what its caller handed in. */
    static Set<String> variablesWritten(Command<?> command) {
        Set<String> names = new TreeSet<>();
        if (command instanceof AbstractSetVariableCmd || command instanceof ResolveTaskCmd
                || command instanceof HandleTaskBpmnErrorCmd || command instanceof HandleTaskEscalationCmd) {
            names.addAll(keys(field(command, "variables")));
        } else if (command instanceof AbstractPatchVariablesCmd) {
            names.addAll(keys(field(command, "variables")));
            names.addAll(strings(field(command, "deletions")));
        } else if (command instanceof AbstractRemoveVariableCmd) {
            names.addAll(strings(field(command, "variableNames")));
        } else if (command instanceof SignalCmd) {
            names.addAll(keys(field(command, "processVariables")));
        } else if (command instanceof AbstractCorrelateMessageCmd || command instanceof SignalEventReceivedCmd
                || command instanceof ModifyProcessInstanceCmd) {
            names.addAll(builderVariables(field(command, "builder")));
        }
        if (names.isEmpty() && (command instanceof HandleTaskBpmnErrorCmd || command instanceof HandleTaskEscalationCmd)) {
            // No process of the platform catches them on a user task: they would end the task without its form.
            names.add("bpmnError");
        }
        return names;
    }

    private static Collection<String> builderVariables(Object builder) {
        List<String> names = new ArrayList<>();
        for (String getter : List.of("processVariables", "payloadProcessInstanceVariables",
                "payloadProcessInstanceVariablesLocal", "payloadProcessInstanceVariablesToTriggeredScope", "variables")) {
            names.addAll(keys(getter(builder, getter)));
        }
        Object operations = getter(builder, "modificationOperations");
        if (operations instanceof Collection<?> list) {
            for (Object operation : list) {
                if (operation instanceof AbstractInstantiationCmd instantiation) {
                    names.addAll(keys(instantiation.getVariables()));
                    names.addAll(keys(instantiation.getVariablesLocal()));
                }
            }
        }
        return names;
    }

    private static boolean isAdmin(Authentication caller) {
        return caller.getGroupIds() != null && caller.getGroupIds().contains(Groups.CAMUNDA_ADMIN);
    }

    private static Collection<String> keys(Object map) {
        return map instanceof Map<?, ?> m ? m.keySet().stream().map(String::valueOf).toList() : List.of();
    }

    private static Collection<String> strings(Object names) {
        return names instanceof Collection<?> c ? c.stream().map(String::valueOf).toList() : List.of();
    }

    /**
     * A field of a Camunda command, wherever in its class hierarchy it is declared. A missing one
     * means an engine upgrade renamed it: fail loudly rather than let the rule lapse.
     */
    private static Object field(Object target, String name) {
        for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return field.get(target);
            } catch (NoSuchFieldException e) {
                // declared higher up
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("Cannot read " + name + " of " + target.getClass().getName(), e);
            }
        }
        throw new IllegalStateException("No field " + name + " in " + target.getClass().getName()
                + ": the engine changed, adapt PlatformOwnedVariables");
    }

    /** The value of a builder's {@code getX()}, or null when it has none. */
    private static Object getter(Object target, String property) {
        if (target == null) {
            return null;
        }
        try {
            return target.getClass().getMethod("get" + Character.toUpperCase(property.charAt(0)) + property.substring(1))
                    .invoke(target);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }
}
