package org.advocacy.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The signed statement reads back exactly, and nothing but its canonical form is read. */
class CheckpointStatementTest {

    private final CheckpointStatement statement = new CheckpointStatement(12, Instant.parse("2026-12-03T11:00:00.125Z"),
            3, 120, ChainHash.sha256(new byte[] {1}), new byte[32], "ab".repeat(32));

    @Test
    void the_statement_is_a_few_lines_of_text_that_read_back_as_written() {
        assertThat(statement.text()).startsWith("campaign-checkpoint/1\nid 12\ncreated 2026-12-03T11:00:00.125Z\n"
                + "campaigns 3\nevents 120\nroot ").endsWith("\nkey " + "ab".repeat(32) + "\n");
        CheckpointStatement read = CheckpointStatement.parse(statement.text());
        assertThat(read.text()).isEqualTo(statement.text());
        assertThat(read.id()).isEqualTo(12);
        assertThat(read.root()).isEqualTo(statement.root());
    }

    @Test
    void anything_else_is_refused() {
        String text = statement.text();
        for (String other : new String[] {text.replace("id 12", "id 012"), text.replace("events 120\n", ""),
                text.replace("\n", "\r\n"), text + "extra 1\n", text.substring(0, text.length() - 1),
                text.replace("campaign-checkpoint/1", "campaign-checkpoint/2"), text.replace("root ", "root x")}) {
            assertThatThrownBy(() -> CheckpointStatement.parse(other)).as(other)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
