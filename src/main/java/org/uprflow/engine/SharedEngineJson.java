package org.uprflow.engine;

import java.util.LinkedHashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;

/**
 * Camunda's REST JSON settings ({@link JacksonConfigurator}: its date format, unknown properties ignored, dates as
 * text, java.time) in one {@link ObjectMapper} for all requests. Camunda's resolver builds a new mapper at every call,
 * several times a request, so every request started Jackson cold: the serializers and deserializers of every DTO it
 * read or wrote were made anew (docs/benchmarks.md, REST completion). A configured mapper is safe to share; Jackson
 * copies the date format for each use. Built at the first call, so that a date format set at start still counts.
 */
@Provider
public class SharedEngineJson implements ContextResolver<ObjectMapper> {

    private static volatile ObjectMapper mapper;

    @Override
    public ObjectMapper getContext(Class<?> type) {
        ObjectMapper shared = mapper;
        if (shared == null) {
            synchronized (SharedEngineJson.class) {
                if (mapper == null) {
                    mapper = JacksonConfigurator.configureObjectMapper(new ObjectMapper());
                }
                shared = mapper;
            }
        }
        return shared;
    }

    /** A Jersey application's classes with this resolver in place of Camunda's. */
    static Set<Class<?>> inPlaceOfCamundas(Set<Class<?>> classes) {
        Set<Class<?>> replaced = new LinkedHashSet<>(classes);
        if (replaced.remove(JacksonConfigurator.class)) {
            replaced.add(SharedEngineJson.class);
        }
        return replaced;
    }
}
