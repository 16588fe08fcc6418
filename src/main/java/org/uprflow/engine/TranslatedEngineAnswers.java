package org.uprflow.engine;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BinaryOperator;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

import org.camunda.bpm.engine.rest.dto.identity.GroupDto;
import org.camunda.bpm.engine.rest.dto.repository.ProcessDefinitionDto;
import org.camunda.bpm.engine.rest.dto.runtime.FilterDto;
import org.camunda.bpm.engine.rest.dto.task.TaskDto;
import org.camunda.bpm.engine.rest.hal.HalResource;
import org.camunda.bpm.engine.rest.hal.task.HalTask;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * Tasklist's words from the engine in the caller's language, on both channels it uses
 * ({@code /engine-rest} and the webapps' engine API): task names (list, HAL list, single task,
 * filter results), the process names embedded in them, process definitions, filter names and
 * descriptions, and the Camunda Forms of tasks and start events. The engine's data is not
 * touched: what it stores stays English (ADR 0017); the answer is rewritten on its way out.
 * The locale is the request's ({@code language.RequestLanguage}).
 */
@Provider
public class TranslatedEngineAnswers implements ContainerResponseFilter {

    private static final String FORM_PATH_END = "deployed-form";
    private static final String START_FORM_PATH_END = "deployed-start-form";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Context
    private ServletContext servletContext;

    private volatile EngineTexts texts;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) throws IOException {
        Object entity = response.getEntity();
        if (entity == null || response.getStatus() >= 300) {
            return;
        }
        EngineTexts engineTexts = texts();
        if (engineTexts == null) {
            return;
        }
        Locale locale = LocaleContextHolder.getLocale();
        String path = request.getUriInfo().getPath();
        if (entity instanceof InputStream form && (path.endsWith(FORM_PATH_END) || path.endsWith(START_FORM_PATH_END))
                && response.getMediaType() != null && response.getMediaType().getSubtype().contains("json")) {
            try (form) {
                byte[] translated = engineTexts.form(form.readAllBytes(), locale);
                response.setEntity(translated, null, response.getMediaType());
                response.getHeaders().remove("Content-Length");
            }
            return;
        }
        translate(entity, engineTexts, locale);
    }

    private void translate(Object entity, EngineTexts engineTexts, Locale locale) {
        if (entity instanceof List<?> list) {
            list.forEach(item -> translate(item, engineTexts, locale));
        } else if (entity instanceof TaskDto task) {
            task.setName(engineTexts.taskName(task.getName(), EngineTexts.processKey(task.getProcessDefinitionId()),
                    task.getTaskDefinitionKey(), locale));
        } else if (entity instanceof HalTask task) {
            set(task, "name", engineTexts.taskName(task.getName(), EngineTexts.processKey(task.getProcessDefinitionId()),
                    task.getTaskDefinitionKey(), locale));
            translateEmbedded(task, engineTexts, locale);
        } else if (entity instanceof ProcessDefinitionDto definition) {
            set(definition, "name", engineTexts.processName(definition.getName(), definition.getKey(), locale));
        } else if (entity instanceof FilterDto filter && filter.getProperties() != null) {
            Map<String, Object> properties = new LinkedHashMap<>(filter.getProperties());
            filter.setName(engineTexts.filterText("name", filter.getName(), properties, locale));
            if (properties.get("description") instanceof String description) {
                properties.put("description", engineTexts.filterText("description", description, properties, locale));
            }
            filter.setProperties(properties);
        } else if (entity instanceof GroupDto group) {
            group.setName(engineTexts.groupName(group.getName(), group.getId(), locale));
        } else if (entity instanceof HalResource<?> hal) {
            translateEmbedded(hal, engineTexts, locale);
        }
    }

    /**
     * The tasks of a HAL list are made for this answer and are rewritten in place; the embedded process
     * definitions and groups may come from Camunda's HAL cache, shared by all users, so they are replaced by copies.
     */
    private void translateEmbedded(HalResource<?> hal, EngineTexts engineTexts, Locale locale) {
        Map<String, Object> embedded = hal.get_embedded();
        if (embedded == null) {
            return;
        }
        if (embedded.get("task") instanceof List<?> tasks) {
            tasks.forEach(task -> translate(task, engineTexts, locale));
        }
        if (embedded.get("processDefinition") instanceof List<?> definitions) {
            embedded.put("processDefinition", renamedCopies(definitions, "key",
                    (name, key) -> engineTexts.processName(name, key, locale)));
        }
        if (embedded.get("group") instanceof List<?> groups) {
            embedded.put("group", renamedCopies(groups, "id", (name, id) -> engineTexts.groupName(name, id, locale)));
        }
    }

    /** Copies of embedded resources (Camunda may cache the originals for all users) with their name rewritten. */
    private static List<Map<String, Object>> renamedCopies(List<?> resources, String keyField,
            BinaryOperator<String> rename) {
        List<Map<String, Object>> copies = new ArrayList<>();
        for (Object resource : resources) {
            Map<String, Object> copy = JSON.convertValue(resource, new TypeReference<>() { });
            if (copy.get("name") instanceof String name && copy.get(keyField) instanceof String key) {
                copy.put("name", rename.apply(name, key));
            }
            copies.add(copy);
        }
        return copies;
    }

    /** Camunda's HAL and definition answers have no setter for the name. */
    private static void set(Object target, String fieldName, Object value) {
        for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(fieldName);
                field.setAccessible(true);
                field.set(target, value);
                return;
            } catch (NoSuchFieldException notHere) {
                // a superclass declares it
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("Cannot set " + fieldName + " of " + type.getName(), e);
            }
        }
        throw new IllegalStateException(target.getClass().getName() + " has no field " + fieldName);
    }

    private EngineTexts texts() {
        EngineTexts found = texts;
        if (found == null && servletContext != null) {
            var context = WebApplicationContextUtils.getWebApplicationContext(servletContext);
            found = context == null ? null : context.getBeanProvider(EngineTexts.class).getIfAvailable();
            texts = found;
        }
        return found;
    }
}
