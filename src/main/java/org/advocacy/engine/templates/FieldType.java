package org.advocacy.engine.templates;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of value that a template may declare for a task field (the form field's type). */
public enum FieldType {
    STRING("string"), LONG("long"), BOOLEAN("boolean"), DATE("date"), ENUM("enum"),
    /** A list of names: sponsors, conveners, signatories. */
    NAMES("names"),
    /** A vote under one of the vote rules; its values are the top-level fields of the submission. */
    VOTE("vote");

    private final String declaredAs;

    FieldType(String declaredAs) {
        this.declaredAs = declaredAs;
    }

    public String declaredAs() {
        return declaredAs;
    }

    public static Optional<FieldType> declaredAs(String name) {
        return Arrays.stream(values()).filter(type -> type.declaredAs.equals(name)).findFirst();
    }
}
