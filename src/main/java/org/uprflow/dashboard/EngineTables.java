package org.uprflow.dashboard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The dashboard's reads of the engine's own tables ({@code ACT_RU_TASK}, {@code ACT_RU_IDENTITYLINK},
 * {@code ACT_RU_EXECUTION}, {@code ACT_HI_ACTINST}, {@code ACT_HI_VARINST}) by plain SQL: one grouped query for all the
 * caller's countries instead of an engine query per country or task. The engine's tenant checks do
 * not apply here, so every method takes the countries (tenant ids) the caller may see. Columns of
 * Camunda 7's schema, on H2 and PostgreSQL; each query runs on one of the engine's own indexes
 * (named at the method).
 */
@Repository
class EngineTables {

    private final JdbcClient jdbc;

    EngineTables(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** When a phase activity of a cycle's instance was first started and last ended, and whether it still runs. */
    record ActivitySpan(String processInstanceId, String activityId, LocalDateTime started, LocalDateTime ended,
            boolean running) {
    }

    /**
     * Open and overdue tasks of a cycle (by the business key of the task's process instance, which a
     * cycle's phases and follow-ups share) for one candidate group (a task of two groups counts in both).
     */
    record TaskCount(String tenantId, String businessKey, String groupId, int open, int overdue) {
    }

    /** An open task with one of its candidate groups (a row per group, or one with none). */
    record TaskRow(String id, String name, String taskKey, String tenantId, String businessKey, String assignee,
            LocalDateTime created, LocalDateTime due, String groupId) {
    }

    /** ACT_IDX_HI_ACT_INST_PROCINST (proc_inst_id_, act_id_). */
    List<ActivitySpan> activitySpans(Collection<String> processInstanceIds, Collection<String> activityIds) {
        if (processInstanceIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select proc_inst_id_, act_id_, min(start_time_) as started, max(end_time_) as ended,
                       sum(case when end_time_ is null then 1 else 0 end) as running
                from act_hi_actinst
                where proc_inst_id_ in (:instances) and act_id_ in (:activities)
                group by proc_inst_id_, act_id_""")
                .param("instances", processInstanceIds).param("activities", activityIds)
                .query((rs, row) -> new ActivitySpan(rs.getString("proc_inst_id_"), rs.getString("act_id_"),
                        local(rs, "started"), local(rs, "ended"), rs.getInt("running") > 0))
                .list();
    }

    /** A variable of a cycle's instance or of one of its phases (its root), as text. */
    record RootVariable(String rootProcessInstanceId, String name, String text) {
    }

    /**
     * The text variables with these names of the cycles' instances and their phases (the days
     * stated in the phases' forms), by root instance: ACT_IDX_HI_VARINST_ROOT_PI.
     */
    List<RootVariable> textVariables(Collection<String> rootProcessInstanceIds, Collection<String> names) {
        if (rootProcessInstanceIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select root_proc_inst_id_, name_, text_ from act_hi_varinst
                where root_proc_inst_id_ in (:instances) and name_ in (:names) and text_ is not null""")
                .param("instances", rootProcessInstanceIds).param("names", names)
                .query((rs, row) -> new RootVariable(rs.getString("root_proc_inst_id_"), rs.getString("name_"),
                        rs.getString("text_")))
                .list();
    }

    /** Which of the process instances still run: the primary key of ACT_RU_EXECUTION (an instance is its own execution). */
    List<String> runningInstances(Collection<String> processInstanceIds) {
        if (processInstanceIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id_ from act_ru_execution where id_ in (:instances)")
                .param("instances", processInstanceIds).query(String.class).list();
    }

    /** ACT_IDX_TASK_TENANT_ID, then the task's instance by primary key and the identity links by task id. */
    List<TaskCount> taskCountsByGroup(Collection<String> tenantIds, LocalDateTime now) {
        if (tenantIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select t.tenant_id_, e.business_key_, l.group_id_, count(*) as open_tasks,
                       sum(case when t.due_date_ < :now then 1 else 0 end) as overdue
                from act_ru_task t
                join act_ru_execution e on e.id_ = t.proc_inst_id_
                join act_ru_identitylink l on l.task_id_ = t.id_ and l.type_ = 'candidate' and l.group_id_ is not null
                where t.tenant_id_ in (:tenants)
                group by t.tenant_id_, e.business_key_, l.group_id_""")
                .param("tenants", tenantIds).param("now", Timestamp.valueOf(now))
                .query((rs, row) -> new TaskCount(rs.getString("tenant_id_"), rs.getString("business_key_"),
                        rs.getString("group_id_"), rs.getInt("open_tasks"), rs.getInt("overdue")))
                .list();
    }

    /** Each cycle's open and overdue tasks, each task once. */
    List<TaskCount> taskCounts(Collection<String> tenantIds, LocalDateTime now) {
        if (tenantIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select t.tenant_id_, e.business_key_, count(*) as open_tasks,
                       sum(case when t.due_date_ < :now then 1 else 0 end) as overdue
                from act_ru_task t
                join act_ru_execution e on e.id_ = t.proc_inst_id_
                where t.tenant_id_ in (:tenants)
                group by t.tenant_id_, e.business_key_""")
                .param("tenants", tenantIds).param("now", Timestamp.valueOf(now))
                .query((rs, row) -> new TaskCount(rs.getString("tenant_id_"), rs.getString("business_key_"), null,
                        rs.getInt("open_tasks"), rs.getInt("overdue")))
                .list();
    }

    /** A cycle's open tasks (by its business key), soonest due first, with their candidate groups. */
    List<TaskRow> openTasks(String tenantId, String businessKey) {
        return jdbc.sql("""
                select t.id_, t.name_, t.task_def_key_, t.tenant_id_, e.business_key_, t.assignee_, t.create_time_,
                       t.due_date_, l.group_id_
                from act_ru_task t
                join act_ru_execution e on e.id_ = t.proc_inst_id_
                left join act_ru_identitylink l on l.task_id_ = t.id_ and l.type_ = 'candidate'
                     and l.group_id_ is not null
                where t.tenant_id_ = :tenant and e.business_key_ = :cycle
                order by t.due_date_, t.create_time_, t.id_, l.group_id_""")
                .param("tenant", tenantId).param("cycle", businessKey).query(EngineTables::taskRow).list();
    }

    private static TaskRow taskRow(ResultSet rs, int row) throws SQLException {
        return new TaskRow(rs.getString("id_"), rs.getString("name_"), rs.getString("task_def_key_"),
                rs.getString("tenant_id_"), rs.getString("business_key_"), rs.getString("assignee_"),
                local(rs, "create_time_"), local(rs, "due_date_"), rs.getString("group_id_"));
    }

    private static LocalDateTime local(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toLocalDateTime();
    }
}
