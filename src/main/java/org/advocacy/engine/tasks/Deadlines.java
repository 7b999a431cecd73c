package org.advocacy.engine.tasks;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.advocacy.engine.campaign.CampaignCommand;
import org.advocacy.engine.campaign.CampaignCommand.MarkTaskOverdue;
import org.advocacy.engine.campaign.CampaignCommand.RemindOfTask;
import org.advocacy.engine.platform.CampaignCommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Looks, every {@code check-every}, for open tasks of active campaigns whose due date is within
 * {@code remind-before} (their reminder, TaskDueSoon) or has passed (TaskOverdue), and records
 * each once: every instance may look at the same moment, since the campaign records either event
 * only once, under the campaign's lock. Suspended campaigns are left alone until they resume.
 */
@Component
@EnableConfigurationProperties(Deadlines.DeadlineProperties.class)
public class Deadlines {

    private static final Logger log = LoggerFactory.getLogger(Deadlines.class);
    private static final int AT_ONCE = 500;

    /**
     * @param remindBefore how long before a task's due date its reminder is recorded
     * @param checkEvery   how often the due dates are looked at
     */
    @ConfigurationProperties("campaigns.deadlines")
    public record DeadlineProperties(Duration remindBefore, Duration checkEvery) {
        public DeadlineProperties {
            remindBefore = remindBefore == null ? Duration.ofDays(2) : remindBefore;
            checkEvery = checkEvery == null ? Duration.ofMinutes(1) : checkEvery;
        }
    }

    private final JdbcTemplate jdbc;
    private final CampaignCommandGateway commands;
    private final TransactionTemplate transaction;
    private final DeadlineProperties properties;
    private final Clock clock;

    Deadlines(JdbcTemplate jdbc, CampaignCommandGateway commands, PlatformTransactionManager transactions,
              DeadlineProperties properties) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.transaction = new TransactionTemplate(transactions);
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    @Scheduled(fixedDelayString = "${campaigns.deadlines.check-every:PT1M}",
            initialDelayString = "${campaigns.deadlines.check-every:PT1M}")
    void look() {
        try {
            check(clock.instant());
        } catch (RuntimeException failed) {
            log.warn("The due dates could not be looked at; next time they will be: {}", failed.toString());
        }
    }

    /** Records the reminders and the overdue tasks as of {@code now}; how many it recorded or found recorded. */
    public int check(Instant now) {
        List<String[]> late = tasks("o.due <= ? AND NOT o.overdue", Timestamp.from(now));
        late.forEach(task -> send(new MarkTaskOverdue(task[0], task[1], now), task[1]));
        List<String[]> soon = tasks("o.due > ? AND o.due <= ? AND NOT o.reminded AND NOT o.overdue",
                Timestamp.from(now), Timestamp.from(now.plus(properties.remindBefore())));
        soon.forEach(task -> send(new RemindOfTask(task[0], task[1]), task[1]));
        return late.size() + soon.size();
    }

    private List<String[]> tasks(String condition, Object... arguments) {
        return jdbc.query("SELECT o.campaign_id, o.task_id FROM open_task o JOIN campaign_view c USING (campaign_id)"
                        + " WHERE c.status = 'ACTIVE' AND o.due IS NOT NULL AND " + condition + " ORDER BY o.due LIMIT " + AT_ONCE,
                (row, index) -> new String[] {row.getString(1), row.getString(2)}, arguments);
    }

    private void send(CampaignCommand command, String taskId) {
        try {
            transaction.executeWithoutResult(status -> commands.send(command, null, taskId));
        } catch (RuntimeException failed) {
            log.warn("Could not record the deadline of task {} of campaign {}: {}", taskId, command.campaignId(),
                    failed.toString());
        }
    }
}
