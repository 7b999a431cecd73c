package org.advocacy.engine.templates;

import java.util.List;
import java.util.Optional;

/** A user task of a template: its key, who completes it, in which forum, and its fields. */
public record TaskForm(String key, String name, String forum, String role, List<FieldSpec> fields) {

    public TaskForm {
        fields = List.copyOf(fields);
    }

    public Optional<FieldSpec> voteField() {
        return fields.stream().filter(field -> field.type() == FieldType.VOTE).findFirst();
    }
}
