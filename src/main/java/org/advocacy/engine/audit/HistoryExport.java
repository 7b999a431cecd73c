package org.advocacy.engine.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.advocacy.engine.audit.History.Entry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes history entries as CSV (RFC 4180, one header line) or as JSON lines, with a stable column
 * and field order: campaignId, sequence, type, occurredAt, actor, forum, correlationId,
 * processInstanceId, taskId, hash, payload (in CSV, the payload's JSON text).
 */
final class HistoryExport {

    static final List<String> COLUMNS = List.of("campaignId", "sequence", "type", "occurredAt", "actor", "forum",
            "correlationId", "processInstanceId", "taskId", "hash", "payload");

    enum Format {
        CSV("text/csv"), JSONL("application/x-ndjson");

        final String mediaType;

        Format(String mediaType) {
            this.mediaType = mediaType;
        }
    }

    private final ObjectMapper json;
    private final Format format;
    private final Writer out;

    HistoryExport(ObjectMapper json, Format format, Writer out) throws IOException {
        this.json = json;
        this.format = format;
        this.out = out;
        if (format == Format.CSV) {
            out.write(String.join(",", COLUMNS) + "\r\n");
        }
    }

    void write(Entry entry) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("campaignId", entry.campaignId());
        row.put("sequence", entry.sequence());
        row.put("type", entry.type());
        row.put("occurredAt", entry.occurredAt().toString());
        row.put("actor", entry.actor());
        row.put("forum", entry.forum());
        row.put("correlationId", text(entry, "correlationId"));
        row.put("processInstanceId", text(entry, "processInstanceId"));
        row.put("taskId", text(entry, "taskId"));
        row.put("hash", entry.hash());
        try {
            if (format == Format.CSV) {
                row.put("payload", json.writeValueAsString(entry.payload()));
                StringBuilder line = new StringBuilder();
                for (String column : COLUMNS) {
                    if (line.length() > 0) {
                        line.append(',');
                    }
                    line.append(csv(row.get(column)));
                }
                out.write(line.append("\r\n").toString());
            } else {
                row.put("payload", entry.payload());
                out.write(json.writeValueAsString(row) + "\n");
            }
        } catch (JsonProcessingException unwritable) {
            throw new IllegalStateException(unwritable);
        } catch (IOException broken) {
            throw new UncheckedIOException(broken);
        }
    }

    private static String text(Entry entry, String key) {
        return entry.metadata().hasNonNull(key) ? entry.metadata().get(key).asText() : null;
    }

    private static String csv(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
