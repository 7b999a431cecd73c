package org.advocacy.engine.workflow;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What every test of a template's paths shares: the shared process engine, a campaign of its own
 * for each test, and the clock and assertions put back afterwards. A subclass names the files it
 * deploys with {@code @Deployment}.
 */
abstract class CampaignProcessTest {

    /** One per test instance: a static one in this class would be shared, and closed, by its first subclass. */
    @RegisterExtension
    final ProcessEngineExtension extension = BpmnTestEngine.extension();

    protected ProcessEngine engine;
    protected CampaignDriver campaign;

    @BeforeEach
    void newCampaign() {
        engine = extension.getProcessEngine();
        BpmnAwareTests.init(engine);
        campaign = new CampaignDriver(engine, CampaignDriver.newBusinessKey());
    }

    @AfterEach
    void resetClockAndAssertions() {
        ClockUtil.reset();
        BpmnAwareTests.reset();
    }

    /** The names of the variables that the process instance ever held, as the history recorded them. */
    protected java.util.List<String> storedVariableNames(String processInstanceId) {
        return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
                .list().stream().map(variable -> variable.getName()).distinct().sorted().toList();
    }
}
