package org.uprflow.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.uprflow.cycle.internal.OverdueTaskFollowUpProcess;
import org.uprflow.meeting.MeetingKind;

/** The house rules for every model under processes/, so that they cannot rot. */
class ProcessModelRulesTest {

    static final Path PROCESSES = Path.of("processes");
    static final Pattern GENERATED_ID = Pattern.compile(".*(_[0-9a-z]{7}$|^(Activity|Event|Gateway|Flow|StartEvent|EndEvent)_[0-9].*)");
    /** form-js schema bundled with Camunda 7.24's Tasklist. */
    static final int FORM_SCHEMA_VERSION = 16;

    static Map<Path, BpmnModelInstance> models = new HashMap<>();
    static Map<String, JsonNode> forms = new HashMap<>();

    @BeforeAll
    static void readModels() throws IOException {
        try (Stream<Path> files = Files.walk(PROCESSES)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".bpmn")) {
                    models.put(file, Bpmn.readModelFromFile(file.toFile()));
                } else if (name.endsWith(".form")) {
                    JsonNode form = new ObjectMapper().readTree(file.toFile());
                    assertThat(forms.put(form.path("id").asText(), form)).as("form id used twice: " + file).isNull();
                }
            }
        }
        assertThat(models).isNotEmpty();
    }

    @Test
    void everyFileHoldsOneNamedExecutableProcessKeyedByItsFileName() {
        models.forEach((file, model) -> {
            Collection<Process> processes = model.getModelElementsByType(Process.class);
            assertThat(processes).as(file.toString()).hasSize(1);
            Process process = processes.iterator().next();
            assertThat(process.getId()).as(file.toString()).isEqualTo(file.getFileName().toString().replace(".bpmn", ""));
            assertThat(process.getName()).as("name of " + file).isNotBlank();
            assertThat(process.isExecutable()).as("executable " + file).isTrue();
            assertThat(process.getCamundaHistoryTimeToLiveString()).as("historyTimeToLive of " + file).isNotBlank();
        });
    }

    @Test
    void everyFlowNodeAndSequenceFlowIsDrawn() {
        models.forEach((file, model) -> {
            for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
                assertThat(node.getDiagramElement()).as("shape of " + node.getId() + " in " + file).isNotNull();
            }
            for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
                assertThat(flow.getDiagramElement()).as("edge of " + flow.getId() + " in " + file).isNotNull();
            }
        });
    }

    @Test
    void noShapesOverlap() {
        models.forEach((file, model) -> {
            List<BpmnShape> shapes = new ArrayList<>(model.getModelElementsByType(BpmnShape.class));
            for (int i = 0; i < shapes.size(); i++) {
                for (int j = i + 1; j < shapes.size(); j++) {
                    BpmnShape a = shapes.get(i);
                    BpmnShape b = shapes.get(j);
                    if (!mayTouch(a.getBpmnElement(), b.getBpmnElement())) {
                        assertThat(overlap(a.getBounds(), b.getBounds()))
                                .as(a.getBpmnElement().getId() + " overlaps " + b.getBpmnElement().getId() + " in " + file).isFalse();
                    }
                }
            }
        });
    }

    @Test
    void noIdLooksGenerated() {
        models.forEach((file, model) -> {
            for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
                if (element.getId() != null) {
                    assertThat(element.getId()).as("id in " + file).doesNotMatch(GENERATED_ID);
                }
            }
        });
    }

    @Test
    void everyUserTaskHasAFormAGroupADueDateAndServerSideValidation() {
        models.forEach((file, model) -> {
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                String where = task.getId() + " in " + file;
                assertThat(task.getCamundaFormRef()).as("formRef of " + where).isNotBlank();
                assertThat(forms).as("form " + task.getCamundaFormRef() + " of " + where).containsKey(task.getCamundaFormRef());
                assertThat(task.getCamundaFormRefBinding()).as("formRefBinding of " + where).isEqualTo("latest");
                assertThat(task.getCamundaCandidateGroups() != null || task.getCamundaAssignee() != null)
                        .as("candidate group or assignee of " + where).isTrue();
                assertThat(task.getCamundaDueDate()).as("dueDate of " + where).isNotBlank();
                assertThat(task.getExtensionElements().getElementsQuery().filterByType(CamundaTaskListener.class).list())
                        .as("input validation of " + where)
                        .anyMatch(l -> "complete".equals(l.getCamundaEvent())
                                && "${validateTaskInputListener}".equals(l.getCamundaDelegateExpression()));
            }
        });
    }

    /** An answer on the matrix is an act on it: exactly the agreement forms' tasks record it, after validation. */
    @Test
    void exactlyTheAgreementTasksRecordTheirAnswerOnTheMatrixOnceItsInputIsAccepted() {
        Set<String> agreementForms = Set.of(UprCycleProcess.AGREE_MATRIX_CSO_FORM, UprCycleProcess.AGREE_MATRIX_GOVERNMENT_FORM);
        Set<String> recording = new HashSet<>();
        models.forEach((file, model) -> {
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                List<CamundaTaskListener> listeners = task.getExtensionElements().getElementsQuery()
                        .filterByType(CamundaTaskListener.class).list();
                List<String> onComplete = listeners.stream().filter(l -> "complete".equals(l.getCamundaEvent()))
                        .map(CamundaTaskListener::getCamundaDelegateExpression).toList();
                boolean onCreate = listeners.stream().anyMatch(l -> "create".equals(l.getCamundaEvent())
                        && "${recordMatrixAgreementListener}".equals(l.getCamundaDelegateExpression()));
                boolean agreement = agreementForms.contains(task.getCamundaFormRef());
                assertThat(onComplete.contains("${recordMatrixAgreementListener}") && onCreate)
                        .as("answer recorded by " + task.getId() + " in " + file).isEqualTo(agreement);
                if (agreement) {
                    recording.add(task.getCamundaFormRef());
                    assertThat(onComplete.indexOf("${recordMatrixAgreementListener}")).as("after validation: " + task.getId())
                            .isGreaterThan(onComplete.indexOf("${validateTaskInputListener}"));
                }
            }
        });
        assertThat(recording).isEqualTo(agreementForms);
    }

    @Test
    void everyTaskWithAMeetingsFormRecordsTheMeetingOnceItsInputIsAccepted() {
        Set<String> formsInUse = new HashSet<>();
        models.forEach((file, model) -> {
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                String where = task.getId() + " in " + file;
                List<String> onComplete = task.getExtensionElements().getElementsQuery()
                        .filterByType(CamundaTaskListener.class).list().stream()
                        .filter(l -> "complete".equals(l.getCamundaEvent()))
                        .map(CamundaTaskListener::getCamundaDelegateExpression).toList();
                boolean recordsAMeeting = MeetingKind.recordedBy(task.getCamundaFormRef()).isPresent();
                assertThat(onComplete.contains("${recordMeetingListener}")).as("meeting recorded by " + where)
                        .isEqualTo(recordsAMeeting);
                if (recordsAMeeting) {
                    formsInUse.add(task.getCamundaFormRef());
                    assertThat(onComplete.indexOf("${recordMeetingListener}")).as("recorded after validation: " + where)
                            .isGreaterThan(onComplete.indexOf("${validateTaskInputListener}"));
                }
            }
        });
        Set<String> formFields = new HashSet<>();
        forms.values().forEach(form -> form.path("components").forEach(c -> formFields.add(c.path("key").asText())));
        for (MeetingKind kind : MeetingKind.values()) {
            assertThat(formsInUse).as("a task records " + kind).contains(kind.formId());
            assertThat(formFields).as("form fields " + kind + " is read from").containsAll(kind.variables());
        }
    }

    @Test
    void everyUserTaskEscalatesWhenOverdueExceptTheFollowUpItself() {
        models.forEach((file, model) -> {
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                if (task.getId().equals(OverdueTaskFollowUpProcess.FOLLOW_UP_OVERDUE_TASK)) {
                    continue; // end of the escalation chain: it shows as overdue in the programme managers' Tasklist
                }
                assertThat(model.getModelElementsByType(BoundaryEvent.class))
                        .as("non-interrupting overdue timer on " + task.getId() + " in " + file)
                        .anyMatch(b -> b.getAttachedTo() == task && !b.cancelActivity()
                                && !b.getEventDefinitions().isEmpty()
                                && b.getEventDefinitions().iterator().next() instanceof TimerEventDefinition timer
                                && timer.getTimeDate().getTextContent().equals(task.getCamundaDueDate())
                                && !b.getOutgoing().isEmpty());
            }
        });
    }

    @Test
    void everyCallActivityPassesTheBusinessKeyTheVariablesAndChoosesTheCountrysVariant() {
        models.forEach((file, model) -> {
            for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
                String where = call.getId() + " in " + file;
                assertThat(call.getCamundaCalledElementTenantId()).as("variant choice of " + where)
                        .isEqualTo("${phaseVariants.tenantFor(execution.tenantId, '" + call.getCalledElement() + "')}");
                List<CamundaIn> ins = call.getExtensionElements().getElementsQuery().filterByType(CamundaIn.class).list();
                assertThat(ins).as("inputs of " + where)
                        .anyMatch(in -> in.getCamundaBusinessKey() != null)
                        .anyMatch(in -> "all".equals(in.getCamundaVariables()));
                assertThat(Files.exists(PROCESSES.resolve(call.getCalledElement() + ".bpmn")))
                        .as("shared definition of " + where).isTrue();
            }
        });
    }

    @Test
    void everyFormSpeaksForm7AndAsksForSensibleValues() {
        forms.forEach((id, form) -> {
            assertThat(form.path("schemaVersion").asInt()).as("schemaVersion of " + id).isEqualTo(FORM_SCHEMA_VERSION);
            for (JsonNode field : form.path("components")) {
                if (!field.hasNonNull("key")) {
                    continue;
                }
                String where = field.get("key").asText() + " in form " + id;
                assertThat(field.path("label").asText(field.path("dateLabel").asText())).as("label of " + where).isNotBlank();
                if (field.path("type").asText().equals("number")) {
                    assertThat(field.path("validate").path("min").asDouble(-1)).as("min of " + where).isGreaterThanOrEqualTo(0);
                }
                if (field.path("type").asText().equals("datetime")) {
                    assertThat(field.path("subtype").asText()).as("subtype of " + where).isEqualTo("date");
                }
            }
        });
    }

    private static boolean mayTouch(BaseElement a, BaseElement b) {
        // a boundary event sits on its host's border; a sub-process holds its children
        return a instanceof BoundaryEvent be && be.getAttachedTo() == b
                || b instanceof BoundaryEvent bb && bb.getAttachedTo() == a
                || a instanceof SubProcess && b.getParentElement() == a
                || b instanceof SubProcess && a.getParentElement() == b
                || a instanceof BoundaryEvent ba && ba.getAttachedTo() instanceof SubProcess && b.getParentElement() == ba.getAttachedTo();
    }

    private static boolean overlap(Bounds a, Bounds b) {
        return a.getX() < b.getX() + b.getWidth() && b.getX() < a.getX() + a.getWidth()
                && a.getY() < b.getY() + b.getHeight() && b.getY() < a.getY() + a.getHeight();
    }

    /** The engine splits candidate groups on commas; the country part comes from the tenant, which holds none. */
    static final Pattern CANDIDATE_GROUP = Pattern.compile("programme-managers|\\$\\{execution\\.tenantId}-(cso|government|nhri)");

    @Test
    void everyTasksCountryIsItsInstancesTenantNeverAVariable() {
        models.forEach((file, model) -> {
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                for (String group : task.getCamundaCandidateGroups().split(",")) {
                    assertThat(group.trim()).as("candidate group of " + task.getId() + " in " + file).matches(CANDIDATE_GROUP);
                }
            }
            for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
                assertThat(call.getCamundaCalledElementTenantId()).as(call.getId()).doesNotContain(UprCycleProcess.COUNTRY_CODE);
            }
        });
    }

    /**
     * form-js renders a text component's {@code {{variable}}} as Markdown, links included: only
     * variables that no form writes (the platform's own, which the engine keeps from users) may be
     * templated, so a participant's text never becomes markup in another user's form.
     */
    @Test
    void formTextsTemplateOnlyThePlatformsVariables() {
        Set<String> written = new HashSet<>();
        forms.values().forEach(form -> form.path("components").forEach(c -> {
            if (c.hasNonNull("key")) {
                written.add(c.get("key").asText());
            }
        }));
        Pattern template = Pattern.compile("\\{\\{\\s*([^}\\s]+)\\s*}}");
        Set<String> templated = new HashSet<>();
        forms.forEach((id, form) -> form.path("components").forEach(c -> {
            var matcher = template.matcher(c.path("text").asText(""));
            while (matcher.find()) {
                templated.add(matcher.group(1));
                assertThat(written).as("a form's field templated in the text of " + id).doesNotContain(matcher.group(1));
            }
        }));
        assertThat(templated).as("the rule is exercised").contains(UprCycleProcess.COUNTRY_CODE, UprCycleProcess.CYCLE_NUMBER);
    }
}
