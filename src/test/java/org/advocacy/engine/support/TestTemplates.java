package org.advocacy.engine.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The test-only templates of src/test/resources/processes/extra, as text to change and deploy. */
public final class TestTemplates {

    private TestTemplates() {
    }

    public static String read(String file) {
        try (InputStream in = TestTemplates.class.getResourceAsStream("/processes/extra/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no test template " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** A test template under another process id. */
    public static String renamed(String file, String from, String to) {
        return read(file).replace("process id=\"" + from + "\"", "process id=\"" + to + "\"");
    }
}
