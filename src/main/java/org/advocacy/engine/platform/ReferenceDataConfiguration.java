package org.advocacy.engine.platform;

import org.advocacy.engine.reference.UnMembership;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The UN reference data, read once at start-up: a bad file stops the app rather than a form later. */
@Configuration(proxyBeanMethods = false)
class ReferenceDataConfiguration {

    @Bean
    UnMembership unMembership() {
        return UnMembership.fromClasspath();
    }
}
