package org.advocacy.engine.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a checkpoint signs: a few lines of text, so that anyone can read what was signed and check
 * the signature with standard tools. The signature covers the statement's UTF-8 bytes exactly:
 * <pre>
 * campaign-checkpoint/1
 * id 12
 * created 2026-12-03T11:00:00Z
 * campaigns 3
 * events 120
 * root 5f3a...   (the Merkle root over the campaigns' heads, hex)
 * previous 9c1e... (SHA-256 of the previous checkpoint's statement; 64 zeros for the first)
 * key 41b7...    (SHA-256 of the signing key's public half, X.509 DER, hex)
 * </pre>
 * each line ending with a line feed.
 */
public record CheckpointStatement(long id, Instant created, int campaigns, long events, byte[] root,
                                  byte[] previous, String keyId) {

    public static final String FORMAT = "campaign-checkpoint/1";
    private static final List<String> FIELDS = List.of("id", "created", "campaigns", "events", "root", "previous", "key");

    public String text() {
        HexFormat hex = HexFormat.of();
        return FORMAT + "\n"
                + "id " + id + "\n"
                + "created " + created + "\n"
                + "campaigns " + campaigns + "\n"
                + "events " + events + "\n"
                + "root " + hex.formatHex(root) + "\n"
                + "previous " + hex.formatHex(previous) + "\n"
                + "key " + keyId + "\n";
    }

    public byte[] bytes() {
        return text().getBytes(StandardCharsets.UTF_8);
    }

    /** The SHA-256 of the statement: what the next checkpoint names as its previous. */
    public byte[] digest() {
        return ChainHash.sha256(bytes());
    }

    /** Reads a statement back; refuses anything that is not exactly what {@link #text()} writes. */
    public static CheckpointStatement parse(String text) {
        if (text == null || !text.startsWith(FORMAT + "\n") || !text.endsWith("\n")) {
            throw new IllegalArgumentException("a checkpoint statement begins with the line " + FORMAT);
        }
        String[] lines = text.substring(FORMAT.length() + 1, text.length() - 1).split("\n", -1);
        if (lines.length != FIELDS.size()) {
            throw new IllegalArgumentException("a checkpoint statement has the lines " + String.join(", ", FIELDS));
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int index = 0; index < lines.length; index++) {
            String expected = FIELDS.get(index) + " ";
            if (!lines[index].startsWith(expected)) {
                throw new IllegalArgumentException("line " + (index + 2) + " of a checkpoint statement is "
                        + FIELDS.get(index));
            }
            values.put(FIELDS.get(index), lines[index].substring(expected.length()));
        }
        try {
            HexFormat hex = HexFormat.of();
            CheckpointStatement statement = new CheckpointStatement(Long.parseLong(values.get("id")),
                    Instant.parse(values.get("created")), Integer.parseInt(values.get("campaigns")),
                    Long.parseLong(values.get("events")), hex.parseHex(values.get("root")),
                    hex.parseHex(values.get("previous")), values.get("key"));
            if (!statement.text().equals(text)) {
                throw new IllegalArgumentException("the checkpoint statement is not in its canonical form");
            }
            return statement;
        } catch (NumberFormatException | DateTimeParseException unreadable) {
            throw new IllegalArgumentException("the checkpoint statement cannot be read: " + unreadable.getMessage());
        }
    }
}
