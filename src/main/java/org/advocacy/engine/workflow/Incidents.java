package org.advocacy.engine.workflow;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * What needs an operator in the workflow engine: its open incidents (a job that failed with no
 * retries left, and the like), listed for the API, and counted with its jobs as metrics.
 */
@Component
public class Incidents implements MeterBinder {

    /** An open incident, with the campaign whose process it stopped (the process's business key). */
    public record OpenIncident(String id, String processInstanceId, String campaignId, String activityId, String type,
                               String message, Instant at) {
    }

    private final RuntimeService runtime;
    private final ManagementService management;

    Incidents(RuntimeService runtime, ManagementService management) {
        this.runtime = runtime;
        this.management = management;
    }

    /** Newest first. */
    public List<OpenIncident> page(int offset, int limit) {
        List<Incident> incidents = runtime.createIncidentQuery().orderByIncidentTimestamp().desc()
                .orderByIncidentId().asc().listPage(offset, limit);
        Set<String> instances = incidents.stream().map(Incident::getProcessInstanceId)
                .filter(Objects::nonNull).collect(Collectors.toSet());
        Map<String, String> campaigns = instances.isEmpty() ? Map.of()
                : runtime.createProcessInstanceQuery().processInstanceIds(instances).list().stream()
                .filter(instance -> instance.getBusinessKey() != null)
                .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
        return incidents.stream().map(incident -> new OpenIncident(incident.getId(), incident.getProcessInstanceId(),
                campaigns.get(incident.getProcessInstanceId()), incident.getActivityId(), incident.getIncidentType(),
                incident.getIncidentMessage(), incident.getIncidentTimestamp().toInstant())).toList();
    }

    public long count() {
        return runtime.createIncidentQuery().count();
    }

    @Override
    public void bindTo(MeterRegistry meters) {
        Gauge.builder("campaigns.workflow.incidents", this, Incidents::count)
                .description("open incidents of the workflow engine").register(meters);
        Gauge.builder("campaigns.workflow.jobs", management, jobs -> jobs.createJobQuery().count())
                .description("jobs (timers, asynchronous steps) waiting in the workflow engine").register(meters);
        Gauge.builder("campaigns.workflow.jobs.failed", management, jobs -> jobs.createJobQuery().noRetriesLeft().count())
                .description("jobs with no retries left").register(meters);
    }
}
