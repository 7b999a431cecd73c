package org.advocacy.engine.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class CorrelationIdsTest {

    @Test
    void a_short_token_of_safe_characters_is_taken_as_it_is() {
        assertThat(CorrelationIds.sane("abc")).isEqualTo("abc");
        assertThat(CorrelationIds.sane("lb-7f3a:req_19.2")).isEqualTo("lb-7f3a:req_19.2");
        assertThat(CorrelationIds.sane("x".repeat(64))).isEqualTo("x".repeat(64));
    }

    @Test
    void anything_else_is_replaced_by_a_new_uuid() {
        for (String offered : new String[] {null, "", "x".repeat(65), "abc\nINFO forged line", "a b", "<script>", "abc;"}) {
            String id = CorrelationIds.sane(offered);
            assertThat(id).as("for %s", offered).isNotEqualTo(offered);
            assertThat(UUID.fromString(id).toString()).isEqualTo(id);
        }
    }
}
