package org.advocacy.engine.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.advocacy.engine.campaign.AssessedPosition;
import org.advocacy.engine.campaign.CampaignRefusal;
import org.advocacy.engine.campaign.CampaignSnapshot;
import org.advocacy.engine.platform.Actors;
import org.advocacy.engine.platform.BadRequest;
import org.advocacy.engine.templates.InvalidSubmission;
import org.advocacy.engine.votes.Position;
import org.advocacy.engine.whip.ForecastRecord;
import org.advocacy.engine.whip.WhipCount;
import org.advocacy.engine.whip.WhipCount.CampaignVote;
import org.advocacy.engine.whip.WhipCount.ForecastView;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The whip count's pages: one vote's member grid (positions coloured, filtered, set one by one or
 * many at once), who votes, the forecast with its margin and what would change it, and how the
 * forecast compared with the vote once recorded; and the accuracy of forecasts across campaigns.
 */
@Controller
class WhipPages {

    /** The grid's filters: everyone, the members not yet assessed, or those at one position. */
    static final String ALL = "ALL";
    static final String UNASSESSED = "UNASSESSED";

    private final WhipCount whipCount;
    private final ForecastRecord record;

    WhipPages(WhipCount whipCount, ForecastRecord record) {
        this.whipCount = whipCount;
        this.record = record;
    }

    /** One line of the member grid. */
    record MemberRow(String member, String position, String note, String source) {
    }

    @GetMapping("/campaigns/{id}/whip/{voteKey}")
    String whip(@PathVariable String id, @PathVariable String voteKey,
                @RequestParam(defaultValue = ALL) String show, Model model) {
        CampaignSnapshot campaign = whipCount.campaign(id);
        CampaignVote vote = whipCount.vote(campaign, voteKey);
        Optional<ForecastView> forecast = whipCount.forecast(campaign, vote, null);
        String filter = show.equals(UNASSESSED) || Position.named(show).isPresent() ? show : ALL;
        List<MemberRow> rows = new ArrayList<>();
        Map<String, Integer> tally = new LinkedHashMap<>();
        forecast.ifPresent(view -> {
            Map<String, AssessedPosition> held = campaign.positions().getOrDefault(voteKey, Map.of());
            for (String member : view.members()) {
                AssessedPosition position = held.get(member);
                String named = position == null ? UNASSESSED : position.position();
                tally.merge(named, 1, Integer::sum);
                if (filter.equals(ALL) || filter.equals(named)) {
                    rows.add(new MemberRow(member, position == null ? "" : position.position(),
                            position == null || position.note() == null ? "" : position.note(),
                            position == null || position.source() == null ? "" : position.source()));
                }
            }
        });
        model.addAttribute("campaign", campaign);
        model.addAttribute("vote", vote);
        model.addAttribute("view", forecast.orElse(null));
        model.addAttribute("rows", rows);
        model.addAttribute("show", filter);
        model.addAttribute("tally", tally);
        model.addAttribute("positions", Arrays.stream(Position.values()).map(Position::name).toList());
        model.addAttribute("councilYears", whipCount.councilYears());
        model.addAttribute("memberStates", whipCount.memberStates());
        model.addAttribute("entered", campaign.electorates().get(voteKey));
        model.addAttribute("compared", record.of(campaign).stream()
                .filter(compared -> compared.voteKey().equals(voteKey)).toList());
        model.addAttribute("mayAssess", Actors.roles().contains("COORDINATOR") || Actors.roles().contains("MANAGER"));
        return "whip";
    }

    /**
     * The grid as submitted: each row's position, note and source (rows without a position are left
     * alone); with {@code bulk}, the ticked members all get the bulk position instead.
     */
    @PostMapping("/campaigns/{id}/whip/{voteKey}")
    String assess(@PathVariable String id, @PathVariable String voteKey, @RequestParam MultiValueMap<String, String> form,
                  RedirectAttributes redirect) {
        whipCount.vote(whipCount.campaign(id), voteKey);
        List<String> members = form.getOrDefault("member", List.of());
        List<String> positions = form.getOrDefault("position", List.of());
        List<String> notes = form.getOrDefault("note", List.of());
        List<String> sources = form.getOrDefault("source", List.of());
        List<String> ticked = form.getOrDefault("pick", List.of());
        String bulk = form.getFirst("bulk");
        boolean many = form.containsKey("setTicked");
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int row = 0; row < members.size(); row++) {
            String member = members.get(row);
            String position = many ? (ticked.contains(member) ? bulk : "") : at(positions, row);
            if (position == null || position.isBlank()) {
                continue;
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("member", member);
            entry.put("position", position);
            entry.put("note", blankToNull(at(notes, row)));
            entry.put("source", blankToNull(at(sources, row)));
            entries.add(entry);
        }
        if (many && (bulk == null || bulk.isBlank() || ticked.isEmpty())) {
            Pages.refused(redirect, "Tick one or more members and choose the position to give them.");
        } else if (entries.isEmpty()) {
            Pages.refused(redirect, "No position was given: choose one for a member, or tick members and set them at once.");
        } else {
            attempt(redirect, "Recorded the positions given; only changes become events.",
                    () -> whipCount.assess(id, voteKey, null, entries));
        }
        return "redirect:/campaigns/" + id + "/whip/" + voteKey + (form.containsKey("show") ? "?show=" + show(form) : "");
    }

    /** Who votes: a Council's year, or the Human Rights Council's members, one per line. */
    @PostMapping("/campaigns/{id}/whip/{voteKey}/electorate")
    String enter(@PathVariable String id, @PathVariable String voteKey, @RequestParam(required = false) String year,
                 @RequestParam(required = false) String members, RedirectAttributes redirect) {
        whipCount.vote(whipCount.campaign(id), voteKey);
        attempt(redirect, "Entered who votes.", () -> {
            Integer number = year == null || year.isBlank() ? null : parsedYear(year);
            List<String> names = members == null ? null : members.lines().map(String::strip)
                    .filter(line -> !line.isEmpty()).toList();
            whipCount.enter(id, voteKey, number, names);
        });
        return "redirect:/campaigns/" + id + "/whip/" + voteKey;
    }

    @GetMapping("/forecasts")
    String accuracy(Model model) {
        model.addAttribute("accuracy", record.accuracy());
        return "forecasts";
    }

    private static void attempt(RedirectAttributes redirect, String done, Runnable step) {
        try {
            step.run();
            Pages.done(redirect, done);
        } catch (InvalidSubmission invalid) {
            Pages.refused(redirect, "Nothing was recorded: " + String.join("; ", invalid.problems()) + ".");
        } catch (BadRequest | CampaignRefusal refused) {
            Pages.refused(redirect, "Nothing was recorded: " + refused.getMessage() + ".");
        }
    }

    private static Integer parsedYear(String year) {
        if (!year.strip().matches("\\d{4}")) {
            throw new BadRequest("the year has four digits, such as 2015, not " + year);
        }
        return Integer.valueOf(year.strip());
    }

    private static String show(MultiValueMap<String, String> form) {
        String show = form.getFirst("show");
        return show != null && (show.equals(UNASSESSED) || Position.named(show).isPresent()) ? show : ALL;
    }

    private static String at(List<String> values, int index) {
        return index < values.size() ? values.get(index) : null;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
