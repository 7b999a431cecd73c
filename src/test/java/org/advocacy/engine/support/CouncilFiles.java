package org.advocacy.engine.support;

import java.util.List;

import org.advocacy.engine.votes.PermanentMembers;
import org.springframework.jdbc.core.JdbcTemplate;

/** Security Council files in the shipped format, for the tests that load later years. */
public final class CouncilFiles {

    /** Where the 2019 composition below was read. */
    public static final String SOURCE_2019 = "un.org/securitycouncil/content/current-members (2019 members)";

    /** The ten elected members of 2019, by the short names of reference/member-states.csv. */
    public static final List<String> ELECTED_2019 = List.of("Belgium", "Côte d'Ivoire", "Dominican Republic",
            "Equatorial Guinea", "Germany", "Indonesia", "Kuwait", "Peru", "Poland", "South Africa");

    private CouncilFiles() {
    }

    /** A file of one year: the header, the permanent five, then {@code elected}, one line each. */
    public static String council(int year, List<String> elected) {
        StringBuilder file = new StringBuilder("year,member,seat\n");
        PermanentMembers.IN_ORDER.forEach(member -> file.append(year).append(',').append(member).append(",permanent\n"));
        elected.forEach(member -> file.append(year).append(',').append(member).append(",elected\n"));
        return file.toString();
    }

    /**
     * Forgets every loaded year in the shared app's database, as if none had been loaded: the app
     * is shared with test classes whose premise is that only the shipped years are known.
     */
    public static void forgetLoadedYears() {
        JdbcTemplate jdbc = SharedApp.context().getBean(JdbcTemplate.class);
        jdbc.update("DELETE FROM council_year");
        jdbc.update("UPDATE council_year_version SET version = version + 1");
    }

    /** The Council of 2019. */
    public static String council2019() {
        return council(2019, ELECTED_2019);
    }
}
