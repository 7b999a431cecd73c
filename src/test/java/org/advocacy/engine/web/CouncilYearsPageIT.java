package org.advocacy.engine.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.advocacy.engine.reference.UnMembership;
import org.advocacy.engine.support.ApiTest;
import org.advocacy.engine.support.AppTest;
import org.advocacy.engine.support.CouncilFiles;
import org.advocacy.engine.web.PageSession.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The admin page's "Security Council by year": the years the app knows, shipped or loaded with
 * their source, and a form that loads a later year from a file, whose refusal names each problem.
 */
@AppTest
class CouncilYearsPageIT extends ApiTest {

    private static final String SOURCE = CouncilFiles.SOURCE_2019;

    @Autowired
    UnMembership membership;

    @AfterEach
    void forgetTheLoadedYears() {
        CouncilFiles.forgetLoadedYears();
    }

    @Test
    void an_admin_sees_the_shipped_years_and_loads_2019_from_the_page_and_a_bad_file_is_refused_with_its_lines() {
        PageSession admin = PageSession.signedIn(port, "admin");
        String before = admin.get("/admin").body();
        assertThat(before).contains("Security Council by year", "data-year=\"2018\"", "reference/security-council.csv")
                .doesNotContain("data-year=\"2019\"");

        String file = CouncilFiles.council2019();
        Page refused = admin.upload("/admin/council-years", admin.csrf("/admin"), "file", "council.csv", "text/csv",
                file.replace("2019,Kuwait,elected", "2019,Kuweit,elected"), Map.of("source", SOURCE));
        assertThat(refused.location()).endsWith("/admin");
        assertThat(admin.get("/admin").body()).contains("Nothing was loaded: line 2: 2019 has 9 elected members; the"
                + " Council has 10 in every year; line 13: Kuweit is not the short name of a member state");

        Page sourceless = admin.upload("/admin/council-years", admin.csrf("/admin"), "file", "council.csv", "text/csv",
                file, Map.of());
        assertThat(sourceless.location()).endsWith("/admin");
        assertThat(admin.get("/admin").body()).contains("Nothing was loaded: source is required");
        assertThat(membership.councilMembers(2019)).isEmpty();

        admin.upload("/admin/council-years", admin.csrf("/admin"), "file", "council.csv", "text/csv", file,
                Map.of("source", SOURCE));
        String page = admin.get("/admin").body();
        assertThat(page).contains("Loaded the Security Council of 2019 (source: " + SOURCE + ").", "data-year=\"2019\"",
                "loaded by admin", "Equatorial Guinea");
        assertThat(membership.councilMembers(2019)).hasSize(15).contains("Côte d'Ivoire");

        assertThat(PageSession.signedIn(port, "manager").post("/admin/council-years", null, Map.of()).status())
                .isEqualTo(403);
    }
}
