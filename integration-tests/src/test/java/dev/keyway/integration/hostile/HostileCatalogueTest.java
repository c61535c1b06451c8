package dev.keyway.integration.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.api.DisconnectReason;
import dev.keyway.integration.openssh.Deadline;
import dev.keyway.ssh.SshServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the hostile-peer catalogue ({@link HostileCatalogue}) against a real Keyway server on
 * 127.0.0.1 ({@link TargetServer}): each case on a connection of its own, the attacker a Keyway
 * client engine that crafts what it sends ({@link HostilePeer}), each bounded in time. Also
 * keeps docs/hostile-peers.md in step with the catalogue (run with {@code
 * -Dkeyway.writeDocs=true} to rewrite its copy after changing a case).
 */
class HostileCatalogueTest {
    private static final Path DOC = Path.of("../docs/hostile-peers.md");
    private static final String START = "<!-- generated from HostileCatalogue: start -->";
    private static final String END = "<!-- generated from HostileCatalogue: end -->";
    private static final Deadline.Limit CASE_LIMIT = Deadline.Limit.ofSeconds(10);
    private static final AlgorithmRegistry REGISTRY = AlgorithmRegistry.loadDefault();
    /**
     * The server's log (System.Logger, hence java.util.logging here) says what it refused, a line
     * or two a session: for a thousand sessions, the failures' own messages say it better.
     */
    private static final Logger SERVER_LOG = Logger.getLogger("dev.keyway.ssh.server");
    private static SshServer server;
    private static int port;
    private static Level logLevel;

    @BeforeAll
    static void startServer() throws IOException {
        logLevel = SERVER_LOG.getLevel();
        SERVER_LOG.setLevel(Level.SEVERE);
        server = TargetServer.build(REGISTRY);
        port = server.start().getPort();
    }

    @AfterAll
    static void stopServer() {
        server.close();
        SERVER_LOG.setLevel(logLevel);
    }

    @TestFactory
    Stream<DynamicNode> everyCase() {
        return Stream.of(Layer.values()).map(layer -> DynamicContainer.dynamicContainer(layer.name(),
                HostileCatalogue.cases().stream().filter(c -> c.layer() == layer).map(HostileCatalogueTest::test)));
    }

    @TestFactory
    Stream<DynamicNode> everySweep() {
        return HostileCatalogue.sweeps().stream().map(s -> DynamicContainer.dynamicContainer(s.name(),
                s.cases().stream().map(HostileCatalogueTest::test)));
    }

    /**
     * Each kind of check fails on a wrong expectation: a case whose outcome or follow-up is
     * not what the server does, or an UNIMPLEMENTED that names another packet, is reported.
     */
    @TestFactory
    Stream<DynamicTest> wrongExpectationsFail() {
        HostileCase otherPacket = new HostileCase("UNIMPLEMENTED naming an earlier packet", Layer.CONNECTION,
                Stage.CONNECTION, PeerSetup.DEFAULT, "message 200, then an IGNORE", "RFC 4253 §11.4", p -> {
                    p.sendRaw(Wire.message(200));
                    p.sendRaw(Wire.ignore(new byte[0]));
                }, Outcome.replied(Reply.unimplemented()));
        return Stream.of(
                named("packet_length 0").expecting(Outcome.disconnect(DisconnectReason.MAC_ERROR)),
                named("wrong password").expecting(Outcome.unanswered()),
                named("unknown request").expecting(Outcome.unanswered()),
                named("second NEWKEYS").expecting(Outcome.hungUp()),
                named("second NEWKEYS").expecting(Outcome.unanswered()),
                named("DISCONNECT").expecting(Outcome.disconnect(DisconnectReason.BY_APPLICATION)),
                named("1000 requests wanting replies").expecting(Outcome.repliedEach(999, Reply.channelFailure())),
                otherPacket)
                .map(c -> DynamicTest.dynamicTest(c.name() + " expecting " + c.outcome().description(),
                        () -> assertThrows(AssertionError.class, () -> run(c))));
    }

    private static HostileCase named(String name) {
        return HostileCatalogue.cases().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private static DynamicTest test(HostileCase c) {
        return DynamicTest.dynamicTest(c.name(), () -> run(c));
    }

    private static void run(HostileCase c) throws IOException {
        try (HostilePeer peer = HostilePeer.connect(port, c.setup(), REGISTRY, CASE_LIMIT.start())) {
            c.stage().reach(peer);
            c.attack().run(peer);
            c.outcome().verify(peer, c.stage());
        }
    }

    @Test
    void theCatalogueCoversEveryLayerUnderDistinctNames() {
        List<HostileCase> cases = HostileCatalogue.cases();
        assertTrue(cases.size() >= 80, cases.size() + " cases");
        for (Layer layer : Layer.values()) {
            long n = cases.stream().filter(c -> c.layer() == layer).count();
            assertTrue(n >= 20, layer + " has " + n + " cases");
        }
        Set<String> names = new HashSet<>();
        Stream.concat(cases.stream(), HostileCatalogue.sweeps().stream().flatMap(s -> s.cases().stream()))
                .forEach(c -> assertTrue(names.add(c.layer() + " " + c.name()), "two cases named " + c));
    }

    @Test
    void theDocumentShowsTheCatalogueAsItIs() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int start = doc.indexOf(START);
        int end = doc.indexOf(END);
        assertTrue(start >= 0 && end > start, "docs/hostile-peers.md has no generated catalogue");
        String catalogue = HostileCatalogue.markdown();
        if (Boolean.getBoolean("keyway.writeDocs")) {
            Files.writeString(DOC, doc.substring(0, start + START.length()) + catalogue + doc.substring(end),
                    StandardCharsets.UTF_8);
            return;
        }
        assertEquals(catalogue, doc.substring(start + START.length(), end),
                "docs/hostile-peers.md is out of date: rerun with -Dkeyway.writeDocs=true");
    }
}
