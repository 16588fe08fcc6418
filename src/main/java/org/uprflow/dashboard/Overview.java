package org.uprflow.dashboard;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.uprflow.meeting.MeetingKind;

/** All the caller's countries at a glance. */
record Overview(List<CountryCard> countries, int openTasks, int overdueTasks) {

    /**
     * One cycle of a country and where it stands: each open cycle has its own card; a country with
     * none open, one for its latest. {@code cycle} and what depends on it are null before the first cycle.
     */
    record CountryCard(String code, String name, CycleSummary cycle, String phase, List<PhaseStep> timeline,
            Tasks tasks, MatrixStatus matrix, List<Attendance> meetings) {
    }

    /** {@code open}: its process still runs. */
    record CycleSummary(int number, String businessKey, int wgSession, LocalDate reviewDate, String processInstanceId,
            boolean open) {
    }

    /**
     * A phase of the timeline in its {@link PhaseState}, with the days the history records and
     * the planned day. {@code beforePlatform}: done before the cycle was opened on the platform,
     * {@code ended} then the day the programme manager stated. {@code stated}: the days are the days
     * things happened as people stated them (the review, the adoption of its outcome, meetings held,
     * the matrix final, contributions submitted, the report published); false: the days the engine
     * ran the phase, as nobody stated any.
     */
    record PhaseStep(CyclePhase phase, PhaseState state, LocalDate started, LocalDate ended, LocalDate plannedBy,
            boolean beforePlatform, boolean stated) {
    }

    record Tasks(int open, int overdue, List<RoleTasks> byRole) {
    }

    /** Open tasks of a role (CSO, GOVERNMENT, NHRI, PROGRAMME_MANAGER) in the country. */
    record RoleTasks(String role, int open, int overdue) {
    }

    /** The latest matrix version of the cycle: entries per implementation status. */
    record MatrixStatus(int version, String versionStatus, int entries, Map<String, Integer> byStatus) {
    }

    /** A meeting held, with its attendance per side (null: not counted). */
    record Attendance(MeetingKind kind, Integer matrixRound, LocalDate heldOn, Integer cso, Integer government,
            Integer nhri) {
    }
}
