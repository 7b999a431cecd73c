package org.advocacy.engine.templates;

import java.util.List;
import java.util.Optional;

/** A deployed campaign template: what starting it takes, and every task on its path. */
public record Template(String key, String name, int version, List<FieldSpec> startFields, List<TaskForm> tasks) {

    public Template {
        startFields = List.copyOf(startFields);
        tasks = List.copyOf(tasks);
    }

    public Optional<TaskForm> task(String key) {
        return tasks.stream().filter(task -> task.key().equals(key)).findFirst();
    }
}
