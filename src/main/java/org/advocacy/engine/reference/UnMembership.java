package org.advocacy.engine.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The UN's member states and the Security Council's members by year, as the reference files in
 * {@code reference/} give them, by the short names that vote records use. The files are checked
 * whole at construction, so that a bad file stops the app at start-up rather than a form later.
 */
public class UnMembership {

    static final String MEMBER_STATES = "reference/member-states.csv";
    static final String SECURITY_COUNCIL = "reference/security-council.csv";
    private static final List<String> MEMBER_STATE_COLUMNS = List.of("name", "short");
    private static final List<String> COUNCIL_COLUMNS = List.of("year", "member", "seat");
    private static final String PERMANENT = "permanent";
    private static final String ELECTED = "elected";

    private final List<String> memberStates;
    private final Map<Integer, List<String>> councilByYear;
    private final List<String> permanentMembers;

    /** Reads the files that ship with the app. */
    public static UnMembership fromClasspath() {
        try (Reader memberStates = resource(MEMBER_STATES); Reader securityCouncil = resource(SECURITY_COUNCIL)) {
            return new UnMembership(MEMBER_STATES, memberStates, SECURITY_COUNCIL, securityCouncil);
        } catch (IOException unclosable) {
            throw new UncheckedIOException(unclosable);
        }
    }

    UnMembership(Reader memberStates, Reader securityCouncil) {
        this(MEMBER_STATES, memberStates, SECURITY_COUNCIL, securityCouncil);
    }

    private UnMembership(String memberStatesSource, Reader memberStates, String councilSource, Reader securityCouncil) {
        this.memberStates = readMemberStates(new CsvFile(memberStatesSource, memberStates, MEMBER_STATE_COLUMNS));
        Map<Integer, Seats> seats = readCouncil(new CsvFile(councilSource, securityCouncil, COUNCIL_COLUMNS),
                Set.copyOf(this.memberStates));
        this.permanentMembers = samePermanentMembersEachYear(councilSource, seats);
        Map<Integer, List<String>> byYear = new TreeMap<>();
        seats.forEach((year, yearSeats) -> byYear.put(year, yearSeats.permanentFirst()));
        this.councilByYear = Collections.unmodifiableMap(byYear);
    }

    /** The 193 member states by their short names, in the file's order. */
    public List<String> memberStates() {
        return memberStates;
    }

    /** The years for which the Council's composition is known, in ascending order. */
    public List<Integer> councilYears() {
        return List.copyOf(councilByYear.keySet());
    }

    /** The Council's fifteen members in {@code year}, permanent members first; empty for a year without data. */
    public List<String> councilMembers(int year) {
        return councilByYear.getOrDefault(year, List.of());
    }

    /** The five permanent members, in the file's order. */
    public List<String> permanentMembers() {
        return permanentMembers;
    }

    private static List<String> readMemberStates(CsvFile file) {
        Set<String> shortNames = new LinkedHashSet<>();
        for (CsvFile.Row row : file.rows()) {
            String shortName = row.cell("short");
            if (!shortNames.add(shortName)) {
                throw row.refused(shortName + " is listed twice");
            }
        }
        return List.copyOf(shortNames);
    }

    private static Map<Integer, Seats> readCouncil(CsvFile file, Set<String> memberStates) {
        Map<Integer, Seats> seats = new TreeMap<>();
        for (CsvFile.Row row : file.rows()) {
            int year = year(row);
            String member = row.cell("member");
            if (!memberStates.contains(member)) {
                throw row.refused(member + " is not the short name of a member state in " + MEMBER_STATES);
            }
            String seat = row.cell("seat");
            if (!seat.equals(PERMANENT) && !seat.equals(ELECTED)) {
                throw row.refused("the seat must be " + PERMANENT + " or " + ELECTED + ", not " + seat);
            }
            if (!seats.computeIfAbsent(year, any -> new Seats()).take(member, seat.equals(PERMANENT))) {
                throw row.refused(member + " is listed twice for " + year);
            }
        }
        return seats;
    }

    private static int year(CsvFile.Row row) {
        String year = row.cell("year");
        if (!year.matches("\\d{4}")) {
            throw row.refused("the year must have four digits, not " + year);
        }
        return Integer.parseInt(year);
    }

    /** Permanent seats do not change, so a year that lists others than the first year is a mistake in the file. */
    private static List<String> samePermanentMembersEachYear(String source, Map<Integer, Seats> seats) {
        if (seats.isEmpty()) {
            return List.of();
        }
        Map.Entry<Integer, Seats> first = seats.entrySet().iterator().next();
        Set<String> permanent = Set.copyOf(first.getValue().permanent);
        seats.forEach((year, yearSeats) -> {
            if (!Set.copyOf(yearSeats.permanent).equals(permanent)) {
                throw new IllegalStateException(source + ": the permanent members of " + year + " are "
                        + yearSeats.permanent + ", not " + first.getValue().permanent + " as in " + first.getKey());
            }
        });
        return List.copyOf(first.getValue().permanent);
    }

    private static Reader resource(String path) {
        InputStream stream = UnMembership.class.getClassLoader().getResourceAsStream(path);
        if (stream == null) {
            throw new IllegalStateException(path + " is not on the classpath");
        }
        return new InputStreamReader(stream, StandardCharsets.UTF_8);
    }

    /** One year's members by seat, each in the file's order. */
    private static final class Seats {
        private final List<String> permanent = new ArrayList<>();
        private final List<String> elected = new ArrayList<>();

        /** False when the member already has a seat that year. */
        boolean take(String member, boolean permanentSeat) {
            if (permanent.contains(member) || elected.contains(member)) {
                return false;
            }
            (permanentSeat ? permanent : elected).add(member);
            return true;
        }

        List<String> permanentFirst() {
            List<String> members = new ArrayList<>(permanent);
            members.addAll(elected);
            return List.copyOf(members);
        }
    }

    /**
     * A comma-separated file with a fixed header and no quoting: the reference files need none, and
     * a quote or an extra comma means the file is not what this class was written for.
     */
    private static final class CsvFile {
        private final String source;
        private final List<String> columns;
        private final List<Row> rows = new ArrayList<>();

        CsvFile(String source, Reader reader, List<String> columns) {
            this.source = source;
            this.columns = columns;
            try {
                BufferedReader lines = new BufferedReader(reader);
                String header = lines.readLine();
                if (header == null || !cells(header.replace("\uFEFF", "")).equals(columns)) {
                    throw refused(1, "the header must be " + String.join(",", columns) + ", not "
                            + (header == null ? "missing" : header));
                }
                int lineNumber = 1;
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    lineNumber++;
                    if (!line.isBlank()) {
                        rows.add(row(lineNumber, line));
                    }
                }
            } catch (IOException unreadable) {
                throw new IllegalStateException("cannot read " + source, unreadable);
            }
        }

        List<Row> rows() {
            return rows;
        }

        private Row row(int lineNumber, String line) {
            if (line.indexOf('"') >= 0) {
                throw refused(lineNumber, "quoted values are not supported: " + line);
            }
            List<String> cells = cells(line);
            if (cells.size() != columns.size()) {
                throw refused(lineNumber, "expected " + columns.size() + " values (" + String.join(",", columns)
                        + "), found " + cells.size() + ": " + line);
            }
            for (int column = 0; column < cells.size(); column++) {
                if (cells.get(column).isEmpty()) {
                    throw refused(lineNumber, columns.get(column) + " is empty: " + line);
                }
            }
            Map<String, String> byColumn = new LinkedHashMap<>();
            for (int column = 0; column < columns.size(); column++) {
                byColumn.put(columns.get(column), cells.get(column));
            }
            return new Row(lineNumber, byColumn);
        }

        private static List<String> cells(String line) {
            return List.of(line.strip().split("\\s*,\\s*", -1));
        }

        private IllegalStateException refused(int lineNumber, String problem) {
            return new IllegalStateException(source + " line " + lineNumber + ": " + problem);
        }

        final class Row {
            private final int lineNumber;
            private final Map<String, String> cells;

            Row(int lineNumber, Map<String, String> cells) {
                this.lineNumber = lineNumber;
                this.cells = cells;
            }

            String cell(String column) {
                return cells.get(column);
            }

            IllegalStateException refused(String problem) {
                return CsvFile.this.refused(lineNumber, problem);
            }
        }
    }
}
