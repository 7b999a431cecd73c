package org.advocacy.engine.platform;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.advocacy.engine.campaign.Campaign;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Axon on PostgreSQL without Axon Server: events in {@code domain_event_entry} (created by Flyway,
 * payloads as JSON in bytea), written in the caller's Spring transaction, so that a workflow step
 * and its events commit together. Projections are subscribing processors in the same transaction;
 * a projection that cannot handle an event fails the step instead of skipping the event.
 */
@Configuration(proxyBeanMethods = false)
public class EventStoreConfiguration {

    static {
        // The store keeps event times to the millisecond; events get times of that precision from
        // the start, so that what handlers see live is exactly what a replay reads back.
        GenericEventMessage.clock = Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }

    /** Event metadata keys copied from each command to the events that it causes. */
    public static final List<String> METADATA_KEYS = List.of("actor", "processInstanceId", "taskId");
    static final String CORRELATION_ID = "correlationId";

    static final EventSchema SCHEMA = EventSchema.builder()
            .eventTable("domain_event_entry")
            .snapshotTable("snapshot_event_entry")
            .globalIndexColumn("global_index")
            .timestampColumn("time_stamp")
            .eventIdentifierColumn("event_identifier")
            .aggregateIdentifierColumn("aggregate_identifier")
            .sequenceNumberColumn("sequence_number")
            .typeColumn("type")
            .payloadTypeColumn("payload_type")
            .payloadRevisionColumn("payload_revision")
            .payloadColumn("payload")
            .metaDataColumn("meta_data")
            .build();

    /** The mapper of Axon's Jackson serializers: Spring's, so that dates are ISO text. */
    @Bean("defaultAxonObjectMapper")
    ObjectMapper defaultAxonObjectMapper(Jackson2ObjectMapperBuilder builder) {
        return builder.build();
    }

    @Bean
    @Primary
    ObjectMapper objectMapper(Jackson2ObjectMapperBuilder builder) {
        return builder.build();
    }

    @Bean
    EventStorageEngine eventStorageEngine(DataSource dataSource, TransactionManager transactionManager,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          Serializer serializer, List<EventUpcaster> upcasters) {
        PersistenceExceptionResolver resolver = new JdbcSQLErrorCodesResolver();
        return JdbcEventStorageEngine.builder()
                .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                .transactionManager(transactionManager)
                .eventSerializer(eventSerializer)
                .snapshotSerializer(serializer)
                .persistenceExceptionResolver(resolver)
                .schema(SCHEMA)
                .dataType(byte[].class)
                .upcasterChain(new EventUpcasterChain(upcasters))
                .build();
    }

    @Bean
    CorrelationDataProvider stepMetadataProvider() {
        return new SimpleCorrelationDataProvider(METADATA_KEYS.toArray(String[]::new));
    }

    /**
     * Axon's message origin (traceId, correlationId), except that a command that carries the step's
     * correlation id ({@link CampaignCommandGateway}) passes that on: Axon's own would be the
     * command's message id, a different one for each command of the step.
     */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        MessageOriginProvider origin = new MessageOriginProvider();
        return message -> {
            Map<String, Object> data = new HashMap<>(origin.correlationDataFor(message));
            Object stepCorrelation = message.getMetaData().get(CORRELATION_ID);
            if (stepCorrelation != null) {
                data.put(CORRELATION_ID, stepCorrelation);
            }
            return data;
        };
    }

    @Bean
    ConfigurerModule campaignEventProcessing() {
        return configurer -> {
            configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(Campaign.class)
                    .configureCache(config -> new TransactionScopedCache()));
            configurer.eventProcessing(processing -> processing
                    .usingSubscribingEventProcessors()
                    .registerDefaultListenerInvocationErrorHandler(config -> PropagatingErrorHandler.instance()));
        };
    }
}
