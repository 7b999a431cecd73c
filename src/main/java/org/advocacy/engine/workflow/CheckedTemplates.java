package org.advocacy.engine.workflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The templates that the app deploys at start are checked first ({@link TemplateChecks}): a
 * template with a defect stops the start with a message that names each file, element and problem,
 * instead of failing a campaign at run time.
 */
@Component
class CheckedTemplates extends AbstractProcessEnginePlugin {

    private final Environment environment;

    CheckedTemplates(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<String> patterns = Binder.get(environment)
                .bind("camunda.bpm.deployment-resource-pattern", Bindable.listOf(String.class)).orElse(List.of());
        Map<String, byte[]> files = new LinkedHashMap<>();
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        try {
            for (String pattern : patterns) {
                if (!pattern.endsWith(".bpmn")) {
                    continue;
                }
                for (Resource resource : resolver.getResources(pattern)) {
                    files.put(resource.getFilename(), resource.getContentAsByteArray());
                }
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException("the templates could not be read", unreadable);
        }
        List<TemplateChecks.Problem> problems = TemplateChecks.check(files);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("templates refused before deployment:\n"
                    + problems.stream().map(problem -> "  " + problem).collect(Collectors.joining("\n")));
        }
    }
}
