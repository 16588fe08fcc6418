-- The platform's indexes on the engine's tables, made by org.uprflow.engine.EngineIndexes once the
-- engine has created its schema; measured in docs/benchmarks.md.
--
-- The inbox (case 3). A task list with authorization checks left-joins each candidate task with the
-- grants on the task, on its process definition and on '*' (ANY). Every country group holds a '*'
-- grant (READ on process definitions), so at 193 countries each task drags about 600 '*' rows
-- through the filter: 100 ms and more for a CSO's first page. The condition below is the one the
-- engine writes for reading tasks (TASK READ = 2, PROCESS_DEFINITION READ_TASK = 64); PostgreSQL
-- uses this index only when the query implies it, and then finds just the grants that can let a
-- task be read.
create index if not exists uprflow_idx_auth_task_read
    on act_ru_authorization (resource_id_)
    where type_ < 2 and ((resource_type_ = 7 and perms_ & 2 = 2) or (resource_type_ = 6 and perms_ & 64 = 64));

-- Completing a task (case 1). Every completion first looks for the task's subtasks
-- (TaskManager.deleteTask: select ... from ACT_RU_TASK where PARENT_TASK_ID_ = ?), and the engine
-- has no index on that column: a sequential scan of every open task, about 20 ms of PostgreSQL's
-- CPU per completion at 11,000 open tasks and ten times that at 100,000. The platform has no
-- subtasks, so the index is empty and costs nothing to keep; "= ?" implies "is not null", so even a
-- generic plan uses it.
create index if not exists uprflow_idx_task_parent
    on act_ru_task (parent_task_id_)
    where parent_task_id_ is not null;

-- The inbox again (case 3). The task list joins each of the country's open tasks (about 520 a country at
-- 100,000 open tasks) with its candidate link (I.TASK_ID_ = RES.ID_ and I.TYPE_ = 'candidate' and I.GROUP_ID_
-- in (...)). The engine's index has the task id only, so each probe read the link row itself to check the type
-- and the group; with the three columns in the index the probe is answered from the index alone (an index-only
-- scan where the table's pages are all-visible, which autovacuum maintains). One more index entry per candidate
-- link written or deleted (docs/benchmarks.md).
create index if not exists uprflow_idx_inbox_candidate
    on act_ru_identitylink (task_id_, group_id_, type_);

-- The inbox again (case 3): a country's tasks in due-date order, which a page of the inbox walks and leaves after
-- 15 (org.uprflow.engine.InboxPageStatement) instead of reading, probing and sorting all of the country's ~520 open
-- tasks at 100,000: about 220 buffers a page instead of 6,400. One more index entry per task created or completed
-- (docs/benchmarks.md).
create index if not exists uprflow_idx_task_tenant_due
    on act_ru_task (tenant_id_, due_date_);
