package org.advocacy.engine.templates;

/**
 * A template that could not go on after a step: one of its expressions failed, such as a gateway
 * naming a fact that nobody recorded. The step's transaction rolls back, so nothing of it is
 * written; answered 422, naming the task after which the template failed.
 */
public class TemplateFailure extends RuntimeException {

    public TemplateFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
