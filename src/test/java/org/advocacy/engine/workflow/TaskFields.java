package org.advocacy.engine.workflow;

import java.time.LocalDate;

import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * The variables that the application hands to the engine when a task is completed, built the same
 * way: transient, never persisted; a list of names as its count ({@code <id>Count}); a vote as its
 * rule and counts.
 */
public final class TaskFields {

    private final VariableMap variables = Variables.createVariables();

    private TaskFields() {
    }

    public static TaskFields fields() {
        return new TaskFields();
    }

    /** A vote under {@code rule}, all counts given; {@code permanentMembersAgainst} counts for the Council only. */
    public static TaskFields vote(String rule, int inFavour, int against, int abstaining, int permanentMembersAgainst) {
        return fields()
                .string("voteRule", rule)
                .bool("adoptedWithoutVote", false)
                .integer("inFavour", inFavour)
                .integer("against", against)
                .integer("abstaining", abstaining)
                .integer("permanentMembersAgainstCount", permanentMembersAgainst);
    }

    public static TaskFields vote(String rule, int inFavour, int against, int abstaining) {
        return vote(rule, inFavour, against, abstaining, 0);
    }

    public static TaskFields adoptedWithoutVote(String rule) {
        return vote(rule, 0, 0, 0, 0).bool("adoptedWithoutVote", true);
    }

    public TaskFields bool(String id, boolean value) {
        variables.putValueTyped(id, Variables.booleanValue(value, true));
        return this;
    }

    public TaskFields string(String id, String value) {
        variables.putValueTyped(id, Variables.stringValue(value, true));
        return this;
    }

    /** An enum field travels as its value's name. */
    public TaskFields choice(String id, String value) {
        return string(id, value);
    }

    public TaskFields date(String id, LocalDate value) {
        return string(id, value.toString());
    }

    public TaskFields integer(String id, int value) {
        variables.putValueTyped(id, Variables.integerValue(value, true));
        return this;
    }

    /** A {@code long} field, as the application hands it over. */
    public TaskFields number(String id, long value) {
        variables.putValueTyped(id, Variables.longValue(value, true));
        return this;
    }

    public TaskFields names(String id, int count) {
        return integer(id + "Count", count);
    }

    public VariableMap toVariables() {
        return variables;
    }
}
