package org.advocacy.engine.reference.api;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.HttpEntity;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The Security Council by year as the app knows it, for anyone signed in; an ADMIN loads later years. */
@RestController
class CouncilYearsController {

    private final CouncilYearsLoading loading;

    CouncilYearsController(CouncilYearsLoading loading) {
        this.loading = loading;
    }

    @GetMapping("/api/reference/security-council")
    List<CouncilYearsLoading.KnownYear> known() {
        return loading.known();
    }

    /**
     * An ADMIN loads one or more years: the body is a file in the shipped format
     * ({@code year,member,seat}, UTF-8 unless the Content-Type names another charset), {@code source}
     * where it was read. 201 with the years loaded; 400 with the problems, each naming its line, and
     * nothing stored. A shipped year cannot be loaded; a year loaded before is replaced whole.
     */
    @PostMapping(value = "/api/admin/reference/security-council", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    ResponseEntity<CouncilYearsLoading.Loaded> load(@RequestParam(required = false) String source, HttpEntity<byte[]> csv) {
        MediaType type = csv.getHeaders().getContentType();
        return ResponseEntity.status(HttpStatus.CREATED).body(loading.load(csv.getBody(),
                type == null || type.getCharset() == null ? StandardCharsets.UTF_8 : type.getCharset(), source));
    }
}
