package org.advocacy.engine.workflow;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.advocacy.engine.campaign.CampaignCommand.RecordTemplateMigration;
import org.advocacy.engine.operations.OperationsLog;
import org.advocacy.engine.platform.Actors;
import org.advocacy.engine.platform.BadRequest;
import org.advocacy.engine.platform.CampaignCommandGateway;
import org.advocacy.engine.platform.NotFound;
import org.advocacy.engine.templates.InvalidSubmission;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Templates deployed while the app runs, by an ADMIN: checked as the app's own are
 * ({@link TemplateChecks}, together with the latest version of every other deployed process),
 * then deployed into Camunda's repository, which every instance shares and which outlives
 * restarts. A campaign stays on the version it started with until an ADMIN migrates it
 * (Camunda's migration API, activities mapped by their ids); a dry run tries each campaign's
 * migration and rolls it back, so it says exactly which can move and why the others cannot.
 */
@Service
public class TemplateDeployments {

    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}\\.bpmn");

    /** What deploying a file did: the process definitions it deployed, empty when it was deployed already. */
    public record Deployed(String file, List<Version> versions) {
    }

    public record Version(String key, String name, int version) {
    }

    /** One campaign's process that runs an older version: whether it can move, or moved, and why not. */
    public record Migration(String campaignId, String processInstanceId, int fromVersion, int toVersion,
                            boolean canMove, boolean moved, String reason) {
    }

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final CampaignCommandGateway commands;
    private final OperationsLog operations;
    private final TransactionTemplate transaction;

    TemplateDeployments(RepositoryService repository, RuntimeService runtime, CampaignCommandGateway commands,
                        OperationsLog operations, PlatformTransactionManager transactions) {
        this.repository = repository;
        this.runtime = runtime;
        this.commands = commands;
        this.operations = operations;
        this.transaction = new TransactionTemplate(transactions);
    }

    public Deployed deploy(String file, byte[] bpmn) {
        if (file == null || !FILE_NAME.matcher(file).matches()) {
            throw new BadRequest("name the file as name.bpmn: letters, digits, dots, dashes and underscores, at most 105 characters");
        }
        if (bpmn == null || bpmn.length == 0) {
            throw new BadRequest("the request body is the template's BPMN file, and it is empty");
        }
        Map<String, byte[]> files = deployedExcept(processIds(file, bpmn));
        files.put(file, bpmn);
        List<String> problems = TemplateChecks.check(files).stream()
                .filter(problem -> problem.file().equals(file)).map(TemplateChecks.Problem::toString).toList();
        if (!problems.isEmpty()) {
            throw new InvalidSubmission(problems);
        }
        return transaction.execute(status -> {
            DeploymentWithDefinitions deployment;
            try {
                deployment = repository.createDeployment().name(file).source("admin")
                        .enableDuplicateFiltering(true).addInputStream(file, new ByteArrayInputStream(bpmn))
                        .deployWithResult();
            } catch (ProcessEngineException refused) {
                throw new InvalidSubmission(List.of(file + ": the workflow engine refused it: "
                        + refused.getMessage().lines().findFirst().orElse("")));
            }
            List<Version> versions = deployment.getDeployedProcessDefinitions() == null ? List.of()
                    : deployment.getDeployedProcessDefinitions().stream()
                    .map(definition -> new Version(definition.getKey(), definition.getName(), definition.getVersion())).toList();
            if (!versions.isEmpty()) {
                operations.record(Actors.current(), "TEMPLATE_DEPLOYED", file, Map.of("deployment", deployment.getId(),
                        "versions", versions.stream().map(version -> version.key() + " v" + version.version()).toList()));
            }
            return new Deployed(file, versions);
        });
    }

    /** Every running process of {@code key} on an older version, moved to the latest unless {@code dryRun}. */
    public List<Migration> migrate(String key, boolean dryRun) {
        ProcessDefinition target = repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
                .singleResult();
        if (target == null) {
            throw new NotFound("no template or process is deployed with the key " + key);
        }
        List<Migration> migrations = new ArrayList<>();
        Map<String, ProcessDefinition> olderVersions = repository.createProcessDefinitionQuery().processDefinitionKey(key)
                .list().stream().filter(definition -> definition.getVersion() < target.getVersion())
                .collect(Collectors.toMap(ProcessDefinition::getId, definition -> definition));
        for (ProcessDefinition source : olderVersions.values()) {
            List<ProcessInstance> running = runtime.createProcessInstanceQuery().processDefinitionId(source.getId()).list();
            if (running.isEmpty()) {
                continue;
            }
            MigrationPlan plan;
            try {
                plan = runtime.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities()
                        .updateEventTriggers().build();
            } catch (MigrationPlanValidationException cannot) {
                String reason = "version " + source.getVersion() + " cannot be mapped onto version " + target.getVersion()
                        + ": " + cannot.getMessage().lines().skip(1).map(String::strip).collect(Collectors.joining("; "));
                running.forEach(instance -> migrations.add(new Migration(instance.getBusinessKey(), instance.getId(),
                        source.getVersion(), target.getVersion(), false, false, reason)));
                continue;
            }
            for (ProcessInstance instance : running) {
                migrations.add(migrateOne(plan, instance, source.getVersion(), target.getVersion(), key, dryRun));
            }
        }
        if (!dryRun && migrations.stream().anyMatch(Migration::moved)) {
            operations.record(Actors.current(), "TEMPLATES_MIGRATED", key, Map.of("toVersion", target.getVersion(),
                    "campaigns", migrations.stream().filter(Migration::moved).map(Migration::campaignId).toList()));
        }
        return migrations;
    }

    private Migration migrateOne(MigrationPlan plan, ProcessInstance instance, int from, int to, String key, boolean dryRun) {
        try {
            transaction.executeWithoutResult(status -> {
                runtime.newMigration(plan).processInstanceIds(instance.getId()).execute();
                commands.send(new RecordTemplateMigration(instance.getBusinessKey(), key, from, to), instance.getId(), null);
                if (dryRun) {
                    status.setRollbackOnly();
                }
            });
            return new Migration(instance.getBusinessKey(), instance.getId(), from, to, true, !dryRun, null);
        } catch (MigratingProcessInstanceValidationException cannot) {
            return new Migration(instance.getBusinessKey(), instance.getId(), from, to, false, false,
                    cannot.getMessage().lines().skip(1).map(String::strip).collect(Collectors.joining("; ")));
        } catch (RuntimeException refused) {
            return new Migration(instance.getBusinessKey(), instance.getId(), from, to, false, false,
                    refused.getMessage() == null ? refused.getClass().getSimpleName() : refused.getMessage().lines().findFirst().orElse(""));
        }
    }

    /** The latest version of every deployed process that the new file does not replace, by its resource name. */
    private Map<String, byte[]> deployedExcept(Set<String> replaced) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
            if (replaced.contains(definition.getKey())) {
                continue;
            }
            try (var model = repository.getProcessModel(definition.getId())) {
                files.put(definition.getResourceName(), model.readAllBytes());
            } catch (java.io.IOException unreadable) {
                throw new IllegalStateException("the deployed process " + definition.getKey() + " could not be read", unreadable);
            }
        }
        return files;
    }

    private static Set<String> processIds(String file, byte[] bpmn) {
        try {
            return Bpmn.readModelFromStream(new ByteArrayInputStream(bpmn)).getModelElementsByType(Process.class).stream()
                    .map(Process::getId).collect(Collectors.toSet());
        } catch (RuntimeException unreadable) {
            return Set.of();
        }
    }
}
