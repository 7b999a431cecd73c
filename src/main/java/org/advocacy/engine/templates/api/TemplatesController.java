package org.advocacy.engine.templates.api;

import java.util.List;

import org.advocacy.engine.templates.FieldSpec;
import org.advocacy.engine.templates.TaskForm;
import org.advocacy.engine.templates.Template;
import org.advocacy.engine.workflow.TemplateCatalog;
import org.advocacy.engine.workflow.TemplateDeployments;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The deployed templates, their start fields and their tasks' fields, with types as the BPMN files declare them; an ADMIN deploys and migrates them. */
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

    /** @param versions every deployed version of the template, oldest first; new campaigns start on {@code version} */
    record TemplateView(String key, String name, int version, List<Integer> versions, List<FieldView> startFields,
                        List<TaskView> tasks) {
        static TemplateView of(Template template, List<Integer> versions) {
            return new TemplateView(template.key(), template.name(), template.version(), versions,
                    template.startFields().stream().map(FieldView::of).toList(),
                    template.tasks().stream().map(TaskView::of).toList());
        }
    }

    private final TemplateCatalog catalog;
    private final TemplateDeployments deployments;

    TemplatesController(TemplateCatalog catalog, TemplateDeployments deployments) {
        this.catalog = catalog;
        this.deployments = deployments;
    }

    @GetMapping("/api/templates")
    List<TemplateView> templates() {
        return catalog.templates().stream().map(template -> TemplateView.of(template, catalog.versions(template.key())))
                .toList();
    }

    /**
     * An ADMIN deploys a template, or a new version of one: the body is the BPMN file, {@code file}
     * its name. 201 with the versions deployed (none when this very file was deployed already);
     * 400 with the problems, naming the element of each, and nothing deployed.
     */
    @PostMapping(value = "/api/admin/templates", consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE,
            MediaType.APPLICATION_OCTET_STREAM_VALUE})
    ResponseEntity<TemplateDeployments.Deployed> deploy(@RequestParam String file, @RequestBody byte[] bpmn) {
        return ResponseEntity.status(HttpStatus.CREATED).body(deployments.deploy(file, bpmn));
    }

    /**
     * Moves every campaign whose process of {@code key} runs an older version to the latest one;
     * with {@code dryRun=true}, says which can move and why the others cannot, and moves none.
     */
    @PostMapping("/api/admin/templates/{key}/migrations")
    List<TemplateDeployments.Migration> migrate(@PathVariable String key,
                                                @RequestParam(defaultValue = "false") boolean dryRun) {
        return deployments.migrate(key, dryRun);
    }
}
