package org.advocacy.engine.templates;

import java.util.List;

/**
 * One field that a template declares for a task or for its start.
 *
 * @param requiredWhen the id of a boolean field that, when true, makes this field required
 * @param values       the allowed values of an enum field
 * @param min          least value of a number, least length of a text, least count of a list
 * @param max          greatest value of a number, greatest length of a text, greatest count of a list;
 *                     a text or a list that declares none has {@link #LONGEST_TEXT} or {@link #MOST_NAMES}
 * @param origin       a start date that no later date of the campaign may precede
 * @param rule         for a vote field, the vote rule that decides its outcome
 * @param suggest      for a list of names, what the form suggests: {@code memberStates} or
 *                     {@code councilMembers}; null for none
 */
public record FieldSpec(String id, String label, FieldType type, boolean required, String requiredWhen,
                        List<String> values, Long min, Long max, boolean origin, String rule, String suggest) {

    /** The greatest length of a text field that declares no maxlength: a long note, not a book. */
    public static final long LONGEST_TEXT = 10_000;
    /** The greatest count of a list of names that declares no maxlength: every member state, twice over. */
    public static final long MOST_NAMES = 400;

    public FieldSpec {
        values = values == null ? List.of() : List.copyOf(values);
        if (max == null && type == FieldType.STRING) {
            max = LONGEST_TEXT;
        } else if (max == null && type == FieldType.NAMES) {
            max = MOST_NAMES;
        }
    }
}
