package org.uprflow.cycle;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.uprflow.engine.EngineTexts;
import org.uprflow.engine.TaskInputPolicy;

/**
 * Checks what a task's form sent, on the server. The rules come from the form itself
 * (required, min/max, dates, choices, patterns), so the Tasklist form and the server cannot
 * drift apart; rules that span fields are added here per form.
 */
@Component
public class TaskInputRules implements TaskInputPolicy {

    static final String DEFAULT_FORMS = "classpath*:processes/**/*.form";

    private final Map<String, List<Field>> fieldsByForm = new HashMap<>();
    private final MessageSource messages;
    /** The fields' labels in the caller's language; without it (engine tests) the forms' own words. */
    private final EngineTexts labels;
    /** Today, for the stated days: the platform's clock; without it (engine tests) the system's. */
    private final Clock clock;

    @Autowired
    public TaskInputRules(MessageSource messages, EngineTexts labels, Clock clock) {
        this(messages, labels, clock, DEFAULT_FORMS);
    }

    /** The problems are told in the words of {@code messages} ({@code task.input.*}), in the caller's language. */
    public TaskInputRules(MessageSource messages, String... formLocations) {
        this(messages, null, Clock.systemUTC(), formLocations);
    }

    private TaskInputRules(MessageSource messages, EngineTexts labels, Clock clock, String... formLocations) {
        this.messages = messages;
        this.labels = labels;
        this.clock = clock;
        ObjectMapper json = new ObjectMapper();
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        try {
            for (String location : formLocations) {
                for (Resource resource : resolver.getResources(location)) {
                    try (InputStream in = resource.getInputStream()) {
                        JsonNode form = json.readTree(in);
                        fieldsByForm.put(form.path("id").asText(), fields(form));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the task forms at " + String.join(", ", formLocations), e);
        }
    }

    /** The problems with {@code values} for form {@code formId}, in the users' words; empty when all is well. */
    public List<String> problems(String formId, Map<String, Object> values) {
        List<Field> fields = fieldsByForm.get(formId);
        if (fields == null) {
            return List.of();
        }
        Problems problems = new Problems(messages, labels);
        for (Field field : fields) {
            field.check(values.get(field.key()), problems);
        }
        if (problems.isEmpty()) {
            crossFieldProblems(formId, values, problems);
            for (Field field : fields) {
                field.checkStatedDay(values, today(), problems);
            }
        }
        return problems.texts();
    }

    /** The day a step done now happened: today on the platform's clock (UTC). */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * The form's optional fields for the day a step happened as the user states it (custom property
     * {@code statedDay}): left empty, the day is the day of the completion, which the platform records
     * ({@link ValidateTaskInputListener}).
     */
    public List<String> statedDayFields(String formId) {
        return fieldsByForm.getOrDefault(formId, List.of()).stream().filter(f -> f.statedDay() && !f.required())
                .map(Field::key).toList();
    }

    /**
     * The rules of the form's stated day {@code key} for a day given on a page that acts in the task's
     * stead (the matrix page's agreement), in the caller's language with the page's {@code label}:
     * the same as for the form (not after today, not before its {@code notBefore} days, read from
     * {@code bounds}, the task's variables). Empty when the day is fine or the form has no such field.
     */
    public List<String> statedDayProblems(String formId, String key, String label, LocalDate day,
            Map<String, Object> bounds) {
        Problems problems = new Problems(messages, labels);
        Map<String, Object> values = new HashMap<>(bounds);
        values.put(key, day.toString());
        fieldsByForm.getOrDefault(formId, List.of()).stream().filter(f -> f.key().equals(key) && f.statedDay())
                .forEach(f -> f.withLabel(label).checkStatedDay(values, today(), problems));
        return problems.texts();
    }

    /**
     * What a user may send to complete a task: only the fields of its form, each of its field's
     * type. Every other name (the cycle's country, number, due dates, rounds, another form's
     * fields) is the platform's; the engine refuses the completion before anything is written.
     */
    @Override
    public List<String> submissionProblems(String taskName, String formId, Map<String, Object> submitted) {
        Map<String, Field> fields = new HashMap<>();
        for (Field field : formId == null ? List.<Field>of() : fieldsByForm.getOrDefault(formId, List.of())) {
            fields.put(field.key(), field);
        }
        Problems problems = new Problems(messages, labels);
        new TreeMap<>(submitted).forEach((name, value) -> {
            Field field = fields.get(name);
            if (field == null) {
                problems.add("task.input.not-a-field", name, taskName);
            } else if (value != null) {
                field.checkType(value, problems);
            }
        });
        return problems.texts();
    }

    /** The refusal of a task's completion as Tasklist and engine-rest show it, in the caller's language. */
    public String refusal(String taskName, List<String> problems) {
        return messages.getMessage("task.input.refused", new Object[] {taskName, String.join("; ", problems)},
                LocaleContextHolder.getLocale());
    }

    @Override
    public String directWriteRefused(Collection<String> names) {
        return messages.getMessage("task.variables.platform-owned", new Object[] {String.join(", ", names)},
                LocaleContextHolder.getLocale());
    }

    /**
     * The label of a form's field, as the refusals name it, in the caller's language; the key when the form has no
     * such field.
     */
    public String label(String formId, String key) {
        Locale locale = LocaleContextHolder.getLocale();
        return fieldsByForm.getOrDefault(formId, List.of()).stream().filter(f -> f.key().equals(key))
                .map(f -> f.named().in(labels, locale))
                .findFirst().orElse(key);
    }

    /** The keys of the form's input fields, in form order. */
    public List<String> fieldKeys(String formId) {
        return fieldsByForm.getOrDefault(formId, List.of()).stream().map(Field::key).toList();
    }


    private static void crossFieldProblems(String formId, Map<String, Object> values, Problems problems) {
        switch (formId) {
            case "plan-coordination-meeting" -> {
                LocalDate first = LocalDate.parse(values.get(CoordinationMeetingProcess.FIRST_DAY).toString());
                LocalDate second = LocalDate.parse(values.get(CoordinationMeetingProcess.SECOND_DAY).toString());
                if (second.isBefore(first)) {
                    problems.add("task.input.second-day", second, first);
                }
            }
            default -> {
                // no rule across fields
            }
        }
    }

    /** How a refusal names a field: its form's label, in the caller's language where the bundles have it. */
    private record FieldName(String formId, String labelKey, String label) {

        /** Without texts (engine tests) or a form (the matrix page's label, worded already): the label as it is. */
        String in(EngineTexts labels, Locale locale) {
            return labels == null || formId == null ? label : labels.formLabel(formId, labelKey, label, locale);
        }
    }

    private static List<Field> fields(JsonNode form) {
        String formId = form.path("id").asText();
        List<Field> fields = new ArrayList<>();
        for (JsonNode c : form.path("components")) {
            if (!c.hasNonNull("key")) {
                continue;
            }
            JsonNode validate = c.path("validate");
            String label = c.hasNonNull("label") ? c.get("label").asText() : c.path("dateLabel").asText(c.get("key").asText());
            String labelKey = c.get("key").asText() + (c.hasNonNull("label") ? ".label" : ".dateLabel");
            Set<String> choices = null;
            if (c.has("values")) {
                choices = new HashSet<>();
                for (JsonNode v : c.get("values")) {
                    choices.add(v.path("value").asText());
                }
            }
            JsonNode properties = c.path("properties");
            String notBefore = properties.path("notBefore").asText("");
            fields.add(new Field(c.get("key").asText(), c.path("type").asText(), label,
                    validate.path("required").asBoolean(false),
                    validate.has("min") ? validate.get("min").asDouble() : null,
                    validate.has("max") ? validate.get("max").asDouble() : null,
                    validate.hasNonNull("pattern") ? Pattern.compile(validate.get("pattern").asText()) : null,
                    choices, "true".equals(properties.path("statedDay").asText()),
                    notBefore.isBlank() ? List.of() : List.of(notBefore.split("\\s*,\\s*")), formId, labelKey));
        }
        return fields;
    }

    /** A form's date (a {@code yyyy-MM-dd} string, or a Date sent to engine-rest) as a day; null when empty or no date. */
    public static LocalDate day(Object value) {
        if (value instanceof Date date) {
            return date.toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
        }
        if (value instanceof String text && !text.isBlank()) {
            try {
                return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }

    /**
     * {@code statedDay}: the day a step happened as the user states it, never after today;
     * {@code notBefore}: the variables ({@code yyyy-MM-dd}) holding days it cannot precede, such as
     * the review's ({@code reviewDate}), each checked when the cycle knows it and it has come.
     */
    record Field(String key, String type, String label, boolean required, Double min, Double max,
                 Pattern pattern, Set<String> choices, boolean statedDay, List<String> notBefore, String formId,
                 String labelKey) {

        /** The field under a label given in the caller's language already (the matrix page's). */
        Field withLabel(String text) {
            return new Field(key, type, text, required, min, max, pattern, choices, statedDay, notBefore, null, null);
        }

        private FieldName named() {
            return new FieldName(formId, labelKey, label);
        }

        void checkStatedDay(Map<String, Object> values, LocalDate today, Problems problems) {
            LocalDate day = statedDay ? day(values.get(key)) : null;
            if (day == null) {
                return;
            }
            if (day.isAfter(today)) {
                problems.add("task.input.stated-ahead", named(), day, today);
            }
            for (String earlier : notBefore) {
                LocalDate bound = day(values.get(earlier));
                // A bound still ahead (a cycle run before its review comes, as a rehearsal or the tests
                // do) would refuse every day up to today: only a day that has come contradicts.
                if (bound != null && !bound.isAfter(today) && day.isBefore(bound)) {
                    problems.add("task.input.stated-before", named(), day,
                            problems.text("task.input.day." + earlier), bound);
                }
            }
        }

        void check(Object value, Problems problems) {
            if (value == null || value instanceof String s && s.isBlank()) {
                if (required) {
                    problems.add("task.input.required", named());
                }
                return;
            }
            if (!checkType(value, problems)) {
                return;
            }
            switch (type) {
                case "number" -> checkNumber(value, problems);
                case "datetime" -> checkDate(value, problems);
                default -> checkText(value, problems);
            }
        }

        /**
         * Whether the value has the Java type the form's field gives (form-js and engine-rest send
         * numbers as numbers, dates and text as strings, checkboxes as booleans); else a problem naming the field.
         */
        boolean checkType(Object value, Problems problems) {
            String key = switch (type) {
                case "number" -> value instanceof Number ? null : "task.input.number";
                case "datetime" -> value instanceof String || value instanceof Date ? null : "task.input.date";
                case "checkbox" -> value instanceof Boolean ? null : "task.input.boolean";
                case "textfield", "textarea", "select", "radio" -> value instanceof String ? null : "task.input.text";
                default -> null;
            };
            if (key != null) {
                problems.add(key, named(), String.valueOf(value));
            }
            return key == null;
        }

        private void checkNumber(Object value, Problems problems) {
            Number number = (Number) value;
            if (min != null && number.doubleValue() < min) {
                problems.add("task.input.min", named(), min.longValue(), String.valueOf(value));
            }
            if (max != null && number.doubleValue() > max) {
                problems.add("task.input.max", named(), max.longValue(), String.valueOf(value));
            }
        }

        private void checkDate(Object value, Problems problems) {
            if (value instanceof Date) {
                return;
            }
            try {
                LocalDate.parse(value.toString());
            } catch (DateTimeParseException e) {
                problems.add("task.input.date", named(), String.valueOf(value));
            }
        }

        private void checkText(Object value, Problems problems) {
            String text = value.toString();
            if (choices != null && !choices.contains(text)) {
                problems.add("task.input.choice", named(), String.valueOf(choices), text);
            }
            if (pattern != null && !pattern.matcher(text).matches()) {
                problems.add("task.input.pattern", named(), text);
            }
        }
    }

    /** The problems found so far, in the caller's language (the request's, else English). */
    static final class Problems {
        private final MessageSource messages;
        private final EngineTexts labels;
        private final List<String> texts = new ArrayList<>();

        Problems(MessageSource messages, EngineTexts labels) {
            this.messages = messages;
            this.labels = labels;
        }

        void add(String key, Object... arguments) {
            Locale locale = LocaleContextHolder.getLocale();
            Object[] worded = arguments.clone();
            for (int i = 0; i < worded.length; i++) {
                if (worded[i] instanceof FieldName name) {
                    worded[i] = name.in(labels, locale);
                }
            }
            texts.add(messages.getMessage(key, worded, locale));
        }

        String text(String key) {
            return messages.getMessage(key, null, LocaleContextHolder.getLocale());
        }

        boolean isEmpty() {
            return texts.isEmpty();
        }

        List<String> texts() {
            return List.copyOf(texts);
        }
    }
}
