package dev.keyway.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code keyway demo} as a user would: a separate JVM with the built jars on the module
 * path, where the providers are found through their {@code provides} clauses. The demo talks
 * over a real TCP connection on 127.0.0.1 and must print the session's steps in order.
 */
class DemoProcessTest {

    @Test
    void demoPrintsTheSessionSequenceAndExitsZero() throws Exception {
        Path svg = Files.createTempFile("keyway-demo", ".svg");
        Process p = KeywayCommand.start(Map.of(), "demo", "--diagram", svg.toString());
        p.getOutputStream().close();
        boolean finished = p.waitFor(60, TimeUnit.SECONDS);
        if (!finished) {
            p.destroyForcibly();
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(finished, "the demo must finish; it printed:\n" + out);
        assertEquals(0, p.exitValue(), out);
        String[] inOrder = {"TCP connect (SYN", "SSH-2.0-Keyway", "SSH_MSG_KEXINIT", "kex_algorithms",
            "SSH_MSG_KEX_ECDH_INIT", "SSH_MSG_KEX_ECDH_REPLY", "SHA256:", "SSH_MSG_NEWKEYS",
            "SSH_MSG_SERVICE_REQUEST", "encrypted bytes", "SSH_MSG_SERVICE_ACCEPT", "encrypted bytes",
            "User authentication", "method password, password (not shown)", "SSH_MSG_USERAUTH_SUCCESS",
            "SSH_MSG_CHANNEL_OPEN \"session\"", "\"exec\" \"echo Hello from the Keyway server\"",
            "SSH_MSG_CHANNEL_DATA channel 0, 29 bytes: \"Hello from the Keyway server\\n\"", "\"exit-status\" 0",
            "prints the command's output: Hello from the Keyway server", "SSH_MSG_DISCONNECT",
            "The session ran to the end."};
        int at = 0;
        for (String step : inOrder) {
            int found = out.indexOf(step, at);
            assertTrue(found >= 0, "'" + step + "' missing or out of order in:\n" + out);
            at = found;
        }
        String drawn = Files.readString(svg, StandardCharsets.UTF_8);
        Files.delete(svg);
        assertTrue(drawn.startsWith("<svg") || drawn.contains("<svg"), "an SVG file");
        assertTrue(drawn.contains("SSH_MSG_KEX_ECDH_REPLY") && drawn.contains("Version exchange"),
                "the diagram shows the session's messages and phases");
    }
}
