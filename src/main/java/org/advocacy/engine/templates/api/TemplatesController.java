package org.advocacy.engine.templates.api;

import java.util.List;

import org.advocacy.engine.templates.FieldSpec;
import org.advocacy.engine.templates.TaskForm;
import org.advocacy.engine.templates.Template;
import org.advocacy.engine.workflow.TemplateCatalog;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The deployed templates, their start fields and their tasks' fields, with types as the BPMN files declare them. */
@RestController
class TemplatesController {

    record FieldView(String id, String label, String type, boolean required, String requiredWhen, List<String> values,
                     Long min, Long max, boolean origin, String rule, String suggest) {
        static FieldView of(FieldSpec field) {
            return new FieldView(field.id(), field.label(), field.type().declaredAs(), field.required(),
                    field.requiredWhen(), field.values(), field.min(), field.max(), field.origin(), field.rule(),
                    field.suggest());
        }
    }

    record TaskView(String key, String name, String forum, String role, List<FieldView> fields) {
        static TaskView of(TaskForm task) {
            return new TaskView(task.key(), task.name(), task.forum(), task.role(),
                    task.fields().stream().map(FieldView::of).toList());
        }
    }

    record TemplateView(String key, String name, int version, List<FieldView> startFields, List<TaskView> tasks) {
        static TemplateView of(Template template) {
            return new TemplateView(template.key(), template.name(), template.version(),
                    template.startFields().stream().map(FieldView::of).toList(),
                    template.tasks().stream().map(TaskView::of).toList());
        }
    }

    private final TemplateCatalog catalog;

    TemplatesController(TemplateCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/api/templates")
    List<TemplateView> templates() {
        return catalog.templates().stream().map(TemplateView::of).toList();
    }
}
