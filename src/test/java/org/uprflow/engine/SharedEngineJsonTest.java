package org.uprflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.SimpleDateFormat;
import java.util.Set;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.camunda.bpm.engine.rest.dto.task.CompleteTaskDto;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.junit.jupiter.api.Test;

class SharedEngineJsonTest {

    @Test
    void takesThePlaceOfCamundasResolverInTheEngineRestApplication() {
        Set<Class<?>> classes = SharedEngineJson.inPlaceOfCamundas(CamundaRestResources.getConfigurationClasses());

        assertThat(CamundaRestResources.getConfigurationClasses()).contains(JacksonConfigurator.class);
        assertThat(classes).contains(SharedEngineJson.class).doesNotContain(JacksonConfigurator.class)
                .hasSize(CamundaRestResources.getConfigurationClasses().size());
    }

    @Test
    void givesOneMapperWithCamundasSettingsToEveryCall() throws Exception {
        SharedEngineJson resolver = new SharedEngineJson();
        ObjectMapper mapper = resolver.getContext(CompleteTaskDto.class);

        assertThat(new SharedEngineJson().getContext(Object.class)).isSameAs(mapper);
        assertThat(mapper.isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)).isFalse();
        assertThat(mapper.isEnabled(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)).isFalse();
        assertThat(((SimpleDateFormat) mapper.getDateFormat()).toPattern()).isEqualTo(JacksonConfigurator.dateFormatString);
        CompleteTaskDto dto = mapper.readValue("{\"variables\":{\"report\":{\"value\":\"x\",\"type\":\"String\"}},"
                + "\"unknown\":1}", CompleteTaskDto.class);
        assertThat(dto.getVariables().get("report").getValue()).isEqualTo("x");
    }
}
