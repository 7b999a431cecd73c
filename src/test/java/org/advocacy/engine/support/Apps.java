package org.advocacy.engine.support;

import org.advocacy.engine.CampaignEngineApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Apps of a test's own, started and stopped by the test (restarts, second instances), and a client for each. */
public final class Apps {

    private Apps() {
    }

    public static ConfigurableApplicationContext start(String... arguments) {
        return new SpringApplicationBuilder(CampaignEngineApplication.class).run(arguments);
    }

    public static ApiClient client(ConfigurableApplicationContext app) {
        return new ApiClient(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
    }
}
