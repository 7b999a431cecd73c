package org.advocacy.engine.templates;

import java.util.List;
import java.util.Optional;

/**
 * A user task of a template: its key, who completes it, in which forum, and its fields.
 *
 * @param forecast the vote key whose forecast the task shows, with its warnings (the task's property
 *                 {@code forecast}); null for none
 * @param backers  the id of the task's names field that lists the backers of that vote (property
 *                 {@code backers}): naming fewer than the vote needs is warned of, not refused; null for none
 */
public record TaskForm(String key, String name, String forum, String role, List<FieldSpec> fields, String forecast,
                       String backers) {

    public TaskForm {
        fields = List.copyOf(fields);
    }

    public TaskForm(String key, String name, String forum, String role, List<FieldSpec> fields) {
        this(key, name, forum, role, fields, null, null);
    }

    public Optional<FieldSpec> voteField() {
        return fields.stream().filter(field -> field.type() == FieldType.VOTE).findFirst();
    }
}
