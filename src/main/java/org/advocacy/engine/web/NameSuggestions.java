package org.advocacy.engine.web;

import java.time.LocalDate;
import java.time.Year;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import org.advocacy.engine.campaign.CampaignSnapshot;
import org.advocacy.engine.reference.UnMembership;
import org.advocacy.engine.votes.VoteRule;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The names that forms suggest: UN member states, and the Security Council of the year in question. */
@Component
class NameSuggestions {

    private final UnMembership membership;

    NameSuggestions(UnMembership membership) {
        this.membership = membership;
    }

    /**
     * The Council of the year of the date entered on the form, else of the campaign's origin, else
     * of this year; empty for a year without data.
     */
    List<String> councilFor(Map<String, Object> entered, CampaignSnapshot campaign) {
        int year = Year.now().getValue();
        if (campaign != null && campaign.origin() != null) {
            year = campaign.origin().getYear();
        }
        if (entered.get(VoteRule.DATE) instanceof String text) {
            try {
                year = LocalDate.parse(text).getYear();
            } catch (DateTimeParseException notADate) {
                // the validator says what is wrong with the date; suggestions stay with the campaign's year
            }
        }
        return membership.councilMembers(year);
    }

    void addTo(Model model, List<String> councilMembers) {
        model.addAttribute("memberStates", membership.memberStates());
        model.addAttribute("councilMembers", councilMembers.isEmpty() ? membership.memberStates() : councilMembers);
    }
}
