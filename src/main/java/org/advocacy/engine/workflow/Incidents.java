package org.advocacy.engine.workflow;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * What needs an operator in the workflow engine: its open incidents (a job that failed with no
 * retries left, and the like), counted with its jobs as metrics.
 */
@Component
public class Incidents implements MeterBinder {

    private final RuntimeService runtime;
    private final ManagementService management;

    Incidents(RuntimeService runtime, ManagementService management) {
        this.runtime = runtime;
        this.management = management;
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
