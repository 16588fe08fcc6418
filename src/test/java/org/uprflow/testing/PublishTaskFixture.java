package org.uprflow.testing;

import org.uprflow.cycle.MidTermReportProcess;

import static org.assertj.core.api.Assertions.assertThat;


/** Kenya's "publish the mid-term report" task of a cycle of the calling test's own, started right at that task. */
public final class PublishTaskFixture {

    private PublishTaskFixture() {
    }

    /** Starts the mid-term report of Kenya's cycle {@code cycle} at its publishing task; returns the task's id. */
    public static String start(World world, int cycle) {
        Http.Response started = world.admin().postJson("/engine-rest/process-definition/key/" + MidTermReportProcess.KEY
                + "/start", """
                {"businessKey":"KE-%d","variables":{
                  "countryCode":{"value":"ke","type":"String"},"cycleNumber":{"value":%d,"type":"Integer"},
                  "midTermReportDue":{"value":"2099-01-21T17:00:00","type":"String"}},
                 "startInstructions":[{"type":"startBeforeActivity","activityId":"%s"}]}"""
                .formatted(cycle, cycle, MidTermReportProcess.PUBLISH_MID_TERM_REPORT));
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        return world.admin().get("/engine-rest/task?processInstanceId=" + started.json().get("id").asText())
                .json().get(0).get("id").asText();
    }
}
