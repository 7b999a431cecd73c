package org.advocacy.engine.platform;

import org.advocacy.engine.reference.LoadedCouncilYears;
import org.advocacy.engine.reference.UnMembership;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The UN reference data, read once at start-up: a bad file stops the app rather than a form later.
 * The Security Council years that an ADMIN loaded later are read from the database, where every
 * instance sees them (reference.api).
 */
@Configuration(proxyBeanMethods = false)
class ReferenceDataConfiguration {

    @Bean
    UnMembership unMembership(ObjectProvider<LoadedCouncilYears> loaded) {
        return UnMembership.fromClasspath(loaded.getIfAvailable());
    }
}
