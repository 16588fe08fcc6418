package org.uprflow.notification;

import java.util.ArrayList;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Registers {@link NoticeParseListener} with the engine; picked up by the Camunda starter like every plugin bean. */
@Component
class NotificationEnginePlugin extends AbstractProcessEnginePlugin {

    private final ObjectProvider<NoticeEvents> events;
    private final ObjectProvider<NotificationSwitch> notificationSwitch;

    NotificationEnginePlugin(ObjectProvider<NoticeEvents> events, ObjectProvider<NotificationSwitch> notificationSwitch) {
        this.events = events;
        this.notificationSwitch = notificationSwitch;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<BpmnParseListener>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new NoticeParseListener(events, notificationSwitch));
    }
}
