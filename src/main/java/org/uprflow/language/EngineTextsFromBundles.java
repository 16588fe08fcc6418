package org.uprflow.language;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;
import org.uprflow.engine.EngineTexts;

/**
 * The engine's words in the user's language, from {@code i18n/names_*} (processes and tasks:
 * {@code process.<key>}, {@code task.<process key>.<task id>}), {@code i18n/forms_*} (Camunda Forms:
 * {@code <form id>.<field key>.<property>}) and the message bundles (filter names, the same keys
 * that named them at onboarding). The English bundles say what the models say ({@code
 * LanguageBundlesTest}), so the English answer is the stored one.
 */
@Component
class EngineTextsFromBundles implements EngineTexts {

    /** The properties of a form-js component that users read. */
    static final String[] FORM_TEXTS = {"label", "description", "text", "dateLabel", "timeLabel", "placeholder"};

    private final Languages languages;
    private final MessageSource messages;
    private final TextBundle names;
    private final TextBundle forms;
    private final ObjectMapper json = new ObjectMapper();

    EngineTextsFromBundles(Languages languages, MessageSource messages) {
        this.languages = languages;
        this.messages = messages;
        this.names = new TextBundle("names", languages.offered());
        this.forms = new TextBundle("forms", languages.offered());
    }

    @Override
    public String taskName(String storedName, String processDefinitionKey, String taskDefinitionKey, Locale locale) {
        if (storedName == null || processDefinitionKey == null || taskDefinitionKey == null) {
            return storedName;
        }
        String key = "task." + processDefinitionKey + "." + taskDefinitionKey;
        Optional<String> modelName = names.own(languages.fallback(), key);
        if (modelName.isEmpty() || !storedName.startsWith(modelName.get())) {
            return storedName; // a task the bundles do not know, or renamed by someone: theirs stands
        }
        return names.text(language(locale), key).map(name -> name + storedName.substring(modelName.get().length()))
                .orElse(storedName);
    }

    @Override
    public String formLabel(String formId, String labelKey, String storedLabel, Locale locale) {
        String key = formId + "." + labelKey;
        if (storedLabel == null || !forms.own(languages.fallback(), key).map(storedLabel::equals).orElse(false)) {
            return storedLabel; // a label the bundles do not know, or changed in the form: its words stand
        }
        return forms.text(language(locale), key).orElse(storedLabel);
    }

    @Override
    public String processName(String storedName, String processDefinitionKey, Locale locale) {
        if (storedName == null || processDefinitionKey == null) {
            return storedName;
        }
        return names.text(language(locale), "process." + processDefinitionKey).orElse(storedName);
    }

    @Override
    public String filterText(String property, String stored, Map<String, Object> filter, Locale locale) {
        if (!(filter.get("uprflowView") instanceof String view) || !(filter.get("uprflowCountry") instanceof String code)) {
            return stored;
        }
        Locale language = Locale.forLanguageTag(language(locale));
        String country = new Locale("", code.toUpperCase(Locale.ROOT)).getDisplayCountry(language);
        Object role = null;
        if (filter.get("uprflowRole") instanceof String roleKey) {
            role = messages.getMessage(roleKey, null, language);
        } else if ("role-tasks".equals(view)) {
            return stored; // made before filters named their role (issue 12): left as it was written
        }
        try {
            return messages.getMessage("filter." + view + "." + property, new Object[] {country, role}, language);
        } catch (NoSuchMessageException unknownView) {
            return stored;
        }
    }

    /** A country's role group: {@code ke-cso}, {@code ke-government}, {@code ke-nhri}. */
    private static final Pattern COUNTRY_GROUP = Pattern.compile("([a-z]{2})-([a-z-]+)");
    private static final String MANAGERS_GROUP = "programme-managers";

    @Override
    public String groupName(String storedName, String groupId, Locale locale) {
        if (storedName == null || groupId == null) {
            return storedName;
        }
        Locale language = Locale.forLanguageTag(language(locale));
        if (MANAGERS_GROUP.equals(groupId)) {
            String key = "group." + MANAGERS_GROUP + ".name";
            return storedName.equals(messages.getMessage(key, null, null, Locale.ENGLISH))
                    ? messages.getMessage(key, null, storedName, language) : storedName;
        }
        Matcher group = COUNTRY_GROUP.matcher(groupId);
        if (!group.matches()) {
            return storedName;
        }
        // as onboarding names it (CountryProvisioning): the country's English name · the role's English name
        Locale country = new Locale("", group.group(1).toUpperCase(Locale.ROOT));
        String role = "country.role." + group.group(2);
        String english = messages.getMessage(role, null, null, Locale.ENGLISH);
        if (english == null || !storedName.equals(country.getDisplayCountry(Locale.ENGLISH) + " \u00b7 " + english)) {
            return storedName;
        }
        return country.getDisplayCountry(language) + " \u00b7 " + messages.getMessage(role, null, english, language);
    }

    @Override
    public byte[] form(byte[] formJson, Locale locale) {
        try {
            JsonNode form = json.readTree(formJson);
            if (!(form instanceof ObjectNode root) || !root.path("id").isTextual()) {
                return formJson;
            }
            translateComponents(root.path("id").asText(), root, language(locale));
            return json.writeValueAsBytes(root);
        } catch (IOException notAForm) {
            return formJson;
        }
    }

    private void translateComponents(String formId, JsonNode container, String language) {
        for (JsonNode component : container.path("components")) {
            if (!(component instanceof ObjectNode field)) {
                continue;
            }
            String name = formKey(formId, field);
            for (String property : FORM_TEXTS) {
                if (field.path(property).isTextual()) {
                    forms.text(language, formId + "." + name + "." + property)
                            .ifPresent(text -> field.put(property, text));
                }
            }
            if (field.path("text").isTextual()) {
                field.put("text", linksInANewTab(field.path("text").asText()));
            }
            for (JsonNode value : field.path("values")) {
                if (value instanceof ObjectNode option && option.path("label").isTextual()) {
                    forms.text(language, formId + "." + name + ".values." + option.path("value").asText())
                            .ifPresent(text -> option.put("label", text));
                }
            }
            translateComponents(formId, field, language);
        }
    }

    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\[([^\\]]+)\\]\\(([^)\\s]+)\\)");

    /**
     * A form's links (to the register, the matrix, the report) open in a new tab, so that Tasklist and
     * the form's unsaved values stay: written as HTML, which form-js' sanitizer keeps with its target.
     */
    static String linksInANewTab(String markdown) {
        Matcher link = MARKDOWN_LINK.matcher(markdown);
        StringBuilder html = new StringBuilder();
        while (link.find()) {
            link.appendReplacement(html, Matcher.quoteReplacement("<a href=\"" + link.group(2).replace("&", "&amp;")
                    + "\" target=\"_blank\" rel=\"noopener\">" + link.group(1) + "</a>"));
        }
        link.appendTail(html);
        return html.toString();
    }

    /** A field's key; a component without one (a text) by its id, less the form id the ids begin with. */
    static String formKey(String formId, JsonNode component) {
        if (component.path("key").isTextual()) {
            return component.path("key").asText();
        }
        String id = component.path("id").asText("");
        return id.startsWith(formId + "_") ? id.substring(formId.length() + 1) : id;
    }

    private String language(Locale locale) {
        String language = locale == null ? "" : locale.getLanguage();
        return languages.offered().contains(language) ? language : languages.fallback();
    }
}
