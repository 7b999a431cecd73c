package org.advocacy.engine.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The due-date functions of the templates: a day is due by its end, UTC. */
class DueDatesTest {

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void days_before_and_after_a_recorded_date_end_at_the_end_of_that_day() {
        assertThat(DueDates.daysBefore("2014-12-22", 14)).isEqualTo(Date.from(Instant.parse("2014-12-08T23:59:59Z")));
        assertThat(DueDates.daysAfter("2014-03-28", 3)).isEqualTo(Date.from(Instant.parse("2014-03-31T23:59:59Z")));
    }

    @Test
    void the_next_day_of_a_month_is_this_years_until_it_has_passed_then_next_years() {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2014-02-17T10:00:00Z")));
        assertThat(DueDates.nextDayOf("03-31")).isEqualTo(Date.from(Instant.parse("2014-03-31T23:59:59Z")));
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2014-11-30T22:00:00Z")));
        assertThat(DueDates.nextDayOf("11-30")).isEqualTo(Date.from(Instant.parse("2014-11-30T23:59:59Z")));
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2014-12-05T09:00:00Z")));
        assertThat(DueDates.nextDayOf("11-30")).isEqualTo(Date.from(Instant.parse("2015-11-30T23:59:59Z")));
    }

    @Test
    void a_date_that_was_not_recorded_or_is_no_date_is_said_plainly() {
        assertThatThrownBy(() -> DueDates.daysBefore(null, 14)).hasMessageContaining("not recorded");
        assertThatThrownBy(() -> DueDates.daysBefore("soon", 14)).hasMessageContaining("YYYY-MM-DD");
        assertThatThrownBy(() -> DueDates.nextDayOf("November")).hasMessageContaining("MM-DD");
    }
}
