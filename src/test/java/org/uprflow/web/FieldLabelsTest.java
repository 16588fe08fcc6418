package org.uprflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ValueConstants;

/**
 * Every field the API validates, and every request parameter it requires, has a name in every language, so that a refusal is a sentence naming it
 * ("Enter the cycle number.") and never a fallback; and the sentences read as sentences (issue 12).
 */
class FieldLabelsTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "_fr", "_es"})
    void everyValidatedFieldHasANameInEveryLanguage(String suffix) throws IOException {
        Properties bundle = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/messages" + suffix + ".properties")) {
            bundle.load(in);
        }
        Set<String> validated = validatedFields();
        assertThat(validated).as("the scan finds the API's fields and required parameters")
                .contains("cycleNumber", "password", "max", "to", "source");
        Set<String> unnamed = new TreeSet<>();
        for (String field : validated) {
            if (bundle.getProperty("field." + field) == null) {
                unnamed.add(field);
            }
        }
        assertThat(unnamed).as("fields without field.<name> in messages%s", suffix).isEmpty();
    }

    @Test
    void sentencesNameTheFieldInTheUsersLanguage() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setAlwaysUseMessageFormat(true);
        FieldSentences sentences = new FieldSentences(source);

        assertThat(sentences.sentence("cycleNumber", violation("NotNull"), null, java.util.Locale.ENGLISH))
                .isEqualTo("Enter the cycle number.");
        assertThat(sentences.sentence("cycleNumber", violation("NotNull"), null, java.util.Locale.FRENCH))
                .isEqualTo("Indiquez le num\u00e9ro du cycle.");
        assertThat(sentences.sentence("stepsDone[0].doneOn", violation("NotNull"), null, new java.util.Locale("es")))
                .isEqualTo("Indique el d\u00eda en que se realiz\u00f3.");
        assertThat(sentences.sentence("email", violation("Size", 255, 0), "x", java.util.Locale.FRENCH))
                .isEqualTo("Raccourcissez l'adresse \u00e9lectronique \u00e0 255 caract\u00e8res au plus.");
        assertThat(sentences.sentence("stepsDone", violation("Size", 7, 0), java.util.List.of(), java.util.Locale.ENGLISH))
                .isEqualTo("Give at most 7 items for the phases already done.");
        assertThat(sentences.sentence("wgSession", violation("Max", 99L), 100, java.util.Locale.ENGLISH))
                .isEqualTo("Enter a value of at most 99 for the Working Group session.");
        assertThat(sentences.sentence("nobodyKnowsMe", violation("NotNull"), null, java.util.Locale.ENGLISH))
                .isEqualTo("Enter the field \u201cnobodyKnowsMe\u201d.");
    }

    /** A violation as Spring passes it: its codes, the field first among the arguments, then the attributes. */
    private static DefaultMessageSourceResolvable violation(String constraint, Object... attributes) {
        Object[] arguments = new Object[attributes.length + 1];
        arguments[0] = new DefaultMessageSourceResolvable("field");
        System.arraycopy(attributes, 0, arguments, 1, attributes.length);
        return new DefaultMessageSourceResolvable(new String[] {constraint + ".field", constraint}, arguments);
    }

    /** The names of the fields and request parameters of the platform that carry a Bean Validation constraint. */
    private static Set<String> validatedFields() {
        Set<String> names = new TreeSet<>();
        for (JavaClass javaClass : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.uprflow")) {
            Class<?> type = javaClass.reflect();
            for (Field field : type.getDeclaredFields()) {
                if (constrained(field) || constrained(field.getAnnotatedType())) {
                    names.add(field.getName());
                }
            }
            for (Method method : type.getDeclaredMethods()) {
                for (Parameter parameter : method.getParameters()) {
                    if (constrained(parameter)) {
                        names.add(parameter.getName());
                    }
                    String required = requiredParameter(parameter);
                    if (required != null) {
                        names.add(required);
                    }
                }
            }
        }
        return names;
    }

    /** The name of a request parameter or part a caller must send (a missing one is refused naming it), or null. */
    private static String requiredParameter(Parameter parameter) {
        RequestPart part = parameter.getAnnotation(RequestPart.class);
        if (part != null && part.required()) {
            return part.name().isEmpty() ? parameter.getName() : part.name();
        }
        RequestParam param = parameter.getAnnotation(RequestParam.class);
        if (param == null || !param.required() || !ValueConstants.DEFAULT_NONE.equals(param.defaultValue())
                || Map.class.isAssignableFrom(parameter.getType())) {
            return null;
        }
        return param.name().isEmpty() ? parameter.getName() : param.name();
    }

    private static boolean constrained(AnnotatedElement element) {
        boolean own = Arrays.stream(element.getAnnotations()).map(Annotation::annotationType)
                .anyMatch(type -> type.getPackageName().equals("jakarta.validation.constraints"));
        if (own || !(element instanceof java.lang.reflect.AnnotatedParameterizedType parameterized)) {
            return own;
        }
        return Arrays.stream(parameterized.getAnnotatedActualTypeArguments()).anyMatch(FieldLabelsTest::constrained);
    }
}
