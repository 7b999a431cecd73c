package org.advocacy.engine.platform;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.advocacy.engine.campaign.CampaignCommand;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Sends campaign commands with the metadata that their events must carry: the actor, the process
 * instance and task, and one correlation id for everything recorded in the same transaction (the
 * request's own, when it has one).
 * Refusals reach the caller as the domain's own exceptions.
 */
@Component
public class CampaignCommandGateway {

    private static final String STEP_RESOURCE = CampaignCommandGateway.class.getName() + ".step";

    private final CommandGateway commandGateway;
    private final JdbcTemplate jdbc;
    private final Timer lockWaits;

    CampaignCommandGateway(CommandGateway commandGateway, JdbcTemplate jdbc, MeterRegistry meters) {
        this.commandGateway = commandGateway;
        this.jdbc = jdbc;
        this.lockWaits = Timer.builder("campaigns.lock.wait")
                .description("time a step waited for its campaign's lock").publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30)).register(meters);
    }

    /**
     * For a client that read the campaign at {@code expectedTag} (its ETag, the sequence of its
     * newest event): takes the campaign's lock for this transaction, so that no other step can
     * come between, and refuses (412) when the campaign has moved on since. A null tag asks nothing.
     */
    public void requireUnchanged(String campaignId, String expectedTag) {
        if (expectedTag == null || expectedTag.isBlank() || expectedTag.strip().equals("*")) {
            return;
        }
        lockCampaign(currentStep(), campaignId);
        Long newest = jdbc.queryForObject("SELECT max(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, campaignId);
        String current = tag(newest == null ? -1 : newest);
        boolean matches = java.util.Arrays.stream(expectedTag.split(","))
                .map(String::strip).map(value -> value.startsWith("W/") ? value.substring(2) : value)
                .anyMatch(current::equals);
        if (!matches) {
            throw new PreconditionFailed("campaign " + campaignId + " has moved on: its ETag is now " + current
                    + ", not " + expectedTag.strip() + "; read it again before this step");
        }
    }

    /** A campaign's entity tag: the quoted sequence number of its newest event. */
    public static String tag(long lastSequence) {
        return "\"" + lastSequence + "\"";
    }

    public void send(CampaignCommand command, String processInstanceId, String taskId) {
        Step step = currentStep();
        lockCampaign(step, command.campaignId());
        Map<String, Object> metadata = new HashMap<>();
        metadata.put("actor", Actors.current());
        metadata.put(EventStoreConfiguration.CORRELATION_ID, step.correlationId);
        if (processInstanceId != null) {
            metadata.put("processInstanceId", processInstanceId);
        }
        if (taskId != null) {
            metadata.put("taskId", taskId);
        }
        try {
            commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.from(metadata)));
        } catch (CommandExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw failed;
        }
    }

    /**
     * Steps of one campaign take turns, across threads and app instances: the first command of a
     * transaction takes a database lock on the campaign, held until the transaction ends (later
     * commands of the same transaction on that campaign already hold it). Without it, a second
     * step could take Axon's in-memory aggregate lock and then wait in the database for the first
     * step's append, while the first step waits for that aggregate lock.
     */
    private void lockCampaign(Step step, String campaignId) {
        if (TransactionSynchronizationManager.isActualTransactionActive() && step.lockedCampaigns.add(campaignId)) {
            lockWaits.record(() -> jdbc.queryForList("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", campaignId));
        }
    }

    /**
     * What the commands of one transaction share: one correlation id (the request's, when a request
     * runs the transaction), and the campaigns locked.
     */
    private static final class Step {
        final String correlationId = CorrelationIds.current().orElseGet(() -> UUID.randomUUID().toString());
        final Set<String> lockedCampaigns = new HashSet<>();
    }

    private static Step currentStep() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return new Step();
        }
        Object bound = TransactionSynchronizationManager.getResource(STEP_RESOURCE);
        if (bound != null) {
            return (Step) bound;
        }
        Step step = new Step();
        TransactionSynchronizationManager.bindResource(STEP_RESOURCE, step);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(STEP_RESOURCE);
            }
        });
        return step;
    }
}
