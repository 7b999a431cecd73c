package org.advocacy.engine.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * What hostile clients send, as jqwik arbitraries, and what every answer to them must be: the
 * security headers, no trace of the code behind it, and nothing written.
 */
public final class Hostile {

    /** Strings that try to be code somewhere: SQL, markup, paths, and the expressions that Camunda, Spring and Thymeleaf evaluate. */
    public static final List<String> INJECTIONS = List.of(
            "' OR '1'='1", "'; DROP TABLE domain_event_entry; --", "1; SELECT pg_sleep(10)--", "\" OR \"\"=\"",
            "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)", "<!--",
            "../../../../etc/passwd", "..\\..\\windows\\win.ini", "....//....//", "/etc/passwd",
            "${7*7}", "#{7*7}", "${execution.setVariable('hacked', true)}", "#{T(java.lang.Runtime).getRuntime().exec('id')}",
            "${''.getClass().forName('java.lang.Runtime')}", "[[${7*7}]]", "__${7*7}__::.x", "*{7*7}", "@{//evil.example}",
            "%00", "\u202Egnp.exe", "{\"$gt\": \"\"}", "() { :; }; echo vulnerable", "|id", "`id`", "\r\nSet-Cookie: x=1");

    private Hostile() {
    }

    /** Injection strings, random text of any characters, and the odd long one. */
    public static Arbitrary<String> strings() {
        return Arbitraries.frequencyOf(List.of(
                net.jqwik.api.Tuple.of(5, Arbitraries.of(INJECTIONS)),
                net.jqwik.api.Tuple.of(3, Arbitraries.strings().all().ofMinLength(1).ofMaxLength(40)),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().withChars("xX<>'\"${}#").ofMinLength(300).ofMaxLength(3000))));
    }

    /** A string that no field may take: a control character, or longer than any bound. */
    public static Arbitrary<String> neverAcceptedStrings() {
        Arbitrary<String> controlled = Arbitraries.of('\u0000', '\u0007', '\u001b', '\u007f', '\u0085')
                .flatMap(control -> strings().map(text -> text + control + "x"));
        Arbitrary<String> huge = Arbitraries.integers().between(10_001, 120_000).map(length -> "A".repeat(length));
        return Arbitraries.oneOf(controlled, huge);
    }

    /** The headers that every answer of the app carries, page or API, success or refusal. */
    public static void assertSecurityHeaders(HttpHeaders headers, String what) {
        assertThat(headers.firstValue("X-Content-Type-Options")).as("nosniff on %s", what).contains("nosniff");
        assertThat(headers.firstValue("X-Frame-Options")).as("X-Frame-Options on %s", what).contains("DENY");
        String policy = headers.firstValue("Content-Security-Policy").orElse("");
        assertThat(policy).as("CSP on %s", what).contains("frame-ancestors 'none'");
        String scripts = directive(policy, "script-src");
        assertThat(scripts.isEmpty() ? directive(policy, "default-src") : scripts).as("script sources on %s", what)
                .doesNotContain("'unsafe-inline'").doesNotContain("'unsafe-eval'").isNotEmpty();
    }

    private static String directive(String policy, String name) {
        for (String directive : policy.split(";")) {
            if (directive.strip().startsWith(name + " ")) {
                return directive.strip();
            }
        }
        return "";
    }

    /** An answer's text shows no exception: no class of ours or of a library, no stack frame. */
    public static void assertNoTraceOfTheCode(String body, String what) {
        assertThat(body).as("answer to %s", what).doesNotContain("Exception").doesNotContain("org.advocacy")
                .doesNotContain("org.springframework").doesNotContain("com.fasterxml").doesNotContain("\tat ")
                .doesNotContain("org.camunda").doesNotContain("java.util.").doesNotContain("org.postgresql");
    }

    /** Runs the request and checks that no table that a request could write has changed; its answer. */
    public static <T> T nothingWritten(Supplier<T> request, String what) {
        Map<String, Long> before = SharedApp.writtenRows();
        T answer = request.get();
        assertThat(SharedApp.writtenRows()).as("rows after %s, answered %s", what, answer).isEqualTo(before);
        return answer;
    }
}
