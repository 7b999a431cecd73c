package org.advocacy.engine.audit;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.advocacy.engine.platform.BadRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import com.fasterxml.jackson.databind.ObjectMapper;

/** A campaign's whole history as a file, streamed: the API's export and the timeline page's download. */
@Component
public class HistoryDownloads {

    private final History history;
    private final ObjectMapper json;

    HistoryDownloads(History history, ObjectMapper json) {
        this.history = history;
        this.json = json;
    }

    /** @param format {@code csv} or {@code jsonl}; anything else is refused */
    public ResponseEntity<StreamingResponseBody> download(String campaignId, String format) {
        HistoryExport.Format chosen = switch (format) {
            case "csv" -> HistoryExport.Format.CSV;
            case "jsonl" -> HistoryExport.Format.JSONL;
            default -> throw new BadRequest("format must be csv or jsonl, not " + format);
        };
        StreamingResponseBody body = out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            HistoryExport export = new HistoryExport(json, chosen, writer);
            history.each(campaignId, HistoryFilter.ALL, export::write);
            writer.flush();
        };
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(chosen.mediaType + ";charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"campaign-" + campaignId + "-history." + format + "\"")
                .body(body);
    }
}
