package org.advocacy.engine.reference.api;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.advocacy.engine.operations.OperationsLog;
import org.advocacy.engine.platform.Actors;
import org.advocacy.engine.reference.InvalidCouncilFile;
import org.advocacy.engine.reference.UnMembership;
import org.advocacy.engine.templates.InvalidSubmission;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An ADMIN loads the Security Council's composition in years after the shipped ones, from a file
 * in the shipped format and with the source it was read from: checked by {@link UnMembership}
 * exactly as the shipped file is, then stored, each year replacing a year loaded before, in one
 * transaction with its entry in the operations log. Refused whole, with every problem, otherwise.
 */
@Service
public class CouncilYearsLoading {

    /** Where the shipped years come from: the file and the sources that its README names. */
    static final String SHIPPED_SOURCE = "shipped with the app: reference/security-council.csv (its sources are in"
            + " reference/README.md)";
    private static final int MAX_SOURCE = 500;

    /** What a load stored. */
    public record Loaded(List<Integer> years, String source) {
    }

    /** A year whose composition the app knows: shipped with it, or loaded (with who loaded it when). */
    public record KnownYear(int year, List<String> members, boolean shipped, String source, String loadedBy,
                            Instant loadedAt) {
    }

    private final UnMembership membership;
    private final CouncilYearsTable table;
    private final OperationsLog operations;
    private final TransactionTemplate transaction;

    CouncilYearsLoading(UnMembership membership, CouncilYearsTable table, OperationsLog operations,
                        PlatformTransactionManager transactions) {
        this.membership = membership;
        this.table = table;
        this.operations = operations;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Loads the years of {@code csv}, text in {@code charset}.
     *
     * @throws InvalidSubmission with every problem of the file and of the source; nothing is stored
     */
    public Loaded load(byte[] csv, Charset charset, String source) {
        List<String> problems = new ArrayList<>(sourceProblems(source));
        Map<Integer, List<String>> years = Map.of();
        String text = text(csv, charset, problems);
        if (text != null) {
            try {
                years = membership.checkedCouncilFile(new StringReader(text));
            } catch (InvalidCouncilFile invalid) {
                problems.addAll(invalid.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidSubmission(problems);
        }
        String cited = source.strip();
        Map<Integer, List<String>> checked = years;
        List<Integer> loaded = List.copyOf(checked.keySet());
        transaction.executeWithoutResult(status -> {
            String actor = Actors.current();
            table.replace(checked, membership.permanentMembers(), cited, actor);
            operations.record(actor, "COUNCIL_YEARS_LOADED", "Security Council " + loaded.stream().map(String::valueOf)
                    .collect(Collectors.joining(", ")), Map.of("years", loaded, "source", cited));
        });
        return new Loaded(loaded, cited);
    }

    /** Every year the app knows, shipped and loaded, in ascending order. */
    public List<KnownYear> known() {
        Map<Integer, CouncilYearsTable.Provenance> provenance = table.provenance();
        List<Integer> shipped = membership.shippedCouncilYears();
        return membership.councilYears().stream().map(year -> {
            CouncilYearsTable.Provenance loaded = shipped.contains(year) ? null : provenance.get(year);
            return new KnownYear(year, membership.councilMembers(year), loaded == null,
                    loaded == null ? SHIPPED_SOURCE : loaded.source(), loaded == null ? null : loaded.loadedBy(),
                    loaded == null ? null : loaded.loadedAt());
        }).toList();
    }

    private static List<String> sourceProblems(String source) {
        if (source == null || source.isBlank()) {
            return List.of("source is required: where the composition was read, and when (such as"
                    + " \"un.org/securitycouncil/content/current-members, read 2026-12-04\")");
        }
        if (source.codePoints().anyMatch(Character::isISOControl)) {
            return List.of("source must not contain control characters");
        }
        if (source.strip().length() > MAX_SOURCE) {
            return List.of("source must be at most " + MAX_SOURCE + " characters");
        }
        return List.of();
    }

    private static String text(byte[] csv, Charset charset, List<String> problems) {
        if (csv == null || csv.length == 0) {
            problems.add("the file is empty: it must start with the header year,member,seat");
            return null;
        }
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(csv)).toString();
        } catch (CharacterCodingException unreadable) {
            problems.add("the file is not text in " + charset.name() + "; save it as UTF-8");
            return null;
        }
    }
}
