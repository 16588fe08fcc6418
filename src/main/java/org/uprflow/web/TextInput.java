package org.uprflow.web;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Text in a JSON body may not hold a NUL character: PostgreSQL cannot store one in a text column and
 * would fail the whole write with a 500. Refused while reading, so the answer is the usual 400 naming
 * the field (ApiProblemHandler) and nothing is written.
 */
@Configuration(proxyBeanMethods = false)
class TextInput {

    /** Picked up by Spring Boot's Jackson configuration like every {@link Module} bean. */
    @Bean
    Module textWithoutNulCharacters() {
        return new SimpleModule("text-without-nul").addDeserializer(String.class, new WithoutNul());
    }

    private static final class WithoutNul extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = super.deserialize(parser, context);
            if (text != null && text.indexOf('\0') >= 0) {
                return (String) context.handleWeirdStringValue(String.class, text, "contains a NUL character");
            }
            return text;
        }
    }
}
