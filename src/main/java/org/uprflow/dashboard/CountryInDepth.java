package org.uprflow.dashboard;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.uprflow.meeting.Meeting;

/** One country in depth: a cycle's phase history, the open tasks, the matrix's progress, the meetings, the links. */
record CountryInDepth(String code, String name, List<Overview.CycleSummary> cycles, Overview.CycleSummary cycle,
        String phase, List<Overview.PhaseStep> timeline, Overview.Tasks tasks, List<TaskLine> openTasks,
        MatrixProgress matrix, List<Meeting> meetings, Links links) {

    /** An open task of the country, with the roles it waits for. */
    record TaskLine(String id, String name, String businessKey, List<String> roles, String assignee,
            LocalDateTime created, LocalDateTime due, boolean overdue, String tasklist) {
    }

    /** The latest matrix version, overall and by thematic cluster and by responsible institution. */
    record MatrixProgress(Overview.MatrixStatus overall, List<Group> byTheme, List<Group> byInstitution) {
    }

    record Group(String label, int entries, Map<String, Integer> byStatus) {
    }

    /** Where to go on: Tasklist, the cycle's instance in Cockpit, the cycle's register and mid-term report. */
    record Links(String tasklist, String cockpit, String register, String report) {
    }
}
