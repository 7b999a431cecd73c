package org.advocacy.engine.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.advocacy.engine.campaign.CampaignCommand.CloseCampaign;
import org.advocacy.engine.campaign.CampaignEvent.VoteRecorded;
import org.advocacy.engine.platform.CampaignCommandGateway;
import org.advocacy.engine.support.ApiClient;
import org.advocacy.engine.support.AppTest;
import org.advocacy.engine.support.HttpCampaigns;
import org.advocacy.engine.votes.Outcome;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A VoteRecorded event stored at revision 1 (before events carried a normalised document symbol)
 * is read as revision 2 by the aggregate, the event store's readers and the rebuilt history.
 */
@AppTest
class UpcastingIT {

    private static final String EVENTS = "org.advocacy.engine.campaign.CampaignEvent$";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventStore eventStore;
    @Autowired
    CampaignCommandGateway commands;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void a_revision_one_vote_is_read_as_revision_two_with_its_symbol_normalised() {
        String id = UUID.randomUUID().toString();
        String task = UUID.randomUUID().toString();
        appendRaw(id, 0, "CampaignLaunched", null, """
                {"campaignId":"%s","template":"coi-follow-up","title":"Revision 1 campaign",\
                "fields":{"reportSymbol":"A/HRC/25/63","publishedOn":"2014-02-17"},"origin":"2014-02-17"}""".formatted(id));
        appendRaw(id, 1, "TaskOpened", null, """
                {"campaignId":"%s","taskId":"%s","taskKey":"record-hrc-vote","name":"Record the HRC vote",\
                "forum":"hrc-resolution","role":"COORDINATOR","due":null}""".formatted(id, task));
        appendRaw(id, 2, "StepCompleted", null, """
                {"campaignId":"%s","taskId":"%s","taskKey":"record-hrc-vote","forum":"hrc-resolution",\
                "fields":{"date":"2014-03-28","symbol":" a/hrc/res / 25/25 ","adoptedWithoutVote":false,\
                "inFavour":30,"against":6,"abstaining":11},"vote":{"outcomeKey":"hrc","rule":"hrc"}}""".formatted(id, task));
        appendRaw(id, 3, "VoteRecorded", null, """
                {"campaignId":"%s","taskId":"%s","taskKey":"record-hrc-vote","outcomeKey":"hrc","rule":"hrc",\
                "vote":{"date":"2014-03-28","symbol":" a/hrc/res / 25/25 ","adoptedWithoutVote":false,\
                "inFavour":30,"against":6,"abstaining":11},"outcome":"ADOPTED"}""".formatted(id, task));

        List<? extends DomainEventMessage<?>> stream = eventStore.readEvents(id).asStream().toList();
        VoteRecorded vote = (VoteRecorded) stream.get(3).getPayload();
        assertThat(vote.symbol()).isEqualTo("A/HRC/RES/25/25");
        assertThat(vote.outcome()).isEqualTo(Outcome.ADOPTED);
        assertThat(vote.vote()).containsEntry("inFavour", 30);

        ApiClient api = new ApiClient(port);
        api.post("admin", "/api/admin/projections/rebuild", Map.of());
        assertThat(ReplayIT.ReadModelAnswers.awaitRebuild(api).get("status").asText()).isEqualTo("DONE");
        JsonNode recorded = api.get("manager", "/api/campaigns/" + id + "/history?type=VoteRecorded").body().get(0);
        assertThat(recorded.get("payload").get("symbol").asText()).isEqualTo("A/HRC/RES/25/25");
        assertThat(api.get("manager", "/api/campaigns/" + id).body().get("outcomes").get("hrc").asText())
                .isEqualTo("ADOPTED");

        transaction.executeWithoutResult(status -> commands.send(new CloseCampaign(id), null, null));
        JsonNode closed = api.get("manager", "/api/campaigns/" + id + "/history?type=CampaignClosed").body().get(0);
        assertThat(closed.get("payload").get("outcomes").get("hrc").asText()).isEqualTo("ADOPTED");
        assertThat(jdbc.queryForObject("SELECT payload_revision FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND sequence_number = 3", String.class, id)).isNull();
    }

    @Test
    void new_votes_are_written_at_revision_two_with_the_symbol_normalised() {
        HttpCampaigns campaigns = new HttpCampaigns(new ApiClient(port));
        String id = campaigns.launchFollowUp("Revision 2 campaign", HttpCampaigns.PUBLISHED_ON);
        campaigns.atHrcVote(id);
        Map<String, Object> vote = new java.util.HashMap<>(HttpCampaigns.HRC_ADOPTED);
        vote.put("symbol", "a/hrc/res/25/25");
        campaigns.step(id, "record-hrc-vote", vote);

        Map<String, Object> stored = jdbc.queryForMap("SELECT payload_revision, convert_from(payload, 'UTF8') AS payload "
                + "FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE '%VoteRecorded'", id);
        assertThat(stored.get("payload_revision")).isEqualTo("2");
        assertThat((String) stored.get("payload")).contains("\"symbol\":\"A/HRC/RES/25/25\"");
    }

    private void appendRaw(String campaignId, long sequence, String type, String revision, String payload) {
        jdbc.update("""
                INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                                                payload_type, payload_revision, payload, meta_data)
                VALUES (?, ?, ?, 'Campaign', ?, ?, ?, ?, ?)
                """, UUID.randomUUID().toString(), campaignId, sequence, "2014-03-28T10:00:0" + sequence + ".000Z",
                EVENTS + type, revision, payload.getBytes(StandardCharsets.UTF_8),
                "{\"actor\":\"coordinator\"}".getBytes(StandardCharsets.UTF_8));
    }
}
