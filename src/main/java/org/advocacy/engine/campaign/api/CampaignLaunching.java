package org.advocacy.engine.campaign.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.advocacy.engine.campaign.CampaignCommand.LaunchCampaign;
import org.advocacy.engine.platform.CampaignCommandGateway;
import org.advocacy.engine.platform.NotFound;
import org.advocacy.engine.reference.UnMembership;
import org.advocacy.engine.templates.FieldSpec;
import org.advocacy.engine.templates.FieldValidator;
import org.advocacy.engine.templates.InvalidSubmission;
import org.advocacy.engine.templates.Submission;
import org.advocacy.engine.templates.Template;
import org.advocacy.engine.workflow.TemplateCatalog;
import org.advocacy.engine.workflow.Workflow;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Starts campaigns: validates the template's start fields, records the launch, starts the process. */
@Service
public class CampaignLaunching {

    public static final int LONGEST_TITLE = 300;

    private final TemplateCatalog templates;
    private final CampaignCommandGateway commands;
    private final Workflow workflow;
    private final UnMembership membership;

    CampaignLaunching(TemplateCatalog templates, CampaignCommandGateway commands, Workflow workflow,
                      UnMembership membership) {
        this.membership = membership;
        this.templates = templates;
        this.commands = commands;
        this.workflow = workflow;
    }

    @Transactional
    public String launch(Map<String, Object> body) {
        Map<String, Object> input = new LinkedHashMap<>(body == null ? Map.of() : body);
        Object templateKey = input.remove("template");
        Object title = input.remove("title");
        List<String> problems = new ArrayList<>();
        if (!(templateKey instanceof String key) || key.isBlank()) {
            throw new InvalidSubmission(List.of("template is required: the key of a deployed template"));
        }
        Template template = templates.template(key)
                .orElseThrow(() -> new NotFound("no template is deployed with the key " + key));
        if (!(title instanceof String text) || text.isBlank()) {
            problems.add("title is required");
        } else if (text.strip().length() > LONGEST_TITLE) {
            problems.add("title must have at most " + LONGEST_TITLE + " characters");
        } else if (FieldValidator.hasControlCharacters(text, false)) {
            problems.add("title must not contain control characters");
        }
        Submission start;
        try {
            start = FieldValidator.validate("template " + key, template.startFields(), input, null, membership);
        } catch (InvalidSubmission invalid) {
            problems.addAll(invalid.problems());
            start = null;
        }
        if (!problems.isEmpty()) {
            throw new InvalidSubmission(problems);
        }
        String campaignId = UUID.randomUUID().toString();
        commands.send(new LaunchCampaign(campaignId, key, ((String) title).strip(), start.fields(),
                origin(template, start)), null, null);
        workflow.start(key, campaignId);
        return campaignId;
    }

    private static LocalDate origin(Template template, Submission start) {
        return template.startFields().stream().filter(FieldSpec::origin)
                .map(field -> start.fields().get(field.id()))
                .filter(value -> value != null)
                .map(value -> LocalDate.parse(value.toString()))
                .findFirst().orElse(null);
    }

}
