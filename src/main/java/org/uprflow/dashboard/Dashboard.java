package org.uprflow.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.uprflow.country.Country;
import org.uprflow.country.CountryDirectory;
import org.uprflow.country.ParticipantRole;
import org.uprflow.cycle.CycleCalendar;
import org.uprflow.cycle.MidTermReportProcess;
import org.uprflow.cycle.ReviewAndPositionsProcess;
import org.uprflow.cycle.TaskInputRules;
import org.uprflow.dashboard.CountryInDepth.Group;
import org.uprflow.dashboard.CountryInDepth.Links;
import org.uprflow.dashboard.CountryInDepth.MatrixProgress;
import org.uprflow.dashboard.CountryInDepth.TaskLine;
import org.uprflow.dashboard.EngineTables.ActivitySpan;
import org.uprflow.dashboard.EngineTables.RootVariable;
import org.uprflow.dashboard.EngineTables.TaskCount;
import org.uprflow.dashboard.EngineTables.TaskRow;
import org.uprflow.dashboard.Overview.Attendance;
import org.uprflow.dashboard.Overview.CountryCard;
import org.uprflow.dashboard.Overview.CycleSummary;
import org.uprflow.dashboard.Overview.MatrixStatus;
import org.uprflow.dashboard.Overview.PhaseStep;
import org.uprflow.dashboard.Overview.RoleTasks;
import org.uprflow.dashboard.Overview.Tasks;
import org.uprflow.dashboard.PlatformTables.CycleRow;
import org.uprflow.dashboard.PlatformTables.StatedDay;
import org.uprflow.dashboard.PlatformTables.StatusCount;
import org.uprflow.meeting.Meeting;
import org.uprflow.meeting.MeetingLog;
import org.uprflow.security.PlatformUser;
import org.uprflow.shared.CountryCode;
import org.uprflow.shared.RecordNotFoundException;

/**
 * What the dashboard shows, for programme managers and admins only (anybody else: 403), of the
 * countries the caller manages (admins: all). Each part is one grouped query over all those
 * countries at once, however many there are.
 */
@Service
class Dashboard {

    static final String TASKLIST = "/camunda/app/tasklist/default/";
    static final String COCKPIT_INSTANCE = "/camunda/app/cockpit/default/#/process-instance/";
    static final String REGISTER = "/register/";
    static final String REPORT = "/report/";

    /**
     * The days stated in the phases' forms that the timeline reads from the engine's history, and
     * the phase each belongs to.
     */
    private static final Map<String, CyclePhase> STATED_IN_FORMS = Map.of(
            ReviewAndPositionsProcess.OUTCOME_ADOPTED_ON, CyclePhase.REVIEW_AND_POSITIONS,
            MidTermReportProcess.submittedOn("government"), CyclePhase.MID_TERM_REPORT,
            MidTermReportProcess.submittedOn("cso"), CyclePhase.MID_TERM_REPORT,
            MidTermReportProcess.submittedOn("nhri"), CyclePhase.MID_TERM_REPORT);

    private final CountryDirectory countries;
    private final PlatformTables platform;
    private final EngineTables engine;
    private final MeetingLog meetings;
    private final CycleCalendar calendar;
    private final Clock clock;

    Dashboard(CountryDirectory countries, PlatformTables platform, EngineTables engine, MeetingLog meetings,
            CycleCalendar calendar, Clock clock) {
        this.clock = clock;
        this.countries = countries;
        this.platform = platform;
        this.engine = engine;
        this.meetings = meetings;
        this.calendar = calendar;
    }

    /**
     * A card for each open cycle of each country (a country with two cycles open, KE-4 and KE-5,
     * has two, each with its own phase, timeline and counts); a country with no cycle open has one
     * card for its latest cycle, or none at all.
     */
    @Transactional(readOnly = true)
    public Overview overview(PlatformUser caller) {
        requireManager(caller);
        List<Country> visible = countries.visibleTo(caller);
        List<String> codes = visible.stream().map(Country::tenantId).toList();
        LocalDateTime now = engineNow();

        List<CycleRow> all = platform.cyclesOf(codes);
        Set<String> running = Set.copyOf(engine.runningInstances(all.stream().map(CycleRow::processInstanceId).toList()));
        Map<String, List<CycleRow>> cycles = shownCycles(all, running);
        List<CycleRow> shown = cycles.values().stream().flatMap(List::stream).toList();
        List<String> businessKeys = shown.stream().map(CycleRow::businessKey).toList();
        Map<String, List<StatedDay>> statedDays = platform.statedDays(codes).stream()
                .collect(Collectors.groupingBy(day -> day.countryCode() + "-" + day.cycleNumber()));
        List<String> instances = shown.stream().map(CycleRow::processInstanceId).toList();
        Map<String, List<ActivitySpan>> spans = engine.activitySpans(instances, CyclePhase.allActivityIds())
                .stream().collect(Collectors.groupingBy(ActivitySpan::processInstanceId));
        Map<String, List<RootVariable>> statedInForms = engine.textVariables(instances, STATED_IN_FORMS.keySet())
                .stream().collect(Collectors.groupingBy(RootVariable::rootProcessInstanceId));
        Map<String, List<TaskCount>> byGroup = engine.taskCountsByGroup(codes, now).stream()
                .filter(count -> count.businessKey() != null)
                .collect(Collectors.groupingBy(TaskCount::businessKey));
        Map<String, TaskCount> totals = engine.taskCounts(codes, now).stream()
                .filter(count -> count.businessKey() != null)
                .collect(Collectors.toMap(TaskCount::businessKey, Function.identity()));
        Map<String, List<StatusCount>> matrices = platform.matrixStatusOfCycles(businessKeys).stream()
                .collect(Collectors.groupingBy(count -> count.countryCode() + "-" + count.cycleNumber()));
        Map<String, List<Attendance>> attendance = meetings.ofCycles(businessKeys).stream()
                .collect(Collectors.groupingBy(m -> m.countryCode().toLowerCase(Locale.ROOT) + "-" + m.cycleNumber(),
                        LinkedHashMap::new, Collectors.mapping(Dashboard::attendance, Collectors.toList())));

        List<CountryCard> cards = new ArrayList<>();
        for (Country country : visible) {
            String code = country.tenantId();
            List<CycleRow> ofCountry = cycles.getOrDefault(code, List.of());
            if (ofCountry.isEmpty()) {
                cards.add(new CountryCard(country.code(), country.name(), null, null, List.of(),
                        tasks(code, null, List.of()), null, List.of()));
            }
            for (CycleRow cycle : ofCountry) {
                String key = cycle.businessKey();
                String ofCycle = code + "-" + cycle.cycleNumber();
                List<PhaseStep> timeline = timeline(cycle, spans.getOrDefault(cycle.processInstanceId(), List.of()),
                        statedDays.getOrDefault(ofCycle, List.of()), attendance.getOrDefault(ofCycle, List.of()),
                        statedInForms.getOrDefault(cycle.processInstanceId(), List.of()));
                cards.add(new CountryCard(country.code(), country.name(), summary(cycle, running), phaseOf(timeline), timeline,
                        tasks(code, totals.get(key), byGroup.getOrDefault(key, List.of())),
                        matrix(matrices.getOrDefault(ofCycle, List.of())), attendance.getOrDefault(ofCycle, List.of())));
            }
        }
        return new Overview(cards, cards.stream().mapToInt(c -> c.tasks().open()).sum(),
                cards.stream().mapToInt(c -> c.tasks().overdue()).sum());
    }

    /** Per country (tenant id): its cycles whose instance still runs, or its latest cycle when none runs. */
    private static Map<String, List<CycleRow>> shownCycles(List<CycleRow> all, Set<String> running) {
        Map<String, List<CycleRow>> byCountry = all.stream().collect(Collectors.groupingBy(CycleRow::countryCode,
                LinkedHashMap::new, Collectors.toList()));
        Map<String, List<CycleRow>> shown = new LinkedHashMap<>();
        byCountry.forEach((code, ofCountry) -> {
            List<CycleRow> open = ofCountry.stream().filter(c -> running.contains(c.processInstanceId())).toList();
            shown.put(code, open.isEmpty() ? List.of(ofCountry.get(ofCountry.size() - 1)) : open);
        });
        return shown;
    }

    /**
     * One country in depth: the cycle {@code cycleNumber}, or when null the latest of its open
     * cycles (else its latest). Tasks, matrix and meetings are those of that cycle. 404 for a
     * cycle never opened.
     */
    @Transactional(readOnly = true)
    public CountryInDepth country(CountryCode code, Integer cycleNumber, PlatformUser caller) {
        requireManager(caller);
        Country country = countries.find(code, caller);
        LocalDateTime now = engineNow();
        List<CycleRow> cycles = platform.cycles(code.value());
        Set<String> running = Set.copyOf(engine.runningInstances(
                cycles.stream().map(CycleRow::processInstanceId).toList()));
        CycleRow cycle = cycleNumber != null
                ? cycles.stream().filter(c -> c.cycleNumber() == cycleNumber).findFirst().orElse(null)
                : cycles.stream().filter(c -> running.contains(c.processInstanceId())).reduce((earlier, later) -> later)
                        .orElse(cycles.isEmpty() ? null : cycles.get(cycles.size() - 1));
        if (cycleNumber != null && cycle == null) {
            throw new RecordNotFoundException("cycle", code.upperCase() + "-" + cycleNumber);
        }
        List<Meeting> held = cycle == null ? List.of() : meetings.ofCycle(code.value(), cycle.cycleNumber());
        List<PhaseStep> timeline = cycle == null ? List.of() : timeline(cycle, engine.activitySpans(
                List.of(cycle.processInstanceId()), CyclePhase.allActivityIds()),
                platform.statedDays(List.of(code.value())).stream()
                        .filter(day -> day.cycleNumber() == cycle.cycleNumber()).toList(),
                held.stream().map(Dashboard::attendance).toList(),
                engine.textVariables(List.of(cycle.processInstanceId()), STATED_IN_FORMS.keySet()));
        Set<String> tenant = Set.of(code.value());
        String key = cycle == null ? null : cycle.businessKey();
        List<TaskLine> openTasks = cycle == null ? List.of() : taskLines(engine.openTasks(code.value(), key), code, now);
        Tasks tasks = tasks(code.value(), engine.taskCounts(tenant, now).stream()
                        .filter(count -> Objects.equals(count.businessKey(), key)).findFirst().orElse(null),
                engine.taskCountsByGroup(tenant, now).stream()
                        .filter(count -> Objects.equals(count.businessKey(), key)).toList());
        MatrixProgress matrix = null;
        if (cycle != null) {
            // every entry has one thematic cluster: the themes add up to the whole matrix
            List<StatusCount> byTheme = platform.matrixStatusBy(code.value(), cycle.cycleNumber(), true);
            matrix = new MatrixProgress(matrix(byTheme), groups(byTheme),
                    groups(platform.matrixStatusBy(code.value(), cycle.cycleNumber(), false)));
        }
        String ofCycle = cycle == null ? null : "?country=" + code.upperCase() + "&cycle=" + cycle.cycleNumber();
        Links links = new Links(TASKLIST, cycle == null ? null : COCKPIT_INSTANCE + cycle.processInstanceId() + "/runtime",
                cycle == null ? null : REGISTER + ofCycle, cycle == null ? null : REPORT + ofCycle);
        return new CountryInDepth(country.code(), country.name(),
                cycles.stream().map(c -> summary(c, running)).toList(),
                cycle == null ? null : summary(cycle, running), cycle == null ? null : phaseOf(timeline), timeline,
                tasks, openTasks, matrix, held, links);
    }

    private static void requireManager(PlatformUser caller) {
        if (!caller.isAdmin() && !caller.isProgrammeManager()) {
            throw new AccessDeniedException("The dashboard is for programme managers and admins");
        }
    }

    /**
     * The phases with what the history says of each: CURRENT while something of it runs, DONE when
     * it ran and nothing of it runs any more, NEXT for the first phase after the last one that ran,
     * LATER after that. The phases before the one a cycle was opened at are DONE before the
     * platform, ended on the day the programme manager stated (none stated: no day). A phase run on
     * the platform spans the days its people stated (meetings held, the review and the adoption of
     * its outcome, the matrix final, the contributions submitted, the report published) where they
     * stated any, else the days the engine ran it ({@code stated} false).
     */
    private List<PhaseStep> timeline(CycleRow cycle, List<ActivitySpan> spans, List<StatedDay> statedDays,
            List<Attendance> held, List<RootVariable> statedInForms) {
        Map<String, LocalDate> doneOn = new HashMap<>();
        Map<CyclePhase, List<LocalDate>> stated = new EnumMap<>(CyclePhase.class);
        for (StatedDay day : statedDays) {
            switch (day.kind()) {
                case PlatformTables.PHASE_DONE -> doneOn.put(day.phase(), day.day());
                case PlatformTables.MATRIX_FINALISED -> statedIn(stated, CyclePhase.MATRIX_AGREEMENT, day.day());
                default -> statedIn(stated, CyclePhase.MID_TERM_REPORT, day.day());
            }
        }
        // the review and positions phase starts on the review day
        statedIn(stated, CyclePhase.REVIEW_AND_POSITIONS, cycle.reviewDate());
        held.forEach(meeting -> statedIn(stated, CyclePhase.valueOf(meeting.kind().phase().name()), meeting.heldOn()));
        statedInForms.forEach(variable -> statedIn(stated, STATED_IN_FORMS.get(variable.name()),
                TaskInputRules.day(variable.text())));
        int openedAt = cycle.openedAtPhase() == null ? 0 : CyclePhase.valueOf(cycle.openedAtPhase()).ordinal();
        Map<String, ActivitySpan> byActivity = spans.stream()
                .collect(Collectors.toMap(ActivitySpan::activityId, Function.identity()));
        boolean closed = byActivity.containsKey(CyclePhase.CLOSED_ACTIVITY);
        CyclePhase[] phases = CyclePhase.values();
        List<List<ActivitySpan>> ran = new ArrayList<>();
        int lastRan = -1;
        for (int i = 0; i < phases.length; i++) {
            ran.add(phases[i].activityIds().stream().map(byActivity::get).filter(Objects::nonNull).toList());
            if (!ran.get(i).isEmpty()) {
                lastRan = i;
            }
        }
        List<PhaseStep> steps = new ArrayList<>();
        for (int i = 0; i < phases.length; i++) {
            if (i < openedAt) {
                steps.add(new PhaseStep(phases[i], PhaseState.DONE, null, doneOn.get(phases[i].name()),
                        phases[i].plannedBy(calendar, cycle.reviewDate()), true, true));
                continue;
            }
            List<ActivitySpan> ofPhase = ran.get(i);
            boolean running = !closed && ofPhase.stream().anyMatch(ActivitySpan::running);
            List<LocalDate> days = ofPhase.isEmpty() ? List.of() : stated.getOrDefault(phases[i], List.of());
            LocalDate started = !days.isEmpty() ? Collections.min(days) : ofPhase.stream().map(ActivitySpan::started)
                    .filter(Objects::nonNull).min(Comparator.naturalOrder()).map(LocalDateTime::toLocalDate).orElse(null);
            LocalDate ended = running ? null : !days.isEmpty() ? Collections.max(days) : ofPhase.stream()
                    .map(ActivitySpan::ended).filter(Objects::nonNull).max(Comparator.naturalOrder())
                    .map(LocalDateTime::toLocalDate).orElse(null);
            PhaseState state = running ? PhaseState.CURRENT
                    : !ofPhase.isEmpty() ? PhaseState.DONE
                    : !closed && i == lastRan + 1 ? PhaseState.NEXT
                    : PhaseState.LATER;
            steps.add(new PhaseStep(phases[i], state, started, ended, phases[i].plannedBy(calendar, cycle.plannedFrom()),
                    false, !days.isEmpty()));
        }
        return steps;
    }

    private static void statedIn(Map<CyclePhase, List<LocalDate>> stated, CyclePhase phase, LocalDate day) {
        if (day != null) {
            stated.computeIfAbsent(phase, p -> new ArrayList<>()).add(day);
        }
    }

    private static String phaseOf(List<PhaseStep> timeline) {
        return timeline.stream().filter(step -> step.state() == PhaseState.CURRENT).map(step -> step.phase().name())
                .findFirst().orElse(timeline.stream().allMatch(step -> step.state() == PhaseState.DONE)
                        ? CyclePhase.CLOSED : null);
    }

    private static Tasks tasks(String code, TaskCount total, List<TaskCount> byGroup) {
        Map<String, RoleTasks> roles = new TreeMap<>();
        for (TaskCount count : byGroup) {
            String role = roleOf(code, count.groupId());
            roles.merge(role, new RoleTasks(role, count.open(), count.overdue()),
                    (a, b) -> new RoleTasks(role, a.open() + b.open(), a.overdue() + b.overdue()));
        }
        return new Tasks(total == null ? 0 : total.open(), total == null ? 0 : total.overdue(),
                List.copyOf(roles.values()));
    }

    /** CSO, GOVERNMENT, NHRI for the country's groups, PROGRAMME_MANAGER for the managers' group; else the group id. */
    private static String roleOf(String code, String groupId) {
        if (PlatformUser.PROGRAMME_MANAGERS_GROUP.equals(groupId)) {
            return ParticipantRole.PROGRAMME_MANAGER.name();
        }
        return ParticipantRole.ofGroup(CountryCode.of(code), groupId).map(Enum::name).orElse(groupId);
    }

    private static MatrixStatus matrix(List<StatusCount> counts) {
        if (counts.isEmpty()) {
            return null;
        }
        StatusCount any = counts.get(0);
        return new MatrixStatus(any.versionNumber(), any.versionStatus(),
                counts.stream().mapToInt(StatusCount::entries).sum(), byStatus(counts));
    }

    private static List<Group> groups(List<StatusCount> counts) {
        Map<String, List<StatusCount>> byLabel = counts.stream().collect(Collectors.groupingBy(
                count -> count.label() == null ? "" : count.label(), TreeMap::new, Collectors.toList()));
        return byLabel.entrySet().stream().map(group -> new Group(group.getKey(),
                group.getValue().stream().mapToInt(StatusCount::entries).sum(), byStatus(group.getValue()))).toList();
    }

    private static Map<String, Integer> byStatus(List<StatusCount> counts) {
        Map<String, Integer> byStatus = new LinkedHashMap<>();
        counts.stream().filter(count -> count.status() != null && count.entries() > 0)
                .forEach(count -> byStatus.merge(count.status(), count.entries(), Integer::sum));
        return byStatus;
    }

    /** Now as the engine's due dates read: the engine keeps them as local time of the JVM's zone. */
    private LocalDateTime engineNow() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneId.systemDefault());
    }

    private static List<TaskLine> taskLines(List<TaskRow> rows, CountryCode code, LocalDateTime now) {
        Map<String, List<TaskRow>> byTask = rows.stream()
                .collect(Collectors.groupingBy(TaskRow::id, LinkedHashMap::new, Collectors.toList()));
        return byTask.values().stream().map(groups -> {
            TaskRow task = groups.get(0);
            List<String> roles = groups.stream().map(TaskRow::groupId).filter(Objects::nonNull)
                    .map(group -> roleOf(code.value(), group)).distinct().toList();
            return new TaskLine(task.id(), task.name(), task.businessKey(), roles, task.assignee(), task.created(),
                    task.due(), task.due() != null && task.due().isBefore(now), TASKLIST + "#/?task=" + task.id());
        }).toList();
    }

    /** {@code running}: the process instances of cycles still open. */
    private static CycleSummary summary(CycleRow cycle, Set<String> running) {
        return new CycleSummary(cycle.cycleNumber(), cycle.businessKey(), cycle.wgSession(), cycle.reviewDate(),
                cycle.processInstanceId(), running.contains(cycle.processInstanceId()));
    }

    private static Attendance attendance(Meeting meeting) {
        return new Attendance(meeting.kind(), meeting.matrixRound(), meeting.heldOn(), meeting.csoAttendance(),
                meeting.governmentAttendance(), meeting.nhriAttendance());
    }
}
