package org.uprflow.web;

import java.lang.reflect.Array;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;

/**
 * Bean Validation's verdict on a field as a sentence in the user's language that names the field
 * ("Enter the cycle number.", "Saisissez un mot de passe de 8 à 255 caractères."), never the validator's
 * English ("must not be null", "size must be between 8 and 255"). The field's name comes from
 * {@code field.<name>} of the bundles, the sentence from {@code validation.<kind>}, or from
 * {@code validation.<name>.<Constraint>} where one field needs its own words (issue 12). Holds nothing of a request:
 * the language is each call's, so one serves every answer ({@link ProblemWords} binds it to an answer's language).
 */
final class FieldSentences {

    private static final Logger log = LoggerFactory.getLogger(FieldSentences.class);
    private static final Set<String> REQUIRED = Set.of("NotNull", "NotBlank", "NotEmpty");
    private static final Set<String> AT_LEAST = Set.of("Min", "DecimalMin");
    private static final Set<String> AT_MOST = Set.of("Max", "DecimalMax");
    /**
     * A field without a name of its own in some language, logged once: FieldLabelsTest should have caught it. Kept to
     * a bound: a map's keys in a body are named by the client (ImportOptions' {@code mapping}), and a set that grew
     * with every key sent would be memory any caller can fill.
     */
    private static final Set<String> unnamed = ConcurrentHashMap.newKeySet();
    private static final int UNNAMED_REMEMBERED = 1000;

    private final MessageSource messages;

    FieldSentences(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * @param field      the field's path as Spring names it ({@code stepsDone[0].doneOn}, {@code size})
     * @param error      the violated constraint, its simple name last among its codes, and its attributes as
     *                   Spring passes them: the field first, then the attributes in alphabetical order
     * @param rejected   the value refused, to tell a list's size from a text's length
     */
    String sentence(String field, MessageSourceResolvable error, Object rejected, Locale locale) {
        String[] codes = error.getCodes();
        String constraint = codes == null || codes.length == 0 ? "" : codes[codes.length - 1];
        Object[] arguments = error.getArguments() == null ? new Object[0] : error.getArguments();
        String name = leaf(field);
        String label = label(name, locale);
        String own = messages.getMessage("validation." + name + "." + constraint, new Object[] {label}, null, locale);
        if (own != null) {
            return own;
        }
        if (REQUIRED.contains(constraint)) {
            return text("validation.required", locale, label);
        }
        if (AT_LEAST.contains(constraint)) {
            return text("validation.min", locale, label, argument(arguments, 1));
        }
        if (AT_MOST.contains(constraint)) {
            return text("validation.max", locale, label, argument(arguments, 1));
        }
        return switch (constraint) {
            case "Positive" -> text("validation.min", locale, label, 1);
            case "PositiveOrZero" -> text("validation.min", locale, label, 0);
            case "Size" -> size(label, arguments, rejected, locale);
            case "Email" -> text("validation.email", locale, label);
            case "Pattern" -> text("validation.pattern", locale, label);
            default -> text("validation.invalid", locale, label);
        };
    }

    /** The sentence for a field named in a bundle key of its own ({@code validation.required-new-user}). */
    String sentence(String field, String key, Locale locale, Object... more) {
        Object[] arguments = new Object[more.length + 1];
        arguments[0] = label(leaf(field), locale);
        System.arraycopy(more, 0, arguments, 1, more.length);
        return text(key, locale, arguments);
    }

    /** How the field is named in a sentence: "the cycle number", "le numéro du cycle". */
    String label(String name, Locale locale) {
        String label = messages.getMessage("field." + name, null, null, locale);
        if (label != null) {
            return label;
        }
        if (unnamed.size() < UNNAMED_REMEMBERED && unnamed.add(name + "/" + locale)) {
            String printable = printable(name);
            log.warn("No name in the bundles for field '{}' ({}): add field.{}", printable, locale, printable);
        }
        return text("validation.field-named", locale, name);
    }

    private String size(String label, Object[] arguments, Object rejected, Locale locale) {
        long max = number(argument(arguments, 1), Integer.MAX_VALUE);
        long min = number(argument(arguments, 2), 0);
        boolean items = rejected instanceof Collection<?> || rejected instanceof Map<?, ?>
                || (rejected != null && rejected.getClass().isArray());
        String kind = items ? "validation.items" : "validation.length";
        if (max >= Integer.MAX_VALUE) {
            return text(kind + ".min", locale, label, min, max);
        }
        if (min <= 0) {
            return text(kind + ".max", locale, label, min, max);
        }
        return text(kind + ".range", locale, label, min, max);
    }

    /** The bundle's text of {@code key} in {@code locale} with its arguments. */
    String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    /** The bundle's text of {@code key} in {@code locale}, or {@code otherwise} where the bundles have none. */
    String textOr(String key, String otherwise, Locale locale) {
        return messages.getMessage(key, null, otherwise, locale);
    }

    /**
     * A name as a log line may hold it: the client chooses a map's keys (ImportOptions' {@code mapping}), and a
     * line break in one would start a forged line of the log. Control characters are written as escapes.
     */
    static String printable(String name) {
        StringBuilder text = new StringBuilder(name.length());
        for (char c : name.toCharArray()) {
            if (c == '\r') {
                text.append("\\r");
            } else if (c == '\n') {
                text.append("\\n");
            } else if (Character.isISOControl(c)) {
                text.append(String.format("\\u%04x", (int) c));
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }

    /** {@code stepsDone[0].doneOn} → {@code doneOn}; {@code themes[2]} → {@code themes}. */
    static String leaf(String field) {
        String last = field.substring(field.lastIndexOf('.') + 1);
        int index = last.indexOf('[');
        return index < 0 ? last : last.substring(0, index);
    }

    private static Object argument(Object[] arguments, int index) {
        return index < arguments.length ? arguments[index] : null;
    }

    private static long number(Object value, long otherwise) {
        if (value instanceof Number number) {
            return number.longValue();
        }
        if (value != null && value.getClass().isArray() && Array.getLength(value) > 0) {
            return number(Array.get(value, 0), otherwise);
        }
        return otherwise;
    }
}
