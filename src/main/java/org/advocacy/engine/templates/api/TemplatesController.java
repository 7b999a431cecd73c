package org.advocacy.engine.templates.api;

import java.util.List;

import org.advocacy.engine.templates.Template;
import org.advocacy.engine.workflow.TemplateCatalog;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TemplatesController {

    private final TemplateCatalog catalog;

    TemplatesController(TemplateCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/api/templates")
    List<Template> templates() {
        return catalog.templates();
    }
}
