package org.advocacy.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.advocacy.engine.support.ApiClient;
import org.advocacy.engine.support.AppTest;
import org.advocacy.engine.support.ScenarioDriver;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

/** Camunda's own history is kept for a time and cleaned up; the event store keeps the record for good. */
@AppTest
class RetentionIT {

    @LocalServerPort
    int port;
    @Autowired
    HistoryService camundaHistory;
    @Autowired
    ManagementService management;
    @Autowired
    RepositoryService repository;
    @Autowired
    ProcessEngineConfiguration configuration;

    @Test
    void every_process_keeps_its_engine_history_for_ninety_days_and_a_nightly_cleanup_is_scheduled() {
        for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
            assertThat(definition.getHistoryTimeToLive()).as(definition.getKey()).isNotNull().isLessThanOrEqualTo(365);
        }
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("coi-follow-up").latestVersion()
                .singleResult().getHistoryTimeToLive()).isEqualTo(90);
        ProcessEngineConfigurationImpl engine = (ProcessEngineConfigurationImpl) configuration;
        assertThat(engine.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        assertThat(engine.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
    }

    @Test
    void cleanup_removes_the_engine_history_of_a_closed_campaign_after_its_time_to_live_but_not_its_record() {
        ApiClient api = new ApiClient(port);
        String id = new ScenarioDriver(api).drive(ScenarioDriver.named("dprk-2014.json").content());
        JsonNode record = api.get("manager", "/api/campaigns/" + id + "/history?size=1000").body();
        assertThat(camundaHistory.createHistoricProcessInstanceQuery().processInstanceBusinessKey(id).count()).isPositive();

        try {
            ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(91))));
            Job cleanup = camundaHistory.cleanUpHistoryAsync(true);
            management.executeJob(cleanup.getId());
        } finally {
            ClockUtil.reset();
        }

        assertThat(camundaHistory.createHistoricProcessInstanceQuery().processInstanceBusinessKey(id).count()).isZero();
        assertThat(api.get("manager", "/api/campaigns/" + id + "/history?size=1000").body()).isEqualTo(record);
        assertThat(api.get("manager", "/api/campaigns/" + id + "/verify").body().get("valid").asBoolean()).isTrue();
    }
}
