package org.uprflow.engine;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What a user may send to the engine, told by the feature that owns the task forms. The engine
 * side ({@link PlatformOwnedVariables}) finds what a caller sends, whatever the channel; this
 * says whether it is allowed, in the caller's words.
 */
public interface TaskInputPolicy {

    /**
     * The problems with the names and types of {@code submitted}, the values a caller sends to
     * complete the task {@code taskName} whose form is {@code formRef} ({@code null}: a task
     * without form, which takes no values); empty when all may be sent.
     */
    List<String> submissionProblems(String taskName, String formRef, Map<String, Object> submitted);

    /** Why a user may not set or remove {@code names} directly, outside the completion of a task's form. */
    String directWriteRefused(Collection<String> names);
}
