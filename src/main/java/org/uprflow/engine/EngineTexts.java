package org.uprflow.engine;

import java.util.Locale;
import java.util.Map;

/**
 * The words of what the engine stores in one language (the models are written in English), as a
 * user of another language reads them. Implemented outside the engine adapter (the language
 * feature, from its bundles); {@link TranslatedEngineAnswers} applies it to the engine's answers.
 * Every method answers the stored text when it knows no better, never null for a non-null text.
 */
public interface EngineTexts {

    /** A task's name; the stored name carries its cycle ("… (KE-4)"), which stays. */
    String taskName(String storedName, String processDefinitionKey, String taskDefinitionKey, Locale locale);

    String processName(String storedName, String processDefinitionKey, Locale locale);

    /** A Tasklist filter's name or description ({@code property} "name" or "description") from its properties. */
    String filterText(String property, String stored, Map<String, Object> filterProperties, Locale locale);

    /**
     * A group's name as Tasklist shows it beside a task ("Kenya · CSO"); a name changed by hand since it was given
     * stays as it is.
     */
    String groupName(String storedName, String groupId, Locale locale);

    /**
     * A form field's label as a refusal of the platform names it ({@code <form id>.<field key>.label}, or
     * {@code .dateLabel}); the stored label when the bundles do not know it or it was changed in the form.
     */
    String formLabel(String formId, String labelKey, String storedLabel, Locale locale);

    /** A Camunda Form (form-js JSON) with its labels, descriptions and texts in the language. */
    byte[] form(byte[] formJson, Locale locale);

    /** "upr-cycle:3:5c1d…" → "upr-cycle". */
    static String processKey(String processDefinitionId) {
        if (processDefinitionId == null) {
            return null;
        }
        int colon = processDefinitionId.indexOf(':');
        return colon < 0 ? processDefinitionId : processDefinitionId.substring(0, colon);
    }
}
