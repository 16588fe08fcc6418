package org.uprflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which statements of the engine become a walkable inbox page, and that the page keeps the engine's parameters. */
class InboxPageStatementTest {

    /** What Camunda 7.24 sent for a CSO's role filter, first page (MyBatis' debug log, InboxProbe, 2026-11-30). */
    static final String ENGINE_PAGE = """
            select distinct RES.REV_, RES.ID_, RES.NAME_, RES.PARENT_TASK_ID_, RES.DESCRIPTION_, RES.PRIORITY_,
                RES.CREATE_TIME_, RES.OWNER_, RES.ASSIGNEE_, RES.DELEGATION_, RES.EXECUTION_ID_,
                RES.PROC_INST_ID_, RES.PROC_DEF_ID_, RES.CASE_EXECUTION_ID_, RES.CASE_INST_ID_,
                RES.CASE_DEF_ID_, RES.TASK_DEF_KEY_, RES.DUE_DATE_, RES.FOLLOW_UP_DATE_,
                RES.SUSPENSION_STATE_, RES.TENANT_ID_, RES.LAST_UPDATED_, RES.TASK_STATE_
            from ACT_RU_TASK RES
                left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_
                left join ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_
                left join ( SELECT A.* FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2
                    AND ( A.USER_ID_ in ( ?, '*') OR A.GROUP_ID_ IN ( ? ) )
                    AND ( ( A.RESOURCE_TYPE_ = ? AND A.PERMS_ & ? = ? OR A.RESOURCE_TYPE_ = ? AND A.PERMS_ & ? = ? ) ) ) AUTH
                ON (AUTH.RESOURCE_ID_ IN ( RES.ID_ , D.KEY_ , '*' ))
            WHERE ( 1 = 1 and RES.TENANT_ID_ in ( ? ) and ( I.TYPE_ = 'candidate' and ( I.GROUP_ID_ IN ( ? ) ) ) )
                and ( (RES.CASE_EXECUTION_ID_ IS NOT NULL) OR (AUTH.RESOURCE_ID_ IS NOT NULL) )
                and (RES.TENANT_ID_ is null or RES.TENANT_ID_ in ( ? ) )
            order by RES.DUE_DATE_ asc
            LIMIT ? OFFSET ?
            """;

    @Test
    void aRoleFiltersPageIsWalkedWithoutDistinct() {
        String page = InboxPageStatement.rewrite(ENGINE_PAGE).orElseThrow();

        assertThat(page).startsWith("select RES.REV_,RES.ID_,").doesNotContain("distinct", "AUTH ON", "left join ACT_RU_IDENTITYLINK")
                .contains("exists(select 1 from ACT_RU_IDENTITYLINK I where I.TASK_ID_ = RES.ID_ and I.TYPE_ = 'candidate' and I.GROUP_ID_ IN(?) offset 0)",
                        "exists(select 1 from ACT_RU_AUTHORIZATION A where A.TYPE_ < 2 AND(A.USER_ID_ in(?,'*')OR A.GROUP_ID_ IN(?))",
                        "and A.RESOURCE_ID_ in(RES.ID_,D.KEY_,'*') offset 0)",
                        "(RES.CASE_EXECUTION_ID_ IS NOT NULL)OR exists(",
                        "coalesce(RES.TENANT_ID_ in(?),RES.TENANT_ID_ is null)")
                .endsWith(" order by RES.DUE_DATE_ asc,RES.ID_ asc LIMIT ? OFFSET ?");
    }

    @Test
    void theParametersKeepTheEnginesNumberAndOrder() {
        String page = InboxPageStatement.rewrite(ENGINE_PAGE).orElseThrow();

        assertThat(placeholders(page)).isEqualTo(placeholders(ENGINE_PAGE)).isEqualTo(13);
        // the engine binds: the caller, the caller's groups, the permissions, the filter's tenants, the candidate
        // groups, the caller's tenants, the page; the rewritten statement reads them in the same order
        assertThat(page).containsSubsequence("A.USER_ID_ in(?", "A.GROUP_ID_ IN(?", "A.RESOURCE_TYPE_ = ? AND A.PERMS_ & ? = ?",
                "A.RESOURCE_TYPE_ = ? AND A.PERMS_ & ? = ?", "RES.TENANT_ID_ in(?)", "I.GROUP_ID_ IN(?)",
                "coalesce(RES.TENANT_ID_ in(?)", "LIMIT ? OFFSET ?");
    }

    @Test
    void severalGroupsAndTenantsAndTheOtherDirectionAreTheSameStatement() {
        String engine = ENGINE_PAGE.replace("A.GROUP_ID_ IN ( ? )", "A.GROUP_ID_ IN ( ? , ? , ? )")
                .replace("RES.TENANT_ID_ in ( ? ) and", "RES.TENANT_ID_ in ( ? , ? ) and")
                .replace("I.GROUP_ID_ IN ( ? )", "I.GROUP_ID_ IN ( ? , ? )")
                .replace("RES.TENANT_ID_ in ( ? ) )", "RES.TENANT_ID_ in ( ? , ? , ? ) )")
                .replace("DUE_DATE_ asc", "DUE_DATE_ desc");

        String page = InboxPageStatement.rewrite(engine).orElseThrow();

        assertThat(placeholders(page)).isEqualTo(placeholders(engine)).isEqualTo(19);
        assertThat(page).contains("A.GROUP_ID_ IN(?,?,?)", "I.GROUP_ID_ IN(?,?)", "coalesce(RES.TENANT_ID_ in(?,?,?),")
                .endsWith("order by RES.DUE_DATE_ desc,RES.ID_ asc LIMIT ? OFFSET ?");
    }

    @Test
    void tasklistsActiveTasksAndItsOwnOrderAfterTheFiltersAreTheSameStatement() {
        String engine = ENGINE_PAGE.replace("( I.GROUP_ID_ IN ( ? ) ) ) )", "( I.GROUP_ID_ IN ( ? ) ) ) and RES.SUSPENSION_STATE_ = 1 )")
                .replace("order by RES.DUE_DATE_ asc", "order by RES.DUE_DATE_ asc, RES.CREATE_TIME_ desc");

        String page = InboxPageStatement.rewrite(engine).orElseThrow();

        assertThat(placeholders(page)).isEqualTo(placeholders(engine));
        assertThat(page).contains(",RES.TENANT_ID_ is null) and RES.SUSPENSION_STATE_ = 1 order by")
                .endsWith("order by RES.DUE_DATE_ asc,RES.CREATE_TIME_ desc,RES.ID_ asc LIMIT ? OFFSET ?");
    }

    @Test
    void aCallerWithoutGroupsIsTheSameStatement() {
        String engine = ENGINE_PAGE.replace(" OR A.GROUP_ID_ IN ( ? )", "");

        assertThat(InboxPageStatement.rewrite(engine)).hasValueSatisfying(page ->
                assertThat(page).contains("A.TYPE_ < 2 AND(A.USER_ID_ in(?,'*'))AND(("));
    }

    @Test
    void anyOtherStatementGoesAsTheEngineWroteIt() {
        assertThat(InboxPageStatement.rewrite(ENGINE_PAGE.replace("order by RES.DUE_DATE_ asc",
                "order by RES.DUE_DATE_ asc, RES.ID_ asc"))).as("the id as an order of its own").isEmpty();
        assertThat(InboxPageStatement.rewrite(ENGINE_PAGE.replace("order by RES.DUE_DATE_ asc",
                "order by RES.CREATE_TIME_ desc"))).as("another first order").isEmpty();
        assertThat(InboxPageStatement.rewrite(ENGINE_PAGE.replace("order by RES.DUE_DATE_ asc",
                "order by RES.DUE_DATE_ asc, I.GROUP_ID_ asc"))).as("an order on a joined table").isEmpty();
        assertThat(InboxPageStatement.rewrite(ENGINE_PAGE.replace("1 = 1 and", "1 = 1 and RES.NAME_ like ? and")))
                .as("another criterion").isEmpty();
        assertThat(InboxPageStatement.rewrite(ENGINE_PAGE.replace("LIMIT ? OFFSET ?", ""))).as("no page").isEmpty();
        assertThat(InboxPageStatement.rewrite(ENGINE_PAGE.replace("A.TYPE_ < 2", "A.TYPE_ < 3"))).as("revokes").isEmpty();
        assertThat(InboxPageStatement.rewrite(ENGINE_PAGE.replace("(RES.TENANT_ID_ is null or RES.TENANT_ID_ in ( ? ) )",
                "RES.TENANT_ID_ is null"))).as("a caller without tenants").isEmpty();
        assertThat(InboxPageStatement.rewrite("select distinct RES.* from ACT_RU_TASK RES where RES.ID_ = ?")).isEmpty();
        assertThat(InboxPageStatement.rewrite(ENGINE_PAGE.replace("select distinct", "select count(distinct"))).isEmpty();
    }

    private static long placeholders(String sql) {
        return sql.chars().filter(c -> c == '?').count();
    }
}
