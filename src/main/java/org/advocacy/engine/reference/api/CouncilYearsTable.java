package org.advocacy.engine.reference.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.advocacy.engine.reference.LoadedCouncilYears;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The loaded years in {@code council_year} (V14), with the version that every load increases in
 * {@code council_year_version}: one row, so that reading it is the cheap question that
 * {@link org.advocacy.engine.reference.UnMembership} asks before it reads the years again.
 */
@Repository
class CouncilYearsTable implements LoadedCouncilYears {

    /** Where a loaded year comes from, and who loaded it when. */
    record Provenance(String source, String loadedBy, Instant loadedAt) {
    }

    private final JdbcTemplate jdbc;

    CouncilYearsTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long version() {
        Long version = jdbc.queryForObject("SELECT version FROM council_year_version", Long.class);
        return version == null ? 0 : version;
    }

    @Override
    public Map<Integer, List<String>> years() {
        Map<Integer, List<String>> years = new TreeMap<>();
        jdbc.query("SELECT year, member FROM council_year ORDER BY year, position", row -> {
            years.computeIfAbsent(row.getInt(1), any -> new ArrayList<>()).add(row.getString(2));
        });
        return years;
    }

    Map<Integer, Provenance> provenance() {
        Map<Integer, Provenance> provenance = new LinkedHashMap<>();
        jdbc.query("SELECT DISTINCT year, source, loaded_by, loaded_at FROM council_year ORDER BY year", row -> {
            provenance.put(row.getInt(1), new Provenance(row.getString(2), row.getString(3),
                    row.getTimestamp(4).toInstant()));
        });
        return provenance;
    }

    /**
     * Replaces each of {@code years} whole, in the caller's transaction: the version goes up first,
     * and its row lock holds off any other load until this transaction ends.
     */
    void replace(Map<Integer, List<String>> years, List<String> permanentMembers, String source, String loadedBy) {
        jdbc.update("UPDATE council_year_version SET version = version + 1");
        years.forEach((year, members) -> {
            jdbc.update("DELETE FROM council_year WHERE year = ?", year);
            List<Object[]> rows = new ArrayList<>();
            for (int position = 0; position < members.size(); position++) {
                String member = members.get(position);
                rows.add(new Object[]{year, position, member, permanentMembers.contains(member) ? "permanent" : "elected",
                        source, loadedBy});
            }
            jdbc.batchUpdate("INSERT INTO council_year (year, position, member, seat, source, loaded_by)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", rows);
        });
    }
}
