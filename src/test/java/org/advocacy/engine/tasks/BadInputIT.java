package org.advocacy.engine.tasks;

import static org.advocacy.engine.support.HttpCampaigns.DRAFT_HRC;
import static org.advocacy.engine.support.HttpCampaigns.HRC_ADOPTED;
import static org.advocacy.engine.support.HttpCampaigns.PUBLISHED_ON;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.advocacy.engine.support.ApiClient;
import org.advocacy.engine.support.ApiClient.Answer;
import org.advocacy.engine.support.ApiTest;
import org.advocacy.engine.support.AppTest;
import org.advocacy.engine.support.HttpCampaigns;
import org.advocacy.engine.support.HttpCampaigns.Look;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every bad input of SPEC §4 is refused through the HTTP contract with a problem
 * (application/problem+json) whose detail names what is wrong, and it changes nothing: the
 * campaign's history and its active tasks are exactly as they were before the request.
 */
@AppTest
class BadInputIT extends ApiTest {

    /** The procedural vote of 22 December 2014 that put the situation in the DPRK on the Council's agenda. */
    private static final Map<String, String> VOTES_OF_22_DECEMBER_2014 = votes(
            List.of("Argentina", "Australia", "Chile", "France", "Jordan", "Lithuania", "Luxembourg",
                    "Republic of Korea", "Rwanda", "United Kingdom", "United States"),
            List.of("China", "Russian Federation"),
            List.of("Chad", "Nigeria"));

    @Test
    void a_page_whose_offset_would_overflow_or_a_size_out_of_range_is_refused_on_every_list() {
        String campaign = newCampaign();
        Map<String, String> lists = new LinkedHashMap<>();
        lists.put("/api/campaigns", "coordinator");
        lists.put("/api/tasks", "coordinator");
        lists.put("/api/campaigns/" + campaign + "/history", "manager");
        lists.put("/api/history", "manager");
        lists.put("/api/checkpoints", "manager");
        lists.put("/api/operations", "manager");
        for (Map.Entry<String, String> list : lists.entrySet()) {
            for (String query : List.of("?page=2147483647&size=2", "?page=-1", "?size=0", "?size=100000",
                    "?page=99999999999", "?page=x")) {
                Answer answer = api.get(list.getValue(), list.getKey() + query);
                assertThat(answer.status()).as(list.getKey() + query).isEqualTo(400);
                assertThat(answer.contentType()).as(list.getKey() + query).startsWith("application/problem+json");
            }
            assertThat(api.get(list.getValue(), list.getKey() + "?page=0&size=1").status()).isEqualTo(200);
        }
    }

    private String newCampaign() {
        return campaigns.launchFollowUp("Bad input " + UUID.randomUUID(), PUBLISHED_ON);
    }

    private Answer complete(String taskId, Object body) {
        return api.post("coordinator", "/api/tasks/" + taskId + "/complete", body);
    }

    private static Map<String, Object> with(Map<String, ?> base, Object... keysAndValues) {
        Map<String, Object> body = new LinkedHashMap<>(base);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            body.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return body;
    }

    private static Map<String, Object> without(Map<String, ?> base, String... keys) {
        Map<String, Object> body = new LinkedHashMap<>(base);
        for (String key : keys) {
            body.remove(key);
        }
        return body;
    }

    private static Map<String, String> votes(List<String> yes, List<String> no, List<String> abstain) {
        Map<String, String> votes = new LinkedHashMap<>();
        yes.forEach(member -> votes.put(member, "YES"));
        no.forEach(member -> votes.put(member, "NO"));
        abstain.forEach(member -> votes.put(member, "ABSTAIN"));
        return votes;
    }

    /** Sends the request and checks that none of the campaigns changed; the answer. */
    private Answer nothingWritten(Supplier<Answer> request, String... campaignIds) {
        List<Look> before = new ArrayList<>();
        for (String id : campaignIds) {
            before.add(campaigns.look(id));
        }
        Answer answer = request.get();
        for (int i = 0; i < campaignIds.length; i++) {
            assertThat(campaigns.look(campaignIds[i]))
                    .as("campaign %s after a refused request (%s)", campaignIds[i], answer.body())
                    .isEqualTo(before.get(i));
        }
        return answer;
    }

    private static void assertProblem(Answer answer, int status, String... detailParts) {
        assertThat(answer.status()).as("status of %s", answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).as("content type").startsWith("application/problem+json");
        assertThat(answer.body().path("status").asInt()).isEqualTo(status);
        assertThat(answer.detail()).as("detail").isNotBlank();
        for (String part : detailParts) {
            assertThat(answer.detail()).as("detail").contains(part);
        }
    }

    /** 400 with the problem named in the detail and among the listed problems. */
    private static void assertInvalid(Answer answer, String... detailParts) {
        assertProblem(answer, 400, detailParts);
        JsonNode problems = answer.body().path("problems");
        assertThat(problems.isArray() && !problems.isEmpty()).as("problems list in %s", answer.body()).isTrue();
        List<String> listed = new ArrayList<>();
        problems.forEach(problem -> listed.add(problem.asText()));
        for (String part : detailParts) {
            assertThat(listed).as("problems").anySatisfy(problem -> assertThat(problem).contains(part));
        }
    }

    @Nested
    class A_Human_Rights_Council_vote {

        String campaignId;
        String voteTaskId;

        @BeforeEach
        void reachTheVote() {
            campaignId = newCampaign();
            voteTaskId = campaigns.atHrcVote(campaignId);
        }

        private Answer vote(Map<String, Object> body) {
            return nothingWritten(() -> complete(voteTaskId, body), campaignId);
        }

        @Test
        void with_a_negative_count_is_refused_and_changes_nothing() {
            Answer answer = vote(with(HRC_ADOPTED, "against", -6));

            assertInvalid(answer, "against must not be negative");
        }

        @Test
        void whose_counts_add_up_to_more_than_the_47_members_is_refused_while_47_is_accepted() {
            Answer answer = vote(with(HRC_ADOPTED, "inFavour", 30, "against", 6, "abstaining", 12));

            assertInvalid(answer, "counts add up to 48", "47 members");

            Answer exact = complete(voteTaskId, with(HRC_ADOPTED, "inFavour", 30, "against", 6, "abstaining", 11));
            assertThat(exact.status()).as("%s", exact.body()).isEqualTo(204);
            assertThat(campaigns.campaign(campaignId).path("outcomes").path("hrc").asText()).isEqualTo("ADOPTED");
        }

        @Test
        void dated_before_the_campaigns_report_is_refused() {
            Answer answer = vote(with(HRC_ADOPTED, "date", "2014-01-10"));

            assertInvalid(answer, "2014-01-10", "before the campaign's report of " + PUBLISHED_ON);
        }

        @Test
        void dated_on_the_day_of_the_report_is_accepted() {
            Answer answer = complete(voteTaskId, with(HRC_ADOPTED, "date", PUBLISHED_ON));

            assertThat(answer.status()).as("%s", answer.body()).isEqualTo(204);
        }

        @Test
        void dated_before_one_campaigns_report_is_accepted_in_a_campaign_whose_report_came_earlier() {
            assertInvalid(vote(with(HRC_ADOPTED, "date", "2014-01-10")), "before the campaign's report");

            String earlier = campaigns.launchFollowUp("Earlier report " + UUID.randomUUID(), "2013-12-02");
            String earlierVote = campaigns.atHrcVote(earlier);
            Answer accepted = complete(earlierVote, with(HRC_ADOPTED, "date", "2014-01-10"));

            assertThat(accepted.status()).as("%s", accepted.body()).isEqualTo(204);
            assertThat(campaigns.campaign(earlier).path("outcomes").path("hrc").asText()).isEqualTo("ADOPTED");
            assertThat(campaigns.activeTaskKeys(campaignId)).containsExactly("record-hrc-vote");
        }

        @Test
        void with_an_unknown_field_is_refused() {
            Answer answer = vote(with(HRC_ADOPTED, "quorum", 24));

            assertInvalid(answer, "quorum");
            assertThat(answer.detail()).contains("unknown field");
        }

        @Test
        void with_a_field_that_only_a_council_vote_takes_is_refused() {
            Answer answer = vote(with(HRC_ADOPTED, "permanentMembersAgainst", List.of()));

            assertInvalid(answer, "permanentMembersAgainst");
        }

        @Test
        void without_its_date_is_refused() {
            Answer answer = vote(without(HRC_ADOPTED, "date"));

            assertInvalid(answer, "date is required");
        }

        @Test
        void with_only_some_of_the_counts_is_refused() {
            Answer answer = vote(without(HRC_ADOPTED, "abstaining"));

            assertInvalid(answer, "abstaining is required");
        }

        @Test
        void with_neither_counts_nor_adoption_without_a_vote_is_refused() {
            Answer answer = vote(Map.of("date", "2014-03-28"));

            assertInvalid(answer, "adoptedWithoutVote");
        }

        @Test
        void with_an_empty_body_is_refused_as_missing_its_fields() {
            Answer answer = nothingWritten(() -> complete(voteTaskId, ""), campaignId);

            assertInvalid(answer, "date is required");
        }

        @Test
        void with_a_count_written_as_a_string_is_refused() {
            Answer answer = vote(with(HRC_ADOPTED, "inFavour", "30"));

            assertInvalid(answer, "inFavour must be a whole number");
        }

        @Test
        void with_a_fractional_count_is_refused() {
            Answer answer = vote(with(HRC_ADOPTED, "inFavour", 29.5));

            assertInvalid(answer, "inFavour must be a whole number");
        }

        @Test
        void with_a_number_for_adopted_without_a_vote_is_refused() {
            Answer answer = vote(Map.of("date", "2014-03-28", "adoptedWithoutVote", 1));

            assertInvalid(answer, "adoptedWithoutVote must be true or false");
        }

        @Test
        void with_a_date_that_is_not_written_as_a_date_is_refused() {
            assertInvalid(vote(with(HRC_ADOPTED, "date", 20140328)), "date must be a date");
            assertInvalid(vote(with(HRC_ADOPTED, "date", "28/03/2014")), "not written yyyy-MM-dd");
        }

        @Test
        void adopted_without_a_vote_and_counted_at_once_is_refused() {
            Answer answer = vote(with(HRC_ADOPTED, "adoptedWithoutVote", true));

            assertInvalid(answer, "either adopted without a vote or counted, not both");
        }
    }

    @Nested
    class A_request_for_a_Security_Council_meeting {

        String campaignId;
        String requestTaskId;

        @BeforeEach
        void reachTheRequest() {
            campaignId = newCampaign();
            requestTaskId = campaigns.atAgendaRequest(campaignId);
        }

        private Answer request(Map<String, Object> body) {
            return nothingWritten(() -> complete(requestTaskId, body), campaignId);
        }

        @Test
        void signed_by_a_state_that_was_not_on_the_council_in_the_year_of_the_request_is_refused_by_name() {
            Answer answer = request(Map.of("date", "2014-12-05", "signatories",
                    List.of("France", "Sweden", "United Kingdom")));

            assertInvalid(answer, "signatories names Sweden, which was not a member of the Security Council in 2014");
        }

        @Test
        void signed_with_a_council_member_written_otherwise_is_told_the_exact_name() {
            Answer answer = request(Map.of("date", "2014-12-05", "signatories", List.of("France", "USA")));

            assertInvalid(answer, "\"USA\"", "exactly as \"United States\"");
        }

        @Test
        void withdrawn_written_as_text_is_refused() {
            Answer answer = request(Map.of("date", "2014-12-05", "signatories", List.of("France"), "withdrawn", "yes"));

            assertInvalid(answer, "withdrawn must be true or false");
        }

        @Test
        void dated_in_a_year_that_the_reference_data_does_not_cover_accepts_any_names_and_the_council_meets() {
            Answer answer = complete(requestTaskId, Map.of("date", "2019-02-01", "signatories",
                    List.of("Germany", "Belgium", "Dominican Republic")));

            assertThat(answer.status()).as("%s", answer.body()).isEqualTo(204);
            assertThat(campaigns.awaitTask(campaignId, "record-procedural-vote")).isNotBlank();
        }

        @Test
        void withdrawn_records_the_meeting_not_held_with_its_reason_and_the_strategy_is_reconsidered() {
            Answer answer = complete(requestTaskId, Map.of("date", "2014-12-05", "signatories", List.of("France"),
                    "withdrawn", true, "note", "Too few members would vote for the agenda."));

            assertThat(answer.status()).as("%s", answer.body()).isEqualTo(204);
            assertThat(campaigns.awaitTask(campaignId, "reconsider-council-strategy")).isNotBlank();
            assertThat(campaigns.campaign(campaignId).path("outcomes").path("councilAgenda").asText())
                    .isEqualTo("NOT_HELD");
            JsonNode outcome = api.get("manager", "/api/campaigns/" + campaignId + "/history?type=OutcomeRecorded")
                    .body().get(0);
            assertThat(outcome.path("payload").path("reason").asText()).isEqualTo("Requesters withdrew the request");
        }
    }

    @Nested
    class A_Security_Council_procedural_vote {

        String campaignId;
        String voteTaskId;

        @BeforeEach
        void reachTheVote() {
            campaignId = newCampaign();
            voteTaskId = campaigns.atProceduralVote(campaignId);
        }

        private Map<String, Object> counted(int inFavour, int against, int abstaining, List<String> permanentAgainst) {
            return new LinkedHashMap<>(Map.of("date", "2014-12-22", "inFavour", inFavour, "against", against,
                    "abstaining", abstaining, "permanentMembersAgainst", permanentAgainst));
        }

        private Answer vote(Map<String, Object> body) {
            return nothingWritten(() -> complete(voteTaskId, body), campaignId);
        }

        @Test
        void whose_counts_add_up_to_more_than_the_15_members_is_refused() {
            Answer answer = vote(counted(10, 3, 3, List.of("China", "Russian Federation")));

            assertInvalid(answer, "counts add up to 16", "15 members");
        }

        @Test
        void with_a_negative_count_is_refused() {
            Answer answer = vote(counted(11, 2, -2, List.of("China", "Russian Federation")));

            assertInvalid(answer, "abstaining must not be negative");
        }

        @Test
        void naming_a_member_that_is_not_permanent_among_the_permanent_members_against_is_refused() {
            Answer answer = vote(counted(11, 2, 2, List.of("China", "Germany")));

            assertInvalid(answer, "\"Germany\"", "not a permanent member");
        }

        @Test
        void naming_a_permanent_member_other_than_by_its_exact_name_is_refused() {
            Answer answer = vote(counted(11, 2, 2, List.of("China", "Russia")));

            assertInvalid(answer, "\"Russia\"", "Russian Federation");
        }

        @Test
        void naming_more_permanent_members_against_than_votes_against_is_refused() {
            Answer answer = vote(counted(12, 1, 2, List.of("China", "Russian Federation")));

            assertInvalid(answer, "permanentMembersAgainst names 2 members but against is 1");
        }

        @Test
        void whose_per_member_votes_disagree_with_the_counts_is_refused_and_the_agreeing_votes_are_accepted() {
            Map<String, Object> disagreeing = counted(11, 2, 2, List.of("China", "Russian Federation"));
            Map<String, String> argentinaAgainst = new LinkedHashMap<>(VOTES_OF_22_DECEMBER_2014);
            argentinaAgainst.put("Argentina", "NO");
            disagreeing.put("votes", argentinaAgainst);

            Answer answer = vote(disagreeing);

            assertInvalid(answer, "votes has 10 YES but inFavour is 11", "votes has 3 NO but against is 2");

            Map<String, Object> agreeing = counted(11, 2, 2, List.of("China", "Russian Federation"));
            agreeing.put("votes", VOTES_OF_22_DECEMBER_2014);
            Answer accepted = complete(voteTaskId, agreeing);
            assertThat(accepted.status()).as("%s", accepted.body()).isEqualTo(204);
            assertThat(campaigns.campaign(campaignId).path("outcomes").path("councilAgenda").asText())
                    .isEqualTo("ADOPTED");
        }

        @Test
        void whose_per_member_votes_name_a_state_that_was_not_on_the_council_in_the_year_of_the_vote_is_refused() {
            Map<String, String> votes = new LinkedHashMap<>(VOTES_OF_22_DECEMBER_2014);
            votes.remove("Argentina");
            votes.put("Sweden", "YES");
            Map<String, Object> body = counted(11, 2, 2, List.of("China", "Russian Federation"));
            body.put("votes", votes);

            Answer answer = vote(body);

            assertInvalid(answer, "votes names Sweden, which was not a member of the Security Council in 2014");
        }

        @Test
        void whose_per_member_votes_name_a_permanent_member_voting_no_that_is_not_listed_against_is_refused() {
            Map<String, Object> body = counted(11, 2, 2, List.of("China"));
            body.put("votes", VOTES_OF_22_DECEMBER_2014);

            Answer answer = vote(body);

            assertInvalid(answer, "Russian Federation voting NO");
        }

        @Test
        void with_a_per_member_vote_other_than_yes_no_or_abstain_is_refused() {
            Map<String, String> votes = new LinkedHashMap<>(VOTES_OF_22_DECEMBER_2014);
            votes.put("Chad", "ABSENT");
            Map<String, Object> body = counted(11, 2, 2, List.of("China", "Russian Federation"));
            body.put("votes", votes);

            Answer answer = vote(body);

            assertInvalid(answer, "Chad", "YES, NO or ABSTAIN");
        }

        @Test
        void naming_no_permanent_member_against_while_others_voted_against_is_accepted() {
            Answer answer = complete(voteTaskId, counted(11, 2, 2, List.of()));

            assertThat(answer.status()).as("%s", answer.body()).isEqualTo(204);
            assertThat(campaigns.campaign(campaignId).path("outcomes").path("councilAgenda").asText())
                    .isEqualTo("ADOPTED");
        }

        @Test
        void with_numbers_for_the_names_of_the_permanent_members_against_is_refused() {
            Map<String, Object> body = counted(11, 2, 2, List.of());
            body.put("permanentMembersAgainst", List.of(1, 2));

            Answer answer = vote(body);

            assertInvalid(answer, "permanentMembersAgainst item 1 must be a name");
        }

        @Test
        void with_a_text_for_the_permanent_members_against_is_refused() {
            Map<String, Object> body = counted(11, 2, 2, List.of());
            body.put("permanentMembersAgainst", "China");

            Answer answer = vote(body);

            assertInvalid(answer, "permanentMembersAgainst must be a list of names");
        }

        @Test
        void with_an_unknown_field_is_refused() {
            Map<String, Object> body = counted(11, 2, 2, List.of("China", "Russian Federation"));
            body.put("vetoes", 0);

            Answer answer = vote(body);

            assertInvalid(answer, "vetoes");
        }

        @Test
        void adopted_without_a_vote_and_counted_at_once_is_refused() {
            Map<String, Object> body = counted(11, 2, 2, List.of("China", "Russian Federation"));
            body.put("adoptedWithoutVote", true);

            Answer answer = vote(body);

            assertInvalid(answer, "either adopted without a vote or counted, not both");
        }
    }

    @Nested
    class A_step_without_a_vote {

        String campaignId;
        String draftTaskId;

        @BeforeEach
        void launch() {
            campaignId = newCampaign();
            draftTaskId = campaigns.awaitTask(campaignId, "draft-hrc-resolution");
        }

        private Answer draft(Object body) {
            return nothingWritten(() -> complete(draftTaskId, body), campaignId);
        }

        @Test
        void with_an_unknown_field_is_refused() {
            Answer answer = draft(with(DRAFT_HRC, "coSponsors", List.of("France")));

            assertInvalid(answer, "unknown field coSponsors");
        }

        @Test
        void without_its_required_fields_is_refused_with_every_missing_field_listed() {
            Answer answer = draft(Map.of("leadSponsors", List.of("Japan")));

            assertInvalid(answer, "endorsesFindings is required", "requestsTransmissionToGeneralAssembly is required",
                    "createsFieldStructure is required");
            assertThat(answer.body().path("problems")).hasSize(3);
        }

        @Test
        void with_a_number_for_a_boolean_is_refused() {
            Answer answer = draft(with(DRAFT_HRC, "endorsesFindings", 1));

            assertInvalid(answer, "endorsesFindings must be true or false");
        }

        @Test
        void with_a_list_of_numbers_for_names_is_refused() {
            Answer answer = draft(with(DRAFT_HRC, "leadSponsors", List.of(1, 2)));

            assertInvalid(answer, "leadSponsors must hold only non-empty names");
        }

        @Test
        void with_a_text_for_a_list_of_names_is_refused() {
            Answer answer = draft(with(DRAFT_HRC, "leadSponsors", "Japan"));

            assertInvalid(answer, "leadSponsors must be a list of names");
        }

        @Test
        void with_an_empty_list_where_at_least_one_name_is_required_is_refused() {
            Answer answer = draft(with(DRAFT_HRC, "leadSponsors", List.of()));

            assertInvalid(answer, "leadSponsors must name at least 1");
        }

        @Test
        void dated_before_the_campaigns_report_is_refused() {
            campaigns.step(campaignId, "draft-hrc-resolution", DRAFT_HRC);
            campaigns.step(campaignId, "record-hrc-vote", HRC_ADOPTED);
            String arria = campaigns.awaitTask(campaignId, "convene-arria-meeting");

            Answer answer = nothingWritten(() -> complete(arria, Map.of("held", true, "date", "2014-01-10",
                    "conveners", List.of("Australia", "France", "United States"))), campaignId);

            assertInvalid(answer, "date 2014-01-10 is before the campaign's origin of " + PUBLISHED_ON);
        }

        @Test
        void missing_a_field_that_is_required_when_another_is_true_is_refused() {
            campaigns.step(campaignId, "draft-hrc-resolution", DRAFT_HRC);
            campaigns.step(campaignId, "record-hrc-vote", HRC_ADOPTED);
            String arria = campaigns.awaitTask(campaignId, "convene-arria-meeting");

            Answer answer = nothingWritten(() -> complete(arria, Map.of("held", true)), campaignId);

            assertInvalid(answer, "date is required when held is true", "conveners is required when held is true");
        }

        @Test
        void with_a_value_outside_its_choices_is_refused() {
            campaigns.step(campaignId, "draft-hrc-resolution", DRAFT_HRC);
            campaigns.step(campaignId, "record-hrc-vote", Map.of("date", "2014-03-28",
                    "inFavour", 6, "against", 30, "abstaining", 11));
            String review = campaigns.awaitTask(campaignId, "review-hrc-strategy");

            Answer answer = nothingWritten(() -> complete(review, Map.of("decision", "POSTPONE")), campaignId);

            assertInvalid(answer, "decision must be one of REDRAFT, ABANDON");
        }

        @Test
        void sent_as_malformed_json_is_refused_with_a_problem() {
            Answer answer = nothingWritten(() -> complete(draftTaskId, "{\"leadSponsors\": [\"Japan\","), campaignId);

            assertProblem(answer, 400);
        }

        @Test
        void sent_as_a_json_list_instead_of_an_object_is_refused_with_a_problem() {
            Answer answer = nothingWritten(() -> complete(draftTaskId, "[\"Japan\"]"), campaignId);

            assertProblem(answer, 400);
        }
    }

    @Nested
    class A_task_that_is_not_active {

        String campaignId;
        String draftTaskId;

        @BeforeEach
        void completeTheDraft() {
            campaignId = newCampaign();
            draftTaskId = campaigns.awaitTask(campaignId, "draft-hrc-resolution");
            campaigns.step(campaignId, "draft-hrc-resolution", DRAFT_HRC);
        }

        @Test
        void is_not_completed_again_409() {
            Answer answer = nothingWritten(() -> complete(draftTaskId, DRAFT_HRC), campaignId);

            assertProblem(answer, 409, draftTaskId, "no longer active");
        }

        @Test
        void is_not_completed_again_through_its_campaign_409() {
            Answer answer = nothingWritten(() -> api.post("coordinator",
                    "/api/campaigns/" + campaignId + "/tasks/" + draftTaskId + "/complete", DRAFT_HRC), campaignId);

            assertProblem(answer, 409, "no longer active");
        }

        @Test
        void is_not_claimed_409() {
            Answer answer = nothingWritten(() -> api.post("coordinator2", "/api/tasks/" + draftTaskId + "/claim",
                    Map.of()), campaignId);

            assertProblem(answer, 409, "no longer active");
        }

        @Test
        void is_refused_as_inactive_even_when_its_fields_are_bad() {
            Answer answer = nothingWritten(() -> complete(draftTaskId, Map.of("nonsense", true)), campaignId);

            assertProblem(answer, 409, "no longer active");
        }
    }

    @Nested
    class An_unknown_task {

        @Test
        void is_not_completed_404() {
            String unknown = UUID.randomUUID().toString();

            Answer answer = complete(unknown, DRAFT_HRC);

            assertProblem(answer, 404, unknown);
        }

        @Test
        void is_not_claimed_404() {
            String unknown = UUID.randomUUID().toString();

            Answer answer = api.post("coordinator", "/api/tasks/" + unknown + "/claim", Map.of());

            assertProblem(answer, 404, unknown);
        }
    }

    @Nested
    class A_task_of_another_campaign {

        String ours;
        String theirs;
        String theirTaskId;

        @BeforeEach
        void launchTwo() {
            ours = newCampaign();
            theirs = newCampaign();
            theirTaskId = campaigns.awaitTask(theirs, "draft-hrc-resolution");
        }

        @Test
        void is_not_completed_through_our_campaign_400() {
            Answer answer = nothingWritten(() -> api.post("coordinator",
                    "/api/campaigns/" + ours + "/tasks/" + theirTaskId + "/complete", DRAFT_HRC), ours, theirs);

            assertProblem(answer, 400, theirTaskId, "another campaign");
        }

        @Test
        void is_not_claimed_through_our_campaign_400() {
            Answer answer = nothingWritten(() -> api.post("coordinator",
                    "/api/campaigns/" + ours + "/tasks/" + theirTaskId + "/claim", Map.of()), ours, theirs);

            assertProblem(answer, 400, theirTaskId, "another campaign");
        }

        @Test
        void is_still_completed_through_its_own_campaign() {
            Answer answer = api.post("coordinator",
                    "/api/campaigns/" + theirs + "/tasks/" + theirTaskId + "/complete", DRAFT_HRC);

            assertThat(answer.status()).as("%s", answer.body()).isEqualTo(204);
            assertThat(campaigns.activeTaskKeys(theirs)).containsExactly("record-hrc-vote");
            assertThat(campaigns.activeTaskKeys(ours)).containsExactly("draft-hrc-resolution");
        }
    }

    @Nested
    class Launching_a_campaign {

        private Map<String, Object> launch(String title) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("template", "coi-follow-up");
            body.put("title", title);
            body.put("reportSymbol", "A/HRC/25/63");
            body.put("publishedOn", PUBLISHED_ON);
            return body;
        }

        /** Whether a campaign of that title is among the newest ones; each test uses a title of its own. */
        private boolean listed(String title) {
            Answer list = api.get("manager", "/api/campaigns?size=500");
            assertThat(list.status()).isEqualTo(200);
            return list.body().findValuesAsText("title").contains(title);
        }

        private Answer refusedLaunch(Object body, String title) {
            Answer answer = api.post("coordinator", "/api/campaigns", body);
            assertThat(listed(title)).as("a campaign titled %s was written", title).isFalse();
            return answer;
        }

        @Test
        void with_an_unknown_field_is_refused() {
            String title = "Unknown field " + UUID.randomUUID();

            Answer answer = refusedLaunch(with(launch(title), "budget", 1000), title);

            assertInvalid(answer, "unknown field budget");
        }

        @Test
        void without_its_required_start_fields_is_refused() {
            String title = "Missing fields " + UUID.randomUUID();

            Answer answer = refusedLaunch(without(launch(title), "publishedOn", "reportSymbol"), title);

            assertInvalid(answer, "publishedOn is required", "reportSymbol is required");
        }

        @Test
        void without_a_body_is_refused_with_a_problem() {
            Answer answer = api.post("coordinator", "/api/campaigns", "");

            assertInvalid(answer, "template is required");
        }

        @Test
        void without_a_title_is_refused() {
            Answer answer = api.post("coordinator", "/api/campaigns", without(launch("ignored"), "title"));

            assertInvalid(answer, "title is required");
        }

        @Test
        void with_a_publication_date_that_is_not_a_date_is_refused() {
            String title = "Bad date " + UUID.randomUUID();

            Answer answer = refusedLaunch(with(launch(title), "publishedOn", "17 February 2014"), title);

            assertInvalid(answer, "publishedOn must be a date");
        }

        @Test
        void of_an_unknown_template_is_refused_404_with_a_problem() {
            String title = "Unknown template " + UUID.randomUUID();

            Answer answer = refusedLaunch(with(launch(title), "template", "no-such-template"), title);

            assertProblem(answer, 404, "no-such-template");
        }

        @Test
        void of_a_forum_process_that_is_not_a_template_is_refused_404_with_a_problem() {
            String title = "Forum process " + UUID.randomUUID();

            Answer answer = refusedLaunch(with(launch(title), "template", "hrc-resolution"), title);

            assertProblem(answer, 404, "hrc-resolution");
        }

        @Test
        void without_a_template_is_refused() {
            String title = "No template " + UUID.randomUUID();

            Answer answer = refusedLaunch(without(launch(title), "template"), title);

            assertInvalid(answer, "template is required");
        }

        @Test
        void sent_as_malformed_json_is_refused_with_a_problem() {
            String title = "Malformed " + UUID.randomUUID();

            Answer answer = refusedLaunch("{\"template\": \"coi-follow-up\", \"title\": \"" + title + "\"", title);

            assertProblem(answer, 400);
        }
    }
}
