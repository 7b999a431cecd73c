package org.advocacy.engine;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
// Spring's scheduler runs the app's own periodic work (signed checkpoints); Camunda's timers run in its job executor.
@EnableScheduling
public class CampaignEngineApplication {
    public static void main(String[] args) {
        // Axon's update checker would call home at every start; this machine's network is closed.
        if (System.getProperty("axoniq.update-checker.disabled") == null
                && System.getenv("AXONIQ_UPDATE_CHECKER_DISABLED") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
        SpringApplication.run(CampaignEngineApplication.class, args);
    }
}
