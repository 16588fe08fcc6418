package org.uprflow.engine;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A page of a country's inbox as PostgreSQL can walk it. Tasklist's role filters (candidate group, the
 * country's tenant, due date first) run the engine's task list with its authorization and tenant checks:
 * {@code select distinct} over the task's 23 columns, the candidate links and the grants joined in. To
 * remove the duplicates those joins make, PostgreSQL 15 reads every task of the country (about 520 at
 * 100,000 open tasks), probes its links and grants, sorts them all and keeps 15 (docs/benchmarks.md, case 3).
 *
 * <p>This class recognises that one statement in the text the engine wrote, whole, and writes the same
 * question without the joins that duplicate: the link and the grants become {@code exists} tests, so
 * every task appears once and no {@code distinct} is needed, and PostgreSQL can walk the country's
 * tasks in due-date order ({@code uprflow_idx_task_tenant_due}) and stop after the page. The two
 * {@code exists} keep {@code offset 0}, which makes them per-task tests instead of joins PostgreSQL
 * would estimate at one row; the engine's second tenant condition is written with {@code coalesce}
 * (same truth table) because PostgreSQL multiplies two conditions on one column and expected 3 tasks
 * instead of 520, which made it sort. The last tie is broken by the task's id, as the engine's sort did
 * in effect. Tasklist's additions to every filter it loads (active tasks, its own order after the filter's)
 * are part of the statement recognised, so the inbox people open walks too.
 *
 * <p>Nothing is decided here: the users, groups, permissions, tenants and page are the engine's
 * parameters, in the engine's order, and any other statement (another filter, another order, an
 * engine whose SQL differs in a single character) goes to PostgreSQL as the engine wrote it.
 */
final class InboxPageStatement {

    /** The engine's {@code columnSelection} of Task.xml. */
    private static final String COLUMNS = "RES.REV_,RES.ID_,RES.NAME_,RES.PARENT_TASK_ID_,RES.DESCRIPTION_,RES.PRIORITY_,"
            + "RES.CREATE_TIME_,RES.OWNER_,RES.ASSIGNEE_,RES.DELEGATION_,RES.EXECUTION_ID_,RES.PROC_INST_ID_,"
            + "RES.PROC_DEF_ID_,RES.CASE_EXECUTION_ID_,RES.CASE_INST_ID_,RES.CASE_DEF_ID_,RES.TASK_DEF_KEY_,"
            + "RES.DUE_DATE_,RES.FOLLOW_UP_DATE_,RES.SUSPENSION_STATE_,RES.TENANT_ID_,RES.LAST_UPDATED_,RES.TASK_STATE_";

    private static final String VALUES = "\\?(?:,\\?)*";
    private static final String GRANT = "A\\.RESOURCE_TYPE_ = \\? AND A\\.PERMS_ & \\? = \\?";

    /**
     * Camunda 7.24's task list page with candidate groups, one or more tenants, READ checks and the due date as first
     * order, compacted; optionally active (or suspended) tasks only and further orders on the task's own columns, which
     * is what Tasklist adds to a filter by default ({@code active}, then {@code created} descending).
     */
    private static final Pattern ENGINE_PAGE = Pattern.compile(q("select distinct " + COLUMNS
            + " from ACT_RU_TASK RES left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_"
            + " left join ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_"
            + " left join(SELECT A.* FROM ACT_RU_AUTHORIZATION A WHERE ")
            + "(?<grants>" + q("A.TYPE_ < 2 AND(A.USER_ID_ in(?,'*')") + "(?:" + q("OR A.GROUP_ID_ IN(") + VALUES + "\\))?"
            + q(")AND((") + GRANT + "(?: (?:OR|AND) " + GRANT + ")*" + q("))") + ")"
            + q(")AUTH ON(AUTH.RESOURCE_ID_ IN(RES.ID_,D.KEY_,'*'))WHERE(1 = 1 and ")
            + "(?<tenants>" + q("RES.TENANT_ID_ in(") + VALUES + "\\))"
            + q("and(I.TYPE_ = 'candidate' and(")
            + "(?<groups>" + q("I.GROUP_ID_ IN(") + VALUES + "\\))"
            + q("))") + "(?<state>(?:and RES\\.SUSPENSION_STATE_ = [12])?)"
            + q(")and((RES.CASE_EXECUTION_ID_ IS NOT NULL)OR(AUTH.RESOURCE_ID_ IS NOT NULL))and(RES.TENANT_ID_ is null or ")
            + "(?<visible>" + q("RES.TENANT_ID_ in(") + VALUES + "\\))"
            + q(")order by RES.DUE_DATE_ ") + "(?<direction>asc|desc)" + "(?<then>(?:,RES\\.(?!ID_ )[A-Z_]+ (?:asc|desc))*)"
            + q(" LIMIT ? OFFSET ?"));

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern SPACE_AROUND_PUNCTUATION = Pattern.compile(" ?([(),]) ?");

    private InboxPageStatement() {
    }

    /**
     * The answers for the texts seen, a text per shape of task list (the values are parameters, so a role filter's page
     * is one text for every country and caller): SQL the engine wrote and SQL derived from it, nothing about a caller.
     * Bounded, because a client of /engine-rest can make task lists of many shapes.
     */
    private static final Map<String, Optional<String>> SEEN = new ConcurrentHashMap<>();
    private static final int SHAPES_REMEMBERED = 500;

    /** The walkable statement for the engine's {@code sql}, or empty when it is not an inbox page. */
    static Optional<String> rewrite(String sql) {
        Optional<String> seen = SEEN.get(sql);
        if (seen != null) {
            return seen;
        }
        Optional<String> walkable = walkable(sql);
        if (SEEN.size() < SHAPES_REMEMBERED) {
            SEEN.put(sql, walkable);
        }
        return walkable;
    }

    private static Optional<String> walkable(String sql) {
        if (!sql.contains("ACT_RU_IDENTITYLINK")) {
            return Optional.empty();
        }
        Matcher page = ENGINE_PAGE.matcher(compact(sql));
        if (!page.matches()) {
            return Optional.empty();
        }
        return Optional.of("select " + COLUMNS + " from ACT_RU_TASK RES left join ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_"
                + " where((RES.CASE_EXECUTION_ID_ IS NOT NULL)OR exists(select 1 from ACT_RU_AUTHORIZATION A where "
                + page.group("grants") + " and A.RESOURCE_ID_ in(RES.ID_,D.KEY_,'*') offset 0))"
                + " and " + page.group("tenants")
                + " and exists(select 1 from ACT_RU_IDENTITYLINK I where I.TASK_ID_ = RES.ID_ and I.TYPE_ = 'candidate' and "
                + page.group("groups") + " offset 0)"
                + " and coalesce(" + page.group("visible") + ",RES.TENANT_ID_ is null)"
                + (page.group("state").isEmpty() ? "" : " " + page.group("state"))
                + " order by RES.DUE_DATE_ " + page.group("direction") + page.group("then") + ",RES.ID_ asc LIMIT ? OFFSET ?");
    }

    /** One space between words, none around parentheses and commas: MyBatis' line breaks and indents gone. */
    static String compact(String sql) {
        return SPACE_AROUND_PUNCTUATION.matcher(SPACES.matcher(sql.trim()).replaceAll(" ")).replaceAll("$1");
    }

    /** A literal piece of the engine's statement, written compacted. */
    private static String q(String literal) {
        return Pattern.quote(literal);
    }
}
