package org.uprflow.cycle;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every engine test of the cycle's processes starts from: its engine, camunda-bpm-assert bound
 * to it and Kenya's cycle ({@link CycleFixture}). A test class names its {@code @Deployment} and
 * registers its engine in a static field, {@code @RegisterExtension static ... engine =}
 * {@link CycleEngine#fullyCovering} (a process test) or {@link #plainEngine} (no coverage
 * asked); the engine reaches this class as a parameter, since the extension fills only the fields
 * the test class itself declares.
 */
abstract class CycleProcessTestBase {

    ProcessEngine processEngine;
    CycleFixture cycle;

    @BeforeEach
    void bindToTheEngine(ProcessEngine engine) {
        processEngine = engine;
        init(engine);
        cycle = new CycleFixture(engine);
    }

    /** The extension that gives the test class its engine, for the tests that ask no coverage. */
    static ProcessEngineExtension plainEngine() {
        return ProcessEngineExtension.builder().useProcessEngine(CycleEngine.configuration().buildProcessEngine())
                .build();
    }
}
