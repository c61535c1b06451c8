package dev.keyway.guice;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * docs/guice.md shows the example applications exactly as they are compiled with this module's
 * tests ({@code src/test/java/com/example}), so the page cannot drift from the API.
 */
class GuiceDocsTest {

    @ParameterizedTest
    @ValueSource(strings = {"SshServerApplication.java", "SshClientApplication.java"})
    void thePageShowsTheCompiledExample(String file) throws Exception {
        String page = Files.readString(Path.of("../../docs/guice.md"));
        String source = Files.readString(Path.of("src/test/java/com/example", file));
        assertTrue(page.contains(source), "docs/guice.md does not show " + file + " as it is compiled");
    }
}
