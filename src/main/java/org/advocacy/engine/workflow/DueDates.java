package org.advocacy.engine.workflow;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Date;

import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Functions for a user task's {@code camunda:dueDate}, beside Camunda's own forms (an ISO duration
 * such as {@code P14D} from the task's creation, or an ISO date-time). A day is due by its end,
 * 23:59:59 UTC. {@code ${daysBefore(meetingDate, 14)}} reads a fact recorded earlier (see
 * {@link EarlierFacts}); {@code ${nextDayOf('11-30')}} is the next 30 November on or after the
 * day the task opens, for deadlines that the UN calendar fixes every year.
 */
public final class DueDates {

    private DueDates() {
    }

    /** Makes the functions known to expressions, under their own names. */
    public static void register(JuelExpressionManager expressions) {
        try {
            expressions.addFunction("daysBefore", DueDates.class.getMethod("daysBefore", Object.class, long.class));
            expressions.addFunction("daysAfter", DueDates.class.getMethod("daysAfter", Object.class, long.class));
            expressions.addFunction("nextDayOf", DueDates.class.getMethod("nextDayOf", String.class));
        } catch (NoSuchMethodException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    public static Date daysBefore(Object date, long days) {
        return endOf(day(date).minusDays(days));
    }

    public static Date daysAfter(Object date, long days) {
        return endOf(day(date).plusDays(days));
    }

    /** @param monthDay {@code MM-DD} */
    public static Date nextDayOf(String monthDay) {
        MonthDay wanted;
        try {
            wanted = MonthDay.parse("--" + monthDay);
        } catch (DateTimeParseException notMonthDay) {
            throw new IllegalArgumentException("nextDayOf takes a month and day as MM-DD, such as 11-30, not " + monthDay);
        }
        LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate thisYear = wanted.atYear(today.getYear());
        return endOf(thisYear.isBefore(today) ? wanted.atYear(today.getYear() + 1) : thisYear);
    }

    private static LocalDate day(Object date) {
        if (date == null) {
            throw new IllegalArgumentException("a due date was to follow from a date that was not recorded");
        }
        try {
            return LocalDate.parse(date.toString().length() > 10 ? date.toString().substring(0, 10) : date.toString());
        } catch (DateTimeParseException notADate) {
            throw new IllegalArgumentException("a due date follows from a date (YYYY-MM-DD), not " + date);
        }
    }

    private static Date endOf(LocalDate day) {
        return Date.from(day.atTime(LocalTime.of(23, 59, 59)).toInstant(ZoneOffset.UTC));
    }
}
