package dev.keyway.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyway.transport.ServerHostKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnownHostsVerifierTest {
    private static final HostAddress HOST = new HostAddress("server.example", 2222);
    private static final OpenSshPublicKey A = TestKeys.ED25519_A;
    private static final OpenSshPublicKey B = TestKeys.ED25519_B;

    @TempDir
    Path dir;

    private static ServerHostKey offered(OpenSshPublicKey key) throws Exception {
        return new ServerHostKey(key.keyType(), key.blob(), key.publicKey());
    }

    private KnownHostsFile fileWith(String text) throws Exception {
        Path path = dir.resolve("known_hosts");
        Files.writeString(path, text, StandardCharsets.UTF_8);
        return new KnownHostsFile(path);
    }

    @Test
    void strictAcceptsAKnownKeyAndRefusesAnUnknownOneWithTheLineToAdd() throws Exception {
        KnownHostsFile file = fileWith("[server.example]:2222 " + A.toLine() + "\n");
        KnownHostsVerifier strict = KnownHostsVerifier.strict(file, HOST);
        assertTrue(strict.verify(offered(A)));
        assertEquals(Optional.empty(), strict.lastRejection());

        KnownHostsVerifier elsewhere = KnownHostsVerifier.strict(file, HostAddress.of("server.example"));
        assertFalse(elsewhere.verify(offered(A)));
        HostKeyRejection r = elsewhere.lastRejection().orElseThrow();
        assertEquals(HostKeyRejection.Reason.UNKNOWN_HOST, r.reason());
        assertEquals(A.fingerprint(), r.fingerprint());
        assertEquals(Optional.of("server.example " + A.toLine()), r.fixLine());
        assertTrue(r.message().contains(A.fingerprint()));
        assertTrue(r.message().contains("server.example " + A.toLine()));
    }

    @Test
    void aChangedKeyIsRefusedUnderEveryPolicyAndNamesTheOffendingLine() throws Exception {
        KnownHostsFile file = fileWith("# header\n[server.example]:2222 " + A.toLine() + "\n");
        List<HostKeyRejection> heard = new ArrayList<>();
        for (KnownHostsVerifier v : List.of(KnownHostsVerifier.strict(file, HOST),
                KnownHostsVerifier.acceptNew(file, HOST, false),
                KnownHostsVerifier.asking(file, HOST, false, (h, k) -> HostKeyPrompt.Answer.ACCEPT_AND_REMEMBER))) {
            assertFalse(v.onRejection(heard::add).verify(offered(B)));
        }
        assertEquals(3, heard.size());
        for (HostKeyRejection r : heard) {
            assertEquals(HostKeyRejection.Reason.CHANGED, r.reason());
            assertEquals(List.of(2), r.offendingLines());
            assertEquals(B.fingerprint(), r.fingerprint());
            assertEquals(Optional.of("[server.example]:2222 " + B.toLine()), r.fixLine());
        }
        assertEquals(2, Files.readAllLines(file.path()).size(), "nothing may be appended for a changed key");
    }

    @Test
    void aRevokedKeyIsRefusedWithNoFix() throws Exception {
        KnownHostsFile file = fileWith("@revoked * " + A.toLine() + "\n");
        KnownHostsVerifier v = KnownHostsVerifier.acceptNew(file, HOST, true);
        assertFalse(v.verify(offered(A)));
        HostKeyRejection r = v.lastRejection().orElseThrow();
        assertEquals(HostKeyRejection.Reason.REVOKED, r.reason());
        assertEquals(Optional.empty(), r.fixLine());
        assertEquals(List.of(1), r.offendingLines());
    }

    @Test
    void acceptNewRecordsAnUnknownKeyOnceAndThenMatchesIt() throws Exception {
        KnownHostsFile file = new KnownHostsFile(dir.resolve("new/known_hosts"));
        KnownHostsVerifier v = KnownHostsVerifier.acceptNew(file, HOST, true);
        assertTrue(v.verify(offered(A)));
        assertTrue(v.verify(offered(A)));
        KnownHosts recorded = file.load();
        assertEquals(1, recorded.lines().size());
        assertTrue(recorded.lines().get(0).entry().isHashed());
        assertEquals(HostKeyStatus.MATCH, recorded.lookup(HOST, A.keyType(), A.blob()).status());
        assertTrue(KnownHostsVerifier.strict(file, HOST).verify(offered(A)));
    }

    @Test
    void askingFollowsTheAnswerAndAsksAgainOnlyWhenNothingWasRemembered() throws Exception {
        KnownHostsFile file = new KnownHostsFile(dir.resolve("known_hosts"));
        AtomicInteger asked = new AtomicInteger();
        KnownHostsVerifier once = KnownHostsVerifier.asking(file, HOST, false, (h, k) -> {
            asked.incrementAndGet();
            return HostKeyPrompt.Answer.ACCEPT_ONCE;
        });
        assertTrue(once.verify(offered(A)));
        assertTrue(once.verify(offered(A)));
        assertEquals(1, asked.get());
        assertEquals(KnownHosts.empty(), file.load());

        KnownHostsVerifier no = KnownHostsVerifier.asking(file, HOST, false, (h, k) -> HostKeyPrompt.Answer.REJECT);
        assertFalse(no.verify(offered(A)));
        assertEquals(HostKeyRejection.Reason.DECLINED, no.lastRejection().orElseThrow().reason());

        KnownHostsVerifier broken = KnownHostsVerifier.asking(file, HOST, false, (h, k) -> {
            throw new IllegalStateException("no terminal");
        });
        assertFalse(broken.verify(offered(A)));

        KnownHostsVerifier yes = KnownHostsVerifier.asking(file, HOST, false,
                (h, k) -> HostKeyPrompt.Answer.ACCEPT_AND_REMEMBER);
        assertTrue(yes.verify(offered(A)));
        assertEquals("[server.example]:2222 " + A.toLine(), Files.readString(file.path()).strip());
    }

    @Test
    void anUnreadableFileRefusesTheKey() throws Exception {
        Path notAFile = Files.createDirectory(dir.resolve("known_hosts"));
        KnownHostsVerifier v = KnownHostsVerifier.acceptNew(new KnownHostsFile(notAFile), HOST, false);
        assertFalse(v.verify(offered(A)));
        assertEquals(HostKeyRejection.Reason.KNOWN_HOSTS_UNUSABLE, v.lastRejection().orElseThrow().reason());
    }
}
