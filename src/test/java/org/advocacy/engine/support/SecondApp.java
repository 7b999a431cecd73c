package org.advocacy.engine.support;

import org.advocacy.engine.CampaignEngineApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts another instance of the app beside the shared test app. Its process engine takes a name
 * of its own: Camunda keeps engines in a JVM-wide registry by name, and closing a second engine
 * named "default" would unregister the shared app's engine, which Cockpit then no longer finds.
 */
public final class SecondApp {

    private static int started;

    private SecondApp() {
    }

    public static synchronized ConfigurableApplicationContext start(SpringApplicationBuilder builder, String... arguments) {
        String[] all = java.util.Arrays.copyOf(arguments, arguments.length + 1);
        all[arguments.length] = "--camunda.bpm.process-engine-name=second-app-" + (++started);
        return builder.run(all);
    }

    public static ConfigurableApplicationContext start(String... arguments) {
        return start(new SpringApplicationBuilder(CampaignEngineApplication.class), arguments);
    }
}
