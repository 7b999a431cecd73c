package org.advocacy.engine.audit;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import org.advocacy.engine.audit.Checkpoints.Anchor;
import org.advocacy.engine.audit.Checkpoints.Checkpoint;
import org.advocacy.engine.audit.MerkleTree.Head;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Checks a campaign's record: every link of its chain recomputed here (not with the database's
 * function), and the chain held against the signed checkpoints that anchored it, the latest one or
 * one that the caller kept outside the system. A chain that someone rewrote and recomputed still
 * agrees with itself, but no longer with the heads that were signed; removed newest events leave a
 * chain shorter than a signed head.
 */
@Component
public class Integrity {

    /** What was found wrong, and the first sequence number it concerns where one can be named. */
    public record Finding(Kind kind, Long sequence, String detail) {
    }

    public enum Kind {
        /** An event's hash is not that of its content and the hash before it: changed without recomputing. */
        BROKEN_LINK,
        /** A sequence number is missing in the middle of the chain: an event was removed. */
        GAP,
        /** The chain agrees with itself but not with a signed head: it was rewritten and recomputed. */
        REWRITTEN,
        /** A signed head lies beyond the chain's end: the newest events were removed. */
        REMOVED,
        /** A stored anchor is not what its checkpoint signed, or its signature or key fails. */
        ANCHOR_ALTERED,
        /** The store's heads at a checkpoint do not give its signed root, or the store lacks or changed it. */
        CHECKPOINT_MISMATCH
    }

    /**
     * The outcome: {@code valid} when nothing was found; {@code firstBrokenSequence} the smallest
     * sequence that any finding names; {@code checkpoint} the checkpoint checked against and
     * {@code anchoredSequence} the newest sequence of this campaign that the signed checkpoints cover.
     */
    public record Verification(boolean valid, long events, Long firstBrokenSequence, Long checkpoint,
                               Long anchoredSequence, List<Finding> findings) {
    }

    private final JdbcTemplate jdbc;
    private final Checkpoints checkpoints;
    private final Signatures signatures;

    Integrity(JdbcTemplate jdbc, Checkpoints checkpoints, Signatures signatures) {
        this.jdbc = jdbc;
        this.checkpoints = checkpoints;
        this.signatures = signatures;
    }

    /** Against the latest checkpoint in the store. */
    public Verification verify(String campaignId) {
        Optional<Checkpoint> latest = checkpoints.latest();
        List<Finding> findings = new ArrayList<>();
        latest.ifPresent(checkpoint -> {
            problemWith(checkpoint.statement(), checkpoint.signatureBytes(), checkpoint.keyId())
                    .ifPresent(problem -> findings.add(new Finding(Kind.CHECKPOINT_MISMATCH, null,
                            "checkpoint " + checkpoint.id() + ": " + problem)));
            rootProblem(checkpoint.parsed()).ifPresent(findings::add);
        });
        return verify(campaignId, latest.map(Checkpoint::id).orElse(0L), findings);
    }

    /** Against a checkpoint that the caller kept: refused when its signature does not verify under a trusted key. */
    public Verification verify(String campaignId, SignedCheckpoint kept) {
        CheckpointStatement statement;
        byte[] signature;
        try {
            statement = CheckpointStatement.parse(kept.statement());
            signature = Base64.getDecoder().decode(Objects.requireNonNullElse(kept.signature(), ""));
        } catch (IllegalArgumentException unreadable) {
            throw new org.advocacy.engine.platform.BadRequest("the checkpoint cannot be read: " + unreadable.getMessage());
        }
        problemWith(kept.statement(), signature, statement.keyId()).ifPresent(problem -> {
            throw new org.advocacy.engine.platform.BadRequest("the checkpoint is not one to check against: " + problem);
        });
        List<Finding> findings = new ArrayList<>();
        Optional<Checkpoint> stored = checkpoints.find(statement.id());
        if (stored.isEmpty()) {
            findings.add(new Finding(Kind.CHECKPOINT_MISMATCH, null, "the store has no checkpoint " + statement.id()
                    + ", which the kept one proves was made: checkpoints were removed"));
        } else if (!stored.get().statement().equals(kept.statement())) {
            findings.add(new Finding(Kind.CHECKPOINT_MISMATCH, null, "the store's checkpoint " + statement.id()
                    + " is not the one that was kept"));
        }
        rootProblem(statement).ifPresent(findings::add);
        return verify(campaignId, statement.id(), findings);
    }

    /** Why this signed statement is not to be trusted, if it is not. */
    Optional<String> problemWith(String statementText, byte[] signature, String keyId) {
        Optional<PublicKey> key = signatures.trusted(keyId);
        if (key.isEmpty()) {
            return Optional.of("it is signed by the key " + keyId + ", which this installation does not trust");
        }
        if (!SigningKey.verifies(key.get(), statementText.getBytes(java.nio.charset.StandardCharsets.UTF_8), signature)) {
            return Optional.of("its signature does not verify under the key " + keyId);
        }
        return Optional.empty();
    }

    private Optional<Finding> rootProblem(CheckpointStatement statement) {
        List<Head> heads = checkpoints.headsAsOf(statement.id());
        if (heads.size() != statement.campaigns() || !Arrays.equals(MerkleTree.root(heads), statement.root())) {
            return Optional.of(new Finding(Kind.CHECKPOINT_MISMATCH, null, "the store's heads at checkpoint "
                    + statement.id() + " do not give its signed root: anchors were changed or removed"));
        }
        return Optional.empty();
    }

    private Verification verify(String campaignId, long upTo, List<Finding> findings) {
        Map<Long, byte[]> stored = new TreeMap<>();
        Finding[] chainFinding = {null};
        long[] expected = {0};
        byte[][] previous = {ChainHash.FIRST_PREVIOUS};
        jdbc.query("""
                SELECT sequence_number, event_identifier, time_stamp, payload_type, payload_revision, payload, meta_data, hash
                  FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number
                """, row -> {
            long sequence = row.getLong(1);
            byte[] hash = row.getBytes(8);
            stored.put(sequence, hash);
            if (chainFinding[0] != null) {
                return;
            }
            if (sequence != expected[0]) {
                chainFinding[0] = new Finding(Kind.GAP, expected[0], "the chain has no event " + expected[0]
                        + " (the next is " + sequence + "): events were removed");
                return;
            }
            byte[] computed = ChainHash.of(previous[0], new ChainHash.Link(campaignId, sequence, row.getString(2),
                    row.getString(3), row.getString(4), row.getString(5), row.getBytes(6), row.getBytes(7)));
            if (!Arrays.equals(computed, hash)) {
                chainFinding[0] = new Finding(Kind.BROKEN_LINK, sequence, "event " + sequence
                        + "'s hash is not that of its content and the hash before it: it was changed");
            }
            previous[0] = hash;
            expected[0]++;
        }, campaignId);
        if (chainFinding[0] != null) {
            findings.add(chainFinding[0]);
        }
        Long anchored = null;
        long lastMatching = -1;
        for (Anchor anchor : upTo > 0 ? checkpoints.anchors(campaignId, upTo) : List.<Anchor>of()) {
            Optional<String> altered = anchorProblem(anchor);
            if (altered.isPresent()) {
                findings.add(new Finding(Kind.ANCHOR_ALTERED, anchor.head().sequence(), altered.get()));
                continue;
            }
            Head head = anchor.head();
            anchored = head.sequence();
            byte[] atHead = stored.get(head.sequence());
            long newest = stored.isEmpty() ? -1 : ((TreeMap<Long, byte[]>) stored).lastKey();
            if (atHead == null && head.sequence() > newest) {
                findings.add(new Finding(Kind.REMOVED, newest + 1, "checkpoint " + anchor.checkpoint().id()
                        + " signed event " + head.sequence() + " as this campaign's head, but the chain ends at "
                        + newest + ": events from " + (newest + 1) + " on were removed"));
                break;
            }
            if (atHead == null || !Arrays.equals(atHead, head.hash())) {
                findings.add(new Finding(Kind.REWRITTEN, lastMatching + 1, "event " + head.sequence()
                        + " is not the one that checkpoint " + anchor.checkpoint().id()
                        + " signed: the chain was rewritten at or after event " + (lastMatching + 1)
                        + " (the last signed head that still holds is " + (lastMatching < 0 ? "none" : lastMatching) + ")"));
                break;
            }
            lastMatching = head.sequence();
        }
        Long first = findings.stream().map(Finding::sequence).filter(Objects::nonNull).min(Long::compare).orElse(null);
        return new Verification(findings.isEmpty(), stored.size(), first, upTo > 0 ? upTo : null, anchored,
                List.copyOf(findings));
    }

    private Optional<String> anchorProblem(Anchor anchor) {
        Checkpoint checkpoint = anchor.checkpoint();
        CheckpointStatement statement;
        try {
            statement = checkpoint.parsed();
        } catch (IllegalArgumentException unreadable) {
            return Optional.of("checkpoint " + checkpoint.id() + "'s statement cannot be read");
        }
        if (!statement.keyId().equals(checkpoint.keyId())) {
            return Optional.of("checkpoint " + checkpoint.id() + " names a key that is not the one stored with it");
        }
        Optional<String> unsigned = problemWith(checkpoint.statement(), checkpoint.signatureBytes(), statement.keyId());
        if (unsigned.isPresent()) {
            return Optional.of("checkpoint " + checkpoint.id() + ": " + unsigned.get());
        }
        if (!MerkleTree.includes(statement.root(), statement.campaigns(), anchor.leafIndex(), anchor.head(),
                anchor.proof())) {
            return Optional.of("the stored head " + anchor.head().sequence() + " ("
                    + HexFormat.of().formatHex(anchor.head().hash()) + ") is not in the tree that checkpoint "
                    + checkpoint.id() + " signed");
        }
        return Optional.empty();
    }
}
