package org.uprflow.engine;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.ServletRegistration;

import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.glassfish.jersey.servlet.ServletContainer;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.core.Ordered;

/**
 * The engine API of the Camunda webapps ({@code /camunda/api/engine}, what Tasklist calls to
 * claim, load and submit forms) with the platform's corrected error answers
 * ({@link EngineRestErrors}). Without them a form refused by a task listener reaches Tasklist as
 * HTTP 500 "ENGINE-03051 … TaskListener …", because Camunda wraps a listener's exception and
 * its own mapper answers 500 for that.
 *
 * <p>The Camunda starter registers the servlet "Engine Api" only when no servlet of that name
 * exists ({@code CamundaBpmWebappInitializer#registerServlet}); this one is registered first, at
 * the same path, with this application.
 */
public class WebappEngineApi extends EngineRestApplication {

    /** The servlet name the Camunda starter gives the webapps' engine API. */
    static final String SERVLET_NAME = "Engine Api";

    @Override
    public Set<Class<?>> getClasses() {
        Set<Class<?>> classes = new HashSet<>(SharedEngineJson.inPlaceOfCamundas(super.getClasses()));
        classes.add(EngineRestErrors.ProcessEngineErrors.class);
        classes.add(EngineRestErrors.RestErrors.class);
        classes.add(TranslatedEngineAnswers.class);
        classes.add(EngineRestErrors.RequestNullErrors.class);
        return classes;
    }

    static ServletContextInitializer registration(String applicationPath) {
        return new Registration(applicationPath);
    }

    private record Registration(String applicationPath) implements ServletContextInitializer, Ordered {

        @Override
        public void onStartup(jakarta.servlet.ServletContext context) {
            if (context.getServletRegistration(SERVLET_NAME) != null) {
                return;
            }
            ServletRegistration.Dynamic servlet = context.addServlet(SERVLET_NAME, ServletContainer.class);
            servlet.addMapping(applicationPath + "/api/engine/*");
            servlet.setInitParameters(Map.of("jakarta.ws.rs.Application", WebappEngineApi.class.getName()));
        }

        /** Before the Camunda starter's initializer, which then leaves the servlet as it is. */
        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }
}
