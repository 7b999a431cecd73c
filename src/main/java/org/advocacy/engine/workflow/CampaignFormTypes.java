package org.advocacy.engine.workflow;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.type.AbstractFormFieldType;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * Registers the form field types that campaign templates declare beyond Camunda's own:
 * {@code names} (a list of names, such as sponsors or signatories) and {@code vote} (a vote
 * under one of the rules of the vote-outcome decision). Camunda refuses to deploy a model that
 * uses an unregistered type; the values themselves are validated and recorded by the engine's
 * own field validation, never stored as form variables.
 */
@Component
public class CampaignFormTypes extends AbstractProcessEnginePlugin {

    public static final String NAMES = "names";
    public static final String VOTE = "vote";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<AbstractFormFieldType> types = configuration.getCustomFormTypes() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomFormTypes());
        types.add(new DeclaredOnlyType(NAMES));
        types.add(new DeclaredOnlyType(VOTE));
        configuration.setCustomFormTypes(types);
    }

    /** A type that exists for declaration: its values pass through unchanged. */
    static final class DeclaredOnlyType extends AbstractFormFieldType {
        private final String name;

        DeclaredOnlyType(String name) {
            this.name = name;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public TypedValue convertToFormValue(TypedValue modelValue) {
            return modelValue;
        }

        @Override
        public TypedValue convertToModelValue(TypedValue propertyValue) {
            return propertyValue == null ? Variables.untypedNullValue() : propertyValue;
        }

        @Override
        public Object convertFormValueToModelValue(Object propertyValue) {
            return propertyValue;
        }

        @Override
        public String convertModelValueToFormValue(Object modelValue) {
            return modelValue == null ? null : modelValue.toString();
        }
    }
}
