package org.uprflow.web;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.web.bind.annotation.RequestBody;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every type a request body of the API holds is named in every language when a value cannot be read as it
 * ("Le champ 'session' a une valeur qui ne peut pas être lue comme un nombre entier."): a type without
 * {@code problem.malformed.type.<key>} would be called "the documented type", which tells the caller little.
 */
class ExpectedTypesTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "_fr", "_es"})
    void everyTypeOfARequestBodyHasAName(String suffix) throws IOException {
        Properties bundle = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/messages" + suffix + ".properties")) {
            bundle.load(in);
        }
        Set<Class<?>> types = bodyTypes();
        assertThat(types).as("the scan reaches the bodies' fields").contains(Integer.class, String.class, List.class);
        Set<String> unnamed = new TreeSet<>();
        for (Class<?> type : types) {
            if (!type.isEnum() && bundle.getProperty(ApiProblemHandler.typeKey(type)) == null) {
                unnamed.add(ApiProblemHandler.typeKey(type));
            }
        }
        assertThat(unnamed).as("types without a name in messages%s", suffix).isEmpty();
    }

    /** The classes of the request bodies' fields, nested records and the elements of lists and maps included. */
    private static Set<Class<?>> bodyTypes() {
        Deque<Type> todo = new ArrayDeque<>();
        for (JavaClass javaClass : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.uprflow")) {
            for (Method method : javaClass.reflect().getDeclaredMethods()) {
                for (Parameter parameter : method.getParameters()) {
                    if (parameter.isAnnotationPresent(RequestBody.class)) {
                        todo.add(parameter.getParameterizedType());
                    }
                }
            }
        }
        Set<Class<?>> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            Type type = todo.poll();
            if (type instanceof ParameterizedType parameterized) {
                todo.add(parameterized.getRawType());
                todo.addAll(List.of(parameterized.getActualTypeArguments()));
            } else if (type instanceof Class<?> plain && seen.add(plain) && plain.isRecord()) {
                for (RecordComponent component : plain.getRecordComponents()) {
                    todo.add(component.getGenericType());
                }
            }
        }
        return seen;
    }
}
