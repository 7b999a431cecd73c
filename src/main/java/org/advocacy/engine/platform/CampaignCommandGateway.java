package org.advocacy.engine.platform;

import java.util.HashMap;
import java.util.Map;
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

/**
 * Sends campaign commands with the metadata that their events must carry: the actor, the process
 * instance and task, and one correlation id for everything recorded in the same transaction.
 * Refusals reach the caller as the domain's own exceptions.
 */
@Component
public class CampaignCommandGateway {

    private static final String CORRELATION_RESOURCE = CampaignCommandGateway.class.getName() + ".correlation";

    private final CommandGateway commandGateway;
    private final JdbcTemplate jdbc;

    CampaignCommandGateway(CommandGateway commandGateway, JdbcTemplate jdbc) {
        this.commandGateway = commandGateway;
        this.jdbc = jdbc;
    }

    public void send(CampaignCommand command, String processInstanceId, String taskId) {
        lockCampaign(command.campaignId());
        Map<String, Object> metadata = new HashMap<>();
        metadata.put("actor", Actors.current());
        metadata.put("correlationId", correlationId());
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
     * transaction takes a database lock on the campaign, held until the transaction ends. Without
     * it, a second step could take Axon's in-memory aggregate lock and then wait in the database
     * for the first step's append, while the first step waits for that aggregate lock.
     */
    private void lockCampaign(String campaignId) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            jdbc.queryForList("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", campaignId);
        }
    }

    private static String correlationId() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return UUID.randomUUID().toString();
        }
        Object bound = TransactionSynchronizationManager.getResource(CORRELATION_RESOURCE);
        if (bound != null) {
            return (String) bound;
        }
        String id = UUID.randomUUID().toString();
        TransactionSynchronizationManager.bindResource(CORRELATION_RESOURCE, id);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(CORRELATION_RESOURCE);
            }
        });
        return id;
    }
}
