package org.advocacy.engine.workflow;

import java.beans.FeatureDescriptor;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

import org.advocacy.engine.campaign.RecordedFacts;
import org.advocacy.engine.campaign.view.CampaignViews;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Gateways, conditions and due dates may name any fact that the campaign recorded earlier, not
 * only the fields of the task just completed: a name that is no process variable is looked up
 * in the campaign's recorded facts ({@link RecordedFacts}: a field's id, or
 * {@code facts['task-key.field-id']}), read from the campaign's record as projected in this very
 * transaction. The facts are never copied into process variables.
 */
@Component
class EarlierFacts extends AbstractProcessEnginePlugin {

    /** The name under which every fact is reachable, also those whose names are no identifiers. */
    static final String ALL_FACTS = "facts";

    private final ApplicationContext context;
    private final CampaignViews campaigns;

    EarlierFacts(ApplicationContext context, CampaignViews campaigns) {
        this.context = context;
        this.campaigns = campaigns;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        ELResolver facts = new FactsResolver(this::factsOf);
        SpringExpressionManager expressions = new SpringExpressionManager(context, configuration.getBeans()) {
            @Override
            protected ELResolver createElResolver() {
                CompositeELResolver resolver = new CompositeELResolver();
                resolver.add(super.createElResolver());
                resolver.add(facts);
                return resolver;
            }
        };
        DueDates.register(expressions);
        configuration.setExpressionManager(expressions);
    }

    private Optional<Map<String, Object>> factsOf(VariableScope scope) {
        String campaignId = scope instanceof DelegateExecution execution ? execution.getProcessBusinessKey()
                : scope instanceof DelegateTask task && task.getExecution() != null
                ? task.getExecution().getProcessBusinessKey() : null;
        return campaignId == null ? Optional.empty() : campaigns.current(campaignId).map(RecordedFacts::of);
    }

    /** Resolves, last of all resolvers, a top-level name that nothing else resolved. */
    static final class FactsResolver extends ELResolver {

        private final java.util.function.Function<VariableScope, Optional<Map<String, Object>>> facts;

        FactsResolver(java.util.function.Function<VariableScope, Optional<Map<String, Object>>> facts) {
            this.facts = facts;
        }

        @Override
        public Object getValue(ELContext context, Object base, Object property) {
            if (base != null || !(property instanceof String name)
                    || !(context.getContext(VariableScope.class) instanceof VariableScope scope)) {
                return null;
            }
            Optional<Map<String, Object>> recorded = facts.apply(scope);
            if (recorded.isEmpty()) {
                return null;
            }
            if (name.equals(ALL_FACTS)) {
                context.setPropertyResolved(true);
                return recorded.get();
            }
            if (recorded.get().containsKey(name)) {
                context.setPropertyResolved(true);
                return recorded.get().get(name);
            }
            return null;
        }

        @Override
        public Class<?> getType(ELContext context, Object base, Object property) {
            return null;
        }

        @Override
        public void setValue(ELContext context, Object base, Object property, Object value) {
            // facts are recorded by steps, never set by an expression
        }

        @Override
        public boolean isReadOnly(ELContext context, Object base, Object property) {
            return true;
        }

        @Override
        public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
            return null;
        }

        @Override
        public Class<?> getCommonPropertyType(ELContext context, Object base) {
            return base == null ? Object.class : null;
        }
    }
}
