package org.advocacy.engine.campaign;

import java.util.List;

/**
 * Who votes in one of a campaign's votes, as entered for it: the Security Council of {@code year}
 * (its members copied from the reference data then, so the record keeps them), or the Human Rights
 * Council's members of the session, entered per campaign since its membership changes every year.
 *
 * @param year    the Council's year; for the HRC, the session's year when given, else null
 * @param members never null, in the order to list them
 */
public record Electorate(Integer year, List<String> members) {

    public Electorate {
        members = members == null ? List.of() : List.copyOf(members);
    }
}
