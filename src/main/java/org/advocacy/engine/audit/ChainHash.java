package org.advocacy.engine.audit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The hash of one event in its campaign's chain, computed here and not by the database: a check
 * that the database itself performs can be made to lie by whoever controls the database. The
 * encoding is the one that the insert trigger uses (function {@code event_chain_hash}, V1): SHA-256
 * over the previous event's hash (32 zero bytes for the first event), then each of aggregate
 * identifier, sequence number as decimal text, event identifier, timestamp, payload type, payload
 * revision (empty when none), payload and metadata (empty when none), each preceded by its length
 * in bytes as a 4-byte big-endian integer.
 */
public final class ChainHash {

    /** The "previous hash" of a campaign's first event. */
    public static final byte[] FIRST_PREVIOUS = new byte[32];

    private ChainHash() {
    }

    /** One stored event, as the chain covers it; payload and metadata as their stored bytes. */
    public record Link(String aggregateIdentifier, long sequenceNumber, String eventIdentifier, String timeStamp,
                       String payloadType, String payloadRevision, byte[] payload, byte[] metaData) {
    }

    public static byte[] of(byte[] previous, Link link) {
        ByteArrayOutputStream content = new ByteArrayOutputStream(256 + link.payload().length);
        content.writeBytes(previous);
        field(content, text(link.aggregateIdentifier()));
        field(content, text(Long.toString(link.sequenceNumber())));
        field(content, text(link.eventIdentifier()));
        field(content, text(link.timeStamp()));
        field(content, text(link.payloadType()));
        field(content, text(link.payloadRevision() == null ? "" : link.payloadRevision()));
        field(content, link.payload());
        field(content, link.metaData() == null ? new byte[0] : link.metaData());
        return sha256(content.toByteArray());
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }

    private static void field(ByteArrayOutputStream content, byte[] bytes) {
        content.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
        content.writeBytes(bytes);
    }

    private static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
