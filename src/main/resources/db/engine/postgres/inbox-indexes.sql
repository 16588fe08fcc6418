-- The platform's indexes on the engine's tables, made by org.uprflow.engine.EngineIndexes once the
-- engine has created its schema; measured in docs/benchmarks.md (case 3, the inbox).
--
-- A task list with authorization checks left-joins each candidate task with the grants on the task,
-- on its process definition and on '*' (ANY). Every country group holds a '*' grant (READ on process
-- definitions), so at 193 countries each task drags about 600 '*' rows through the filter:
-- 100 ms and more for a CSO's first page. The condition below is the one the engine writes for
-- reading tasks (TASK READ = 2, PROCESS_DEFINITION READ_TASK = 64); PostgreSQL uses this index
-- only when the query implies it, and then finds just the grants that can let a task be read.
create index if not exists uprflow_idx_auth_task_read
    on act_ru_authorization (resource_id_)
    where type_ < 2 and ((resource_type_ = 7 and perms_ & 2 = 2) or (resource_type_ = 6 and perms_ & 64 = 64));
