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
import java.util.TreeSet;

/**
 * The UN's member states and the Security Council's members by year, as the reference files in
 * {@code reference/} give them, by the short names that vote records use. The files are checked
 * whole at construction, so that a bad file stops the app at start-up rather than a form later.
 *
 * <p>Years after the shipped ones may be loaded while the app runs ({@link LoadedCouncilYears}):
 * a file in the shipped format goes through the same checks as the shipped file
 * ({@link #checkedCouncilFile}), and must moreover give each year whole (the five permanent members
 * of the shipped file and ten elected ones) and no shipped year, which the project cites and which
 * a file cannot replace. The loaded years are asked for their version at every question and read
 * again only when it changed, so that a year loaded on another instance is known here at the next
 * question. That is one remembered answer per version, not a cache with a lifetime: Spring's cache
 * abstraction would add expiry or eviction on this instance only, and neither can tell this
 * instance that another one loaded a year; the version can, at the price of one small query.
 */
public class UnMembership {

    static final String MEMBER_STATES = "reference/member-states.csv";
    static final String SECURITY_COUNCIL = "reference/security-council.csv";
    private static final List<String> MEMBER_STATE_COLUMNS = List.of("name", "short");
    private static final List<String> COUNCIL_COLUMNS = List.of("year", "member", "seat");
    private static final String PERMANENT = "permanent";
    private static final String ELECTED = "elected";
    private static final int ELECTED_SEATS = 10;

    private final List<String> memberStates;
    private final Map<Integer, List<String>> councilByYear;
    private final List<String> permanentMembers;
    private final LoadedCouncilYears loaded;
    private volatile Known known;

    /** The loaded years as read at one version. */
    private record Known(long version, Map<Integer, List<String>> years) {
    }

    /** Reads the files that ship with the app. */
    public static UnMembership fromClasspath() {
        return fromClasspath(null);
    }

    /** Reads the files that ship with the app, and consults {@code loaded} (may be null) for later years. */
    public static UnMembership fromClasspath(LoadedCouncilYears loaded) {
        try (Reader memberStates = resource(MEMBER_STATES); Reader securityCouncil = resource(SECURITY_COUNCIL)) {
            return new UnMembership(MEMBER_STATES, memberStates, SECURITY_COUNCIL, securityCouncil, loaded);
        } catch (IOException unclosable) {
            throw new UncheckedIOException(unclosable);
        }
    }

    UnMembership(Reader memberStates, Reader securityCouncil) {
        this(MEMBER_STATES, memberStates, SECURITY_COUNCIL, securityCouncil, null);
    }

    private UnMembership(String memberStatesSource, Reader memberStates, String councilSource, Reader securityCouncil,
                         LoadedCouncilYears loaded) {
        CsvFile states = new CsvFile(memberStates, MEMBER_STATE_COLUMNS);
        this.memberStates = readMemberStates(states);
        states.refuseIfProblems(memberStatesSource);
        CsvFile council = new CsvFile(securityCouncil, COUNCIL_COLUMNS);
        Map<Integer, Seats> seats = readCouncil(council, Set.copyOf(this.memberStates));
        this.permanentMembers = seats.isEmpty() ? List.of() : List.copyOf(seats.values().iterator().next().permanent);
        samePermanentMembers(council, seats, this.permanentMembers, "as in " + seats.keySet().stream().findFirst()
                .map(String::valueOf).orElse(""));
        council.refuseIfProblems(councilSource);
        this.councilByYear = permanentFirst(seats);
        this.loaded = loaded;
    }

    /** The 193 member states by their short names, in the file's order. */
    public List<String> memberStates() {
        return memberStates;
    }

    /** The years for which the Council's composition is known, shipped or loaded, in ascending order. */
    public List<Integer> councilYears() {
        Set<Integer> years = new TreeSet<>(councilByYear.keySet());
        years.addAll(loadedYears().keySet());
        return List.copyOf(years);
    }

    /** The years shipped with the app, in ascending order: no loaded file may replace them. */
    public List<Integer> shippedCouncilYears() {
        return List.copyOf(councilByYear.keySet());
    }

    /** The Council's fifteen members in {@code year}, permanent members first; empty for a year without data. */
    public List<String> councilMembers(int year) {
        List<String> shipped = councilByYear.get(year);
        return shipped != null ? shipped : loadedYears().getOrDefault(year, List.of());
    }

    /** The five permanent members, in the file's order. */
    public List<String> permanentMembers() {
        return permanentMembers;
    }

    /**
     * The years of a Security Council file in the shipped format ({@code year,member,seat}), each
     * with its fifteen members, permanent members first, after the checks of the shipped file and
     * those of a loaded one (each year whole, none shipped).
     *
     * @throws InvalidCouncilFile with every problem found, each naming its line
     */
    public Map<Integer, List<String>> checkedCouncilFile(Reader csv) {
        CsvFile file = new CsvFile(csv, COUNCIL_COLUMNS);
        Map<Integer, Seats> seats = readCouncil(file, Set.copyOf(memberStates));
        samePermanentMembers(file, seats, permanentMembers, "as in " + SECURITY_COUNCIL);
        seats.forEach((year, yearSeats) -> {
            if (councilByYear.containsKey(year)) {
                file.problem(yearSeats.firstLine, year + " is shipped with the app (" + SECURITY_COUNCIL
                        + ") and cannot be replaced by a loaded file");
            }
            if (yearSeats.elected.size() != ELECTED_SEATS) {
                file.problem(yearSeats.firstLine, year + " has " + yearSeats.elected.size() + " elected members; the"
                        + " Council has " + ELECTED_SEATS + " in every year");
            }
        });
        if (file.problems.isEmpty() && seats.isEmpty()) {
            file.problem(0, "the file gives no year: after the header " + String.join(",", COUNCIL_COLUMNS)
                    + ", one line for each member of each year");
        }
        if (!file.problems.isEmpty()) {
            throw new InvalidCouncilFile(file.problems());
        }
        return permanentFirst(seats);
    }

    private Map<Integer, List<String>> loadedYears() {
        if (loaded == null) {
            return Map.of();
        }
        long version = loaded.version();
        Known current = known;
        if (current == null || current.version() != version) {
            Map<Integer, List<String>> years = new TreeMap<>();
            loaded.years().forEach((year, members) -> years.put(year, List.copyOf(members)));
            current = new Known(version, Collections.unmodifiableMap(years));
            known = current;
        }
        return current.years();
    }

    private static List<String> readMemberStates(CsvFile file) {
        Set<String> shortNames = new LinkedHashSet<>();
        for (CsvFile.Row row : file.rows()) {
            String shortName = row.cell("short");
            if (!shortNames.add(shortName)) {
                row.refuse(shortName + " is listed twice");
            }
        }
        return List.copyOf(shortNames);
    }

    private static Map<Integer, Seats> readCouncil(CsvFile file, Set<String> memberStates) {
        Map<Integer, Seats> seats = new TreeMap<>();
        for (CsvFile.Row row : file.rows()) {
            Integer year = year(row);
            String member = row.cell("member");
            String seat = row.cell("seat");
            if (!memberStates.contains(member)) {
                row.refuse(member + " is not the short name of a member state in " + MEMBER_STATES);
            } else if (!seat.equals(PERMANENT) && !seat.equals(ELECTED)) {
                row.refuse("the seat must be " + PERMANENT + " or " + ELECTED + ", not " + seat);
            } else if (year != null
                    && !seats.computeIfAbsent(year, any -> new Seats(row.lineNumber)).take(member, seat.equals(PERMANENT))) {
                row.refuse(member + " is listed twice for " + year);
            }
        }
        return seats;
    }

    private static Integer year(CsvFile.Row row) {
        String year = row.cell("year");
        if (!year.matches("\\d{4}")) {
            row.refuse("the year must have four digits, not " + year);
            return null;
        }
        return Integer.parseInt(year);
    }

    /** Permanent seats do not change, so a year that lists others than {@code permanent} is a mistake in the file. */
    private static void samePermanentMembers(CsvFile file, Map<Integer, Seats> seats, List<String> permanent,
                                             String whereFrom) {
        seats.forEach((year, yearSeats) -> {
            if (!Set.copyOf(yearSeats.permanent).equals(Set.copyOf(permanent))) {
                file.problem(yearSeats.firstLine, "the permanent members of " + year + " are " + yearSeats.permanent
                        + ", not " + permanent + " " + whereFrom);
            }
        });
    }

    private static Map<Integer, List<String>> permanentFirst(Map<Integer, Seats> seats) {
        Map<Integer, List<String>> byYear = new TreeMap<>();
        seats.forEach((year, yearSeats) -> byYear.put(year, yearSeats.permanentFirst()));
        return Collections.unmodifiableMap(byYear);
    }

    private static Reader resource(String path) {
        InputStream stream = UnMembership.class.getClassLoader().getResourceAsStream(path);
        if (stream == null) {
            throw new IllegalStateException(path + " is not on the classpath");
        }
        return new InputStreamReader(stream, StandardCharsets.UTF_8);
    }

    /** One year's members by seat, each in the file's order, and the line where the year starts. */
    private static final class Seats {
        private final int firstLine;
        private final List<String> permanent = new ArrayList<>();
        private final List<String> elected = new ArrayList<>();

        Seats(int firstLine) {
            this.firstLine = firstLine;
        }

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
     * a quote or an extra comma means the file is not what this class was written for. Every
     * problem found is kept with its line, so that a file is refused with all of them at once.
     */
    private static final class CsvFile {
        private final List<String> columns;
        private final List<Row> rows = new ArrayList<>();
        private final List<Problem> problems = new ArrayList<>();

        /** A problem of the file, at its line (0: of the whole file). */
        private record Problem(int line, String text) {
            @Override
            public String toString() {
                return line == 0 ? text : "line " + line + ": " + text;
            }
        }

        CsvFile(Reader reader, List<String> columns) {
            this.columns = columns;
            try {
                BufferedReader lines = new BufferedReader(reader);
                String header = lines.readLine();
                if (header == null || !cells(header.replace("\uFEFF", "")).equals(columns)) {
                    problem(1, "the header must be " + String.join(",", columns) + ", not "
                            + (header == null ? "missing" : header));
                    return;
                }
                int lineNumber = 1;
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    lineNumber++;
                    if (!line.isBlank()) {
                        row(lineNumber, line);
                    }
                }
            } catch (IOException unreadable) {
                throw new UncheckedIOException(unreadable);
            }
        }

        List<Row> rows() {
            return rows;
        }

        void problem(int lineNumber, String problem) {
            problems.add(new Problem(lineNumber, problem));
        }

        /** Every problem found, in the order of their lines. */
        List<String> problems() {
            return problems.stream().sorted(java.util.Comparator.comparingInt(Problem::line)).map(Problem::toString)
                    .toList();
        }

        /** A file that ships with the app stops the app at its first problem: there is nobody to show them to. */
        void refuseIfProblems(String source) {
            if (!problems.isEmpty()) {
                throw new IllegalStateException(source + " " + String.join("; ", problems()));
            }
        }

        private void row(int lineNumber, String line) {
            if (line.indexOf('"') >= 0) {
                problem(lineNumber, "quoted values are not supported: " + line);
                return;
            }
            List<String> cells = cells(line);
            if (cells.size() != columns.size()) {
                problem(lineNumber, "expected " + columns.size() + " values (" + String.join(",", columns)
                        + "), found " + cells.size() + ": " + line);
                return;
            }
            for (int column = 0; column < cells.size(); column++) {
                if (cells.get(column).isEmpty()) {
                    problem(lineNumber, columns.get(column) + " is empty: " + line);
                    return;
                }
            }
            Map<String, String> byColumn = new LinkedHashMap<>();
            for (int column = 0; column < columns.size(); column++) {
                byColumn.put(columns.get(column), cells.get(column));
            }
            rows.add(new Row(lineNumber, byColumn));
        }

        private static List<String> cells(String line) {
            return List.of(line.strip().split("\\s*,\\s*", -1));
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

            void refuse(String problem) {
                problem(lineNumber, problem);
            }
        }
    }
}
