package dev.keyway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.api.keys.PublicKeyBlob;
import dev.keyway.keys.HostAddress;
import dev.keyway.keys.KnownHostsFile;
import dev.keyway.transport.ServerHostKey;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * StrictHostKeyChecking as {@code keyway ssh} applies it: {@code no} lets a changed key in with
 * a warning and without vouching for it, the other settings refuse it, and a revoked key is
 * refused by all.
 */
class HostKeyCheckTest {
    private static final HostAddress HOST = new HostAddress("127.0.0.1", 2222);
    private static final ServerHostKey KNOWN = hostKey();
    private static final ServerHostKey OTHER = hostKey();

    @TempDir
    Path dir;
    private final ByteArrayOutputStream warnings = new ByteArrayOutputStream();

    @Test
    void noLetsAChangedKeyInWithAWarningButDoesNotVouchForIt() throws Exception {
        Path knownHosts = knownHosts("", KNOWN);
        HostKeyCheck check = check("no", knownHosts);
        assertTrue(check.verify(KNOWN));
        assertTrue(check.vouchedFor(KNOWN));
        assertEquals("", shown(), "a known key is no news");

        assertTrue(check.verify(OTHER), "no: connect all the same");
        assertFalse(check.vouchedFor(OTHER));
        assertTrue(check.vouchedFor(KNOWN));
        String warning = shown();
        assertTrue(warning.contains("WARNING: THE HOST KEY IS NOT THE ONE KNOWN_HOSTS HOLDS!"), warning);
        assertTrue(warning.contains("The ssh-ed25519 key [127.0.0.1]:2222 sent is not the one in " + knownHosts
                + " (line 1)."), warning);
        assertTrue(warning.contains(OTHER.fingerprint()), warning);
        assertTrue(warning.contains("Password authentication is disabled to avoid man-in-the-middle attacks.\n"
                + "Keyboard-interactive authentication is disabled to avoid man-in-the-middle attacks."), warning);
        assertTrue(check.refusal().isEmpty(), "nothing was refused");
        assertEquals(1, Files.readAllLines(knownHosts).size(), "a changed key is not recorded");
    }

    @Test
    void noRecordsAnUnknownKeyAndVouchesForIt() throws Exception {
        Path knownHosts = dir.resolve("known_hosts");
        HostKeyCheck check = check("off", knownHosts);
        assertTrue(check.verify(OTHER));
        assertTrue(check.vouchedFor(OTHER));
        assertEquals("", shown());
        assertTrue(Files.readString(knownHosts).contains(encoded(OTHER)), "recorded as accept-new does");
    }

    @Test
    void yesAndAcceptNewRefuseAChangedKey() throws Exception {
        for (String setting : new String[] {"yes", "accept-new", "ask"}) {
            HostKeyCheck check = check(setting, knownHosts("", KNOWN));
            assertFalse(check.verify(OTHER), setting);
            assertTrue(check.refusal().orElseThrow().endsWith("Host key verification failed."), setting);
        }
        assertEquals("", shown(), "a refusal is reported by whoever connects, once");
    }

    @Test
    void aRevokedKeyIsRefusedEvenWithNo() throws Exception {
        HostKeyCheck check = check("no", knownHosts("@revoked ", OTHER));
        assertFalse(check.verify(OTHER));
        assertTrue(check.refusal().orElseThrow().contains("@revoked"), check.refusal().orElseThrow());
    }

    private HostKeyCheck check(String setting, Path knownHosts) {
        return HostKeyCheck.of(setting, new KnownHostsFile(knownHosts), HOST,
                new PrintStream(warnings, true, StandardCharsets.UTF_8));
    }

    private String shown() {
        String text = warnings.toString(StandardCharsets.UTF_8);
        warnings.reset();
        return text;
    }

    private Path knownHosts(String marker, ServerHostKey key) throws Exception {
        return Files.writeString(dir.resolve("known_hosts"), marker + HOST + " ssh-ed25519 " + encoded(key) + "\n");
    }

    private static String encoded(ServerHostKey key) {
        return Base64.getEncoder().encodeToString(key.blob());
    }

    private static ServerHostKey hostKey() {
        KeyPair pair = AlgorithmRegistry.loadDefault().signature("ssh-ed25519").orElseThrow()
                .generateKeyPair(new SecureRandom());
        return new ServerHostKey("ssh-ed25519", PublicKeyBlob.encode(pair.getPublic()), pair.getPublic());
    }
}
