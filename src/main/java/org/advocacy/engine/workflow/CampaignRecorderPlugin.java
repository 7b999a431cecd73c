package org.advocacy.engine.workflow;

import java.util.ArrayList;
import java.util.List;

import org.advocacy.engine.campaign.CampaignCommand.CancelTask;
import org.advocacy.engine.campaign.CampaignCommand.CloseCampaign;
import org.advocacy.engine.campaign.CampaignCommand.DecideVote;
import org.advocacy.engine.campaign.CampaignCommand.OpenTask;
import org.advocacy.engine.campaign.CampaignCommand.RaiseEscalation;
import org.advocacy.engine.campaign.CampaignCommand.RecordOutcome;
import org.advocacy.engine.platform.CampaignCommandGateway;
import org.advocacy.engine.votes.Outcome;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * Makes every deployed template record its steps in the campaign's event stream, with no
 * listener declared in the BPMN files: user tasks opening and being cancelled, vote decisions
 * (business rule tasks that call the vote-outcome decision), outcomes that a path declares
 * (an intermediate event with the properties {@code outcomeKey} and {@code outcome}), escalation
 * timers firing, and the campaign's process ending. Each listener sends one command, inside the
 * engine's transaction: the step and its event commit together or not at all.
 */
@Component
public class CampaignRecorderPlugin extends AbstractProcessEnginePlugin {

    static final String VOTE_DECISION = "vote-outcome";
    static final String DEFAULT_ROLE = "COORDINATOR";

    private final CampaignCommandGateway commands;

    CampaignRecorderPlugin(CampaignCommandGateway commands) {
        this.commands = commands;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(new Recorder());
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    private final class Recorder extends AbstractBpmnParseListener {

        @Override
        public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
            processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) execution -> {
                if (((ExecutionEntity) execution).getSuperExecution() == null) {
                    send(new CloseCampaign(campaignOf(execution)), execution);
                }
            });
        }

        @Override
        public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            var definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
            definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, this::taskOpened);
            definition.addBuiltInTaskListener(TaskListener.EVENTNAME_DELETE, task -> commands.send(
                    new CancelTask(campaignOf(task.getExecution()), task.getId(), "task deleted by the workflow"),
                    task.getProcessInstanceId(), task.getId()));
        }

        private void taskOpened(DelegateTask task) {
            DelegateExecution execution = task.getExecution();
            String role = task.getCandidates().stream()
                    .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                    .map(IdentityLink::getGroupId).findFirst().orElse(DEFAULT_ROLE);
            String forum = ((ExecutionEntity) execution).getProcessDefinition().getKey();
            commands.send(new OpenTask(campaignOf(execution), task.getId(), task.getTaskDefinitionKey(),
                    task.getName(), forum, role, task.getDueDate() == null ? null : task.getDueDate().toInstant()),
                    task.getProcessInstanceId(), task.getId());
        }

        @Override
        public void parseBusinessRuleTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            String decision = element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "decisionRef");
            String resultVariable = element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "resultVariable");
            if (!VOTE_DECISION.equals(decision) || resultVariable == null) {
                return;
            }
            activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) execution -> {
                Object outcome = execution.getVariable(resultVariable);
                if (outcome == null) {
                    throw new IllegalStateException("the vote-outcome decision gave no outcome at " + activity.getId());
                }
                Object outcomeKey = execution.getVariable(Workflow.VOTE_OUTCOME_KEY);
                if (outcomeKey == null) {
                    throw new IllegalStateException("no vote was cast before the decision at " + activity.getId());
                }
                send(new DecideVote(campaignOf(execution), outcomeKey.toString(), Outcome.valueOf(outcome.toString())),
                        execution);
            });
        }

        @Override
        public void parseIntermediateThrowEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
            String outcomeKey = property(element, "outcomeKey");
            String outcome = property(element, "outcome");
            if (outcomeKey == null || outcome == null) {
                return;
            }
            Outcome declared = Outcome.valueOf(outcome);
            String reason = element.attribute("name", activity.getId());
            activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) execution -> send(
                    new RecordOutcome(campaignOf(execution), outcomeKey, declared, reason), execution));
        }

        @Override
        public void parseBoundaryTimerEventDefinition(Element timerEventDefinition, boolean interrupting,
                                                      ActivityImpl timerActivity) {
            String name = timerActivity.getName() == null ? timerActivity.getId() : timerActivity.getName();
            timerActivity.addBuiltInListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) execution -> send(
                    new RaiseEscalation(campaignOf(execution), timerActivity.getId(), name), execution));
        }

        private void send(org.advocacy.engine.campaign.CampaignCommand command, DelegateExecution execution) {
            commands.send(command, execution.getProcessInstanceId(), null);
        }
    }

    private static String campaignOf(DelegateExecution execution) {
        return execution.getProcessBusinessKey();
    }

    private static String property(Element element, String name) {
        Element extensions = element.element("extensionElements");
        if (extensions == null) {
            return null;
        }
        Element properties = extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
        if (properties == null) {
            return null;
        }
        return properties.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property").stream()
                .filter(property -> name.equals(property.attribute("name")))
                .map(property -> property.attribute("value")).findFirst().orElse(null);
    }
}
