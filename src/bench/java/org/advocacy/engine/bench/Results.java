package org.advocacy.engine.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The figures of one run: each shown as it is measured, then all of them as one
 * {@code RESULT name=value} line each and a table, which also goes to {@code benchmarks.md} with
 * the machine and the sizes. A goal is reported as met or missed, never enforced.
 */
final class Results {

    /** A goal on a figure: at least or at most a bound. */
    record Goal(boolean atLeast, double bound) {
        static Goal atLeast(double bound) {
            return new Goal(true, bound);
        }

        static Goal below(double bound) {
            return new Goal(false, bound);
        }

        boolean metBy(double value) {
            return atLeast ? value >= bound : value < bound;
        }

        @Override
        public String toString() {
            return (atLeast ? ">= " : "< ") + BigDecimal.valueOf(bound).stripTrailingZeros().toPlainString();
        }
    }

    /** One figure: its value, what it was measured against or of, and its goal if it has one. */
    record Figure(String name, double value, String detail, Goal goal) {
    }

    private final List<Figure> figures = new ArrayList<>();

    /** A figure without a goal: an absolute number that accompanies a ratio, or context. */
    void add(String name, double value, String detail) {
        add(name, value, detail, null);
    }

    void add(String name, double value, String detail, Goal goal) {
        Figure figure = new Figure(name, value, detail, goal);
        figures.add(figure);
        System.out.println("  " + name + " = " + format(value) + "  (" + detail + ")");
    }

    /** One RESULT line per figure measured so far. */
    void printResults() {
        System.out.println();
        figures.forEach(figure -> System.out.println("RESULT " + figure.name() + "=" + format(figure.value())));
    }

    /** The RESULT lines, then the table. */
    void print() {
        printResults();
        System.out.println();
        System.out.println(table());
    }

    /** The table as markdown, below a header that says when, where and at what size it was measured. */
    void write(Path file, List<String> header) throws IOException {
        Files.createDirectories(file.getParent());
        StringBuilder text = new StringBuilder("# Benchmarks\n\n");
        header.forEach(line -> text.append("- ").append(line).append('\n'));
        text.append('\n').append(table());
        Files.writeString(file, text);
    }

    String table() {
        StringBuilder table = new StringBuilder("| figure | value | measured as | goal |\n|---|---:|---|---|\n");
        for (Figure figure : figures) {
            String goal = figure.goal() == null ? ""
                    : figure.goal() + (figure.goal().metBy(figure.value()) ? " (met)" : " (missed)");
            table.append("| ").append(figure.name()).append(" | ").append(format(figure.value())).append(" | ")
                    .append(figure.detail()).append(" | ").append(goal).append(" |\n");
        }
        return table.toString();
    }

    /** Three significant digits below 100, whole numbers above. */
    static String format(double value) {
        if (Math.abs(value) >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (Math.abs(value) >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        if (Math.abs(value) >= 1) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
