package org.advocacy.engine.workflow;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Indexes that Camunda's PostgreSQL schema lacks, created once the engine has created or updated
 * its tables (so not by Flyway, which runs before the engine exists). Camunda 7.24 looks up the
 * subtasks of every task it completes by {@code ACT_RU_TASK.PARENT_TASK_ID_}, which has no index:
 * without one each completion scans every open task.
 */
@Component
public class CamundaIndexes extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(CamundaIndexes.class);
    static final String PARENT_TASK_INDEX = "act_idx_task_parent_task_id";

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        DataSource dataSource = engine.getProcessEngineConfiguration().getDataSource();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        try {
            jdbc.execute("CREATE INDEX IF NOT EXISTS " + PARENT_TASK_INDEX + " ON act_ru_task (parent_task_id_)");
        } catch (DataAccessException failed) {
            Integer present = jdbc.queryForObject("SELECT count(*) FROM pg_indexes WHERE indexname = ?", Integer.class,
                    PARENT_TASK_INDEX);
            if (present == null || present == 0) {
                log.warn("Could not create index {}; task completions scan the open tasks: {}", PARENT_TASK_INDEX,
                        failed.getMostSpecificCause().getMessage());
            }
            // else another instance starting at the same moment created it first
        }
    }
}
