package org.advocacy.engine.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** What the page controllers share: readable times (public for the templates), flash messages, safe returns. */
public final class Pages {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private Pages() {
    }

    public static String day(Instant instant) {
        return instant == null ? "" : DAY.format(instant.atZone(ZoneOffset.UTC).toLocalDate());
    }

    public static String day(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    public static String minute(Instant instant) {
        return instant == null ? "" : MINUTE.format(instant);
    }

    /** "3 days", "5 hours", "12 minutes": how long ago, roughly, for a person. */
    static String age(Instant since, Instant now) {
        Duration age = Duration.between(since, now);
        if (age.toDays() >= 1) {
            return plural(age.toDays(), "day");
        }
        if (age.toHours() >= 1) {
            return plural(age.toHours(), "hour");
        }
        return plural(Math.max(0, age.toMinutes()), "minute");
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }

    static void done(RedirectAttributes redirect, String message) {
        redirect.addFlashAttribute("flash", message);
    }

    static void refused(RedirectAttributes redirect, String message) {
        redirect.addFlashAttribute("flashError", message);
    }

    /** A redirect back to a page of this app: a local path only, never another host. */
    static String back(String returnTo, String otherwise) {
        boolean local = returnTo != null && returnTo.startsWith("/") && !returnTo.startsWith("//")
                && !returnTo.contains("\\") && !returnTo.contains("\r") && !returnTo.contains("\n");
        return "redirect:" + (local ? returnTo : otherwise);
    }

    public static String capitalised(String text) {
        return text == null || text.isEmpty() ? "" : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
