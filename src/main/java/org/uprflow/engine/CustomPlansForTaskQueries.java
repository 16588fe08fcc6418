package org.uprflow.engine;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Properties;
import java.util.Set;

import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.reflection.DefaultReflectorFactory;
import org.apache.ibatis.reflection.MetaObject;
import org.apache.ibatis.reflection.ReflectorFactory;
import org.apache.ibatis.reflection.SystemMetaObject;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * PostgreSQL plans the task list and its count (Tasklist's filters, {@code /engine-rest/task})
 * for the values of each call, and every other statement as it would anyway. The inbox's partial
 * index ({@code db/engine/postgres/engine-indexes.sql}) can only be used by a plan that knows the
 * permission values; a prepared statement's generic plan does not. These two statements go to the
 * server unnamed (the driver's {@code prepareThreshold} 0 on that statement), which PostgreSQL plans
 * for the values it is given; the engine's other statements keep their cached plans, which a
 * session-wide {@code plan_cache_mode = force_custom_plan} made them give up (docs/benchmarks.md).
 * A page of a country's inbox goes as {@link InboxPageStatement} writes it, which PostgreSQL walks in due-date order.
 */
final class CustomPlansForTaskQueries extends AbstractProcessEnginePlugin {

    /** The engine's task list and count (Task.xml), what Tasklist's filters and /engine-rest/task run. */
    private static final String TASK_LIST = "selectTaskByQueryCriteria";
    private static final Set<String> TASK_QUERIES = Set.of(TASK_LIST, "selectTaskCountByQueryCriteria");

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        Class<?> pgStatement = driverStatementClass();
        if (pgStatement != null && "postgres".equals(configuration.getDatabaseType())) {
            configuration.getSqlSessionFactory().getConfiguration().addInterceptor(new Unprepared(pgStatement));
        }
    }

    private static Class<?> driverStatementClass() {
        try {
            return Class.forName("org.postgresql.PGStatement");
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    /** Statement ids end with the mapper's name; the namespace differs between engine versions. */
    static boolean isTaskQuery(String mappedStatementId) {
        return TASK_QUERIES.contains(mapperName(mappedStatementId));
    }

    private static String mapperName(String mappedStatementId) {
        return mappedStatementId.substring(mappedStatementId.lastIndexOf('.') + 1);
    }

    @Intercepts(@Signature(type = StatementHandler.class, method = "prepare", args = {Connection.class, Integer.class}))
    static final class Unprepared implements Interceptor {

        /**
         * MyBatis' description of the statement handlers' classes, made once per class. {@code SystemMetaObject.forObject}
         * makes a new factory, and so scanned the handlers' classes by reflection again, for every statement the engine
         * sent: 14-18 % of a REST completion's request thread (docs/benchmarks.md, issue 15).
         */
        private static final ReflectorFactory HANDLER_CLASSES = new DefaultReflectorFactory();

        private final Class<?> pgStatement;
        private final Method setPrepareThreshold;

        Unprepared(Class<?> pgStatement) {
            this.pgStatement = pgStatement;
            try {
                this.setPrepareThreshold = pgStatement.getMethod("setPrepareThreshold", int.class);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("PostgreSQL driver without setPrepareThreshold", e);
            }
        }

        @Override
        public Object intercept(Invocation invocation) throws Throwable {
            MetaObject handler = MetaObject.forObject(invocation.getTarget(), SystemMetaObject.DEFAULT_OBJECT_FACTORY,
                    SystemMetaObject.DEFAULT_OBJECT_WRAPPER_FACTORY, HANDLER_CLASSES);
            String mapper = mapperName(((MappedStatement) handler.getValue("delegate.mappedStatement")).getId());
            if (TASK_LIST.equals(mapper)) {
                // Before the statement is made from it: the inbox page as PostgreSQL can walk it, same parameters.
                InboxPageStatement.rewrite((String) handler.getValue("delegate.boundSql.sql"))
                        .ifPresent(walkable -> handler.setValue("delegate.boundSql.sql", walkable));
            }
            Statement statement = (Statement) invocation.proceed();
            if (TASK_QUERIES.contains(mapper) && statement.isWrapperFor(pgStatement)) {
                setPrepareThreshold.invoke(statement.unwrap(pgStatement), 0);
            }
            return statement;
        }

        @Override
        public void setProperties(Properties properties) {
        }
    }
}
