package org.uprflow.report;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Component;
import org.uprflow.cycle.Cycle;
import org.uprflow.cycle.MidTermReportProcess;
import org.uprflow.cycle.TaskInputRules;
import org.uprflow.engine.EngineAuthentication;

/**
 * What the engine recorded of a cycle: its phases and tasks with dates, its due dates, the
 * contributions to the mid-term report, and whether the publish task is open. Read as the
 * platform, by the cycle's own process instance, after the caller's right to the country was
 * checked: participants have no history rights of their own. A fixed number of queries per
 * report, none per phase or task.
 */
@Component
class CycleHistory {

    /** The steps a report's timeline shows: phases, monitoring, tasks, and the cycle's end. */
    private static final Set<String> SHOWN = Set.of("callActivity", "subProcess", "userTask", "noneEndEvent");

    private static final Map<String, String> CONTRIBUTIONS = new LinkedHashMap<>();

    static {
        CONTRIBUTIONS.put(MidTermReportProcess.CONTRIBUTE_GOVERNMENT, "government");
        CONTRIBUTIONS.put(MidTermReportProcess.CONTRIBUTE_CSO, "cso");
        CONTRIBUTIONS.put(MidTermReportProcess.CONTRIBUTE_NHRI, "nhri");
    }

    private final HistoryService history;
    private final TaskService tasks;
    private final EngineAuthentication engine;

    CycleHistory(HistoryService history, TaskService tasks, EngineAuthentication engine) {
        this.history = history;
        this.tasks = tasks;
        this.engine = engine;
    }

    List<MidTermReport.Step> steps(Cycle cycle) {
        return engine.asPlatform(() -> history.createHistoricActivityInstanceQuery()
                .processInstanceId(cycle.processInstanceId()).orderByHistoricActivityInstanceStartTime().asc()
                .orderPartiallyByOccurrence().asc().list().stream()
                .filter(step -> SHOWN.contains(step.getActivityType()))
                .map(CycleHistory::step).toList());
    }

    /**
     * The cycle's variables of these names that hold a date as text, as the process holds them: its
     * due dates (a date given at opening wins over the calendar) and the days stated in forms whose
     * values the phases hand up to the cycle (the outcome's adoption).
     */
    Map<String, String> dates(Cycle cycle, Set<String> names) {
        Map<String, String> dates = new LinkedHashMap<>();
        engine.asPlatform(() -> history.createHistoricVariableInstanceQuery()
                .processInstanceIdIn(cycle.processInstanceId()).variableNameIn(names.toArray(String[]::new))
                .list()).forEach(variable -> {
                    if (variable.getValue() instanceof String date) {
                        dates.put(variable.getName(), date);
                    }
                });
        return dates;
    }

    /** Each side's contribution: who completed it, when, and what they entered; an open one has no date. */
    List<MidTermReport.Contribution> contributions(Cycle cycle) {
        return engine.asPlatform(() -> {
            Optional<HistoricProcessInstance> phase = history.createHistoricProcessInstanceQuery()
                    .superProcessInstanceId(cycle.processInstanceId())
                    .processDefinitionKey(MidTermReportProcess.KEY).list().stream()
                    .max(Comparator.comparing(HistoricProcessInstance::getStartTime));
            Map<String, HistoricTaskInstance> done = new LinkedHashMap<>();
            Map<String, Object> values = new LinkedHashMap<>();
            if (phase.isPresent()) {
                for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery()
                        .processInstanceId(phase.get().getId()).finished()
                        .taskDefinitionKeyIn(CONTRIBUTIONS.keySet().toArray(String[]::new)).list()) {
                    done.put(task.getTaskDefinitionKey(), task);
                }
                for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
                        .processInstanceIdIn(phase.get().getId()).list()) {
                    values.put(variable.getName(), variable.getValue());
                }
            }
            return CONTRIBUTIONS.entrySet().stream()
                    .map(side -> contribution(side.getValue(), done.get(side.getKey()), values)).toList();
        });
    }

    private static MidTermReport.Contribution contribution(String side, HistoricTaskInstance task,
            Map<String, Object> values) {
        String name = side.toUpperCase(Locale.ROOT);
        if (task == null) {
            return new MidTermReport.Contribution(name, null, null, null, null, null, null);
        }
        String prefix = side + "MidTerm";
        LocalDate submittedOn = TaskInputRules.day(values.get(MidTermReportProcess.submittedOn(side)));
        return new MidTermReport.Contribution(name, task.getAssignee(), utc(task.getEndTime()),
                text(values.get(prefix + "Link")), number(values.get(MidTermReportProcess.fullyImplemented(side))),
                number(values.get(MidTermReportProcess.partiallyImplemented(side))),
                // completed before its form asked for the day: the day it was completed
                submittedOn != null ? submittedOn : utc(task.getEndTime()).toLocalDate());
    }

    /** Whether the cycle's mid-term report phase waits at its publish task. */
    boolean atPublishTask(Cycle cycle) {
        return engine.asPlatform(() -> tasks.createTaskQuery().tenantIdIn(cycle.countryCode().toLowerCase(Locale.ROOT))
                .processInstanceBusinessKey(cycle.businessKey())
                .taskDefinitionKey(MidTermReportProcess.PUBLISH_MID_TERM_REPORT).active().count() > 0);
    }

    private static MidTermReport.Step step(HistoricActivityInstance step) {
        return new MidTermReport.Step(step.getActivityId(), step.getActivityName(), step.getActivityType(),
                utc(step.getStartTime()), utc(step.getEndTime()), null, null, false);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static Long number(Object value) {
        return value instanceof Number n ? n.longValue() : null;
    }

    private static OffsetDateTime utc(Date date) {
        return date == null ? null : date.toInstant().atOffset(ZoneOffset.UTC);
    }
}
