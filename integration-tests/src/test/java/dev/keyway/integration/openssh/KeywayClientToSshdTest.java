package dev.keyway.integration.openssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.api.DisconnectReason;
import dev.keyway.api.spi.AlgorithmProvider;
import dev.keyway.integration.AlgorithmCombination;
import dev.keyway.transport.ServerHostKey;
import dev.keyway.transport.SshTransport;
import dev.keyway.transport.TransportConfig;
import dev.keyway.transport.TransportEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Keyway client against a real OpenSSH server, for every key exchange × host key ×
 * cipher (× MAC) Keyway offers, and each algorithm of each provider: the key exchange with a
 * real host key check, SERVICE_REQUEST and ACCEPT (RFC 4253 §10), a publickey login signed
 * over the session identifier (RFC 4252 §7), a client-initiated re-exchange (RFC 4253 §9), an
 * IGNORE and a global request under the new keys, and a clean SSH_MSG_DISCONNECT that sshd logs
 * as received.
 */
class KeywayClientToSshdTest {
    private static final Deadline.Limit SESSION_LIMIT = Deadline.Limit.ofSeconds(15);
    private static final String STRICT_SERVER = "kex-strict-s-v00@openssh.com";

    @TempDir
    static Path sshdDirectory;
    private static OpenSshInstallation openSsh;
    private static SshdServer sshd;
    private static SshdAlgorithms common;
    private static PublicKeyLogin login;

    @BeforeAll
    static void startSshd() throws Exception {
        openSsh = OpenSshInstallation.require();
        AlgorithmRegistry all = AlgorithmRegistry.loadDefault();
        common = SshdAlgorithms.common(all, openSsh);
        sshd = SshdServer.start(openSsh, sshdDirectory, common);
        login = new PublicKeyLogin(all, PublicKeyLogin.currentUser());
        sshd.authorize(login.authorizedKeysLine());
    }

    @AfterAll
    static void stopSshd() {
        if (sshd != null) {
            boolean survived = sshd.isAlive();
            String log = sshd.log();
            sshd.close();
            assertTrue(survived, "sshd exited during the tests; its log:\n" + log);
        }
    }

    /**
     * The whole matrix with the default provider ranking (the JDK first), then Bouncy Castle's
     * implementations preferred: every cipher and MAC with one key exchange and host key, and
     * every key exchange and host key with one cipher, which covers each of its algorithms once
     * while keeping the run short.
     */
    static Stream<Arguments> combinations() {
        List<Arguments> out = new ArrayList<>();
        for (AlgorithmCombination c : AlgorithmCombination.all(registryPreferring("jca"))) {
            out.add(Arguments.of("jca", c));
        }
        AlgorithmRegistry bc = registryPreferring("bouncycastle");
        List<AlgorithmCombination> bcRuns = new ArrayList<>(
                AlgorithmCombination.cipherAndMacPairs(bc, "curve25519-sha256", "ssh-ed25519"));
        bcRuns.addAll(AlgorithmCombination.kexAndHostKeyPairs(bc, "aes128-ctr", "hmac-sha2-256"));
        for (AlgorithmCombination c : bcRuns) {
            out.add(Arguments.of("bouncycastle", c));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("combinations")
    void keyExchangeServiceRequestRekeyAndDisconnect(String preferredProvider, AlgorithmCombination c)
            throws Exception {
        for (String name : new String[] {c.kex(), c.hostKey(), c.cipher(), c.mac()}) {
            assumeTrue(name == null || common.offers(name),
                    "OpenSSH " + openSsh.major() + "." + openSsh.minor() + " does not implement " + name);
        }
        AlgorithmRegistry registry = registryPreferring(preferredProvider);
        String keyType = registry.signature(c.hostKey()).orElseThrow().keyType();
        OpenSshHostKey expectedKey = sshd.hostKey(keyType);
        AtomicReference<ServerHostKey> offered = new AtomicReference<>();
        TransportConfig config = TransportConfig.builder(registry)
                .policy(c.policy())
                // A real check: the fingerprint ssh-keygen printed for sshd's key file of this type.
                .hostKeyVerifier(key -> {
                    offered.set(key);
                    return key.keyType().equals(expectedKey.keyType())
                            && key.fingerprint().equals(expectedKey.fingerprint());
                })
                .build();

        Deadline deadline = SESSION_LIMIT.start();
        try (BlockingTransport t = BlockingTransport.connect(sshd.port(), SshTransport.client(config), deadline)) {
            try {
                runSession(t, c, expectedKey, deadline);
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\nverifier was offered: "
                        + (offered.get() == null ? "nothing" : offered.get().fingerprint())
                        + "\nsshd's log of this connection:\n" + sshd.logOf(t.localPort()), e);
            }
        }
    }

    private static void runSession(BlockingTransport t, AlgorithmCombination c, OpenSshHostKey expectedKey,
            Deadline deadline) throws Exception {
        TransportEvent.KexInitReceived serverInit = t.await(TransportEvent.KexInitReceived.class, e -> true,
                "sshd's KEXINIT", deadline);
        TransportEvent.HostKeyAccepted accepted = t.await(TransportEvent.HostKeyAccepted.class, e -> true,
                "the host key check", deadline);
        assertEquals(expectedKey.fingerprint(), accepted.hostKey().fingerprint());
        assertEquals(c.hostKey(), accepted.hostKey().algorithm());
        TransportEvent.KeysEstablished first = t.await(TransportEvent.KeysEstablished.class, e -> true,
                "the first NEWKEYS", deadline);
        assertEquals(1, first.keyExchangeCount());
        assertEquals(serverInit.kexInit().kexAlgorithms().contains(STRICT_SERVER), first.strictKex(),
                "strict KEX must be on exactly when sshd offers it");
        assertEquals(c.expected(), t.engine().algorithms().orElseThrow());

        t.engine().send(ServiceLayerMessages.serviceRequest(ServiceLayerMessages.USERAUTH));
        TransportEvent.ServiceMessage accept = t.await(TransportEvent.ServiceMessage.class, e -> true,
                "SERVICE_ACCEPT", deadline);
        assertEquals(ServiceLayerMessages.SERVICE_ACCEPT, accept.messageNumber());
        assertEquals(ServiceLayerMessages.USERAUTH, ServiceLayerMessages.serviceName(accept.payload()));
        // RFC 8308 §2.4: sshd answers ext-info-c with EXT_INFO right after its first NEWKEYS.
        assertTrue(t.history().stream().anyMatch(e -> e instanceof TransportEvent.ExtensionInfo x
                && x.serverSigAlgs().isPresent()), "no EXT_INFO with server-sig-algs from sshd");

        // sshd takes no KEXINIT before user authentication succeeds (it answers UNIMPLEMENTED),
        // so the re-exchange follows a publickey login, which also proves the session id right.
        t.engine().send(login.request(t.engine().sessionId().orElseThrow()));
        TransportEvent.ServiceMessage loggedIn = t.await(TransportEvent.ServiceMessage.class, e -> true,
                "the answer to the publickey login", deadline);
        assertEquals(PublicKeyLogin.USERAUTH_SUCCESS, loggedIn.messageNumber(), "publickey login refused");

        t.engine().requestRekey();
        TransportEvent.KeysEstablished second = t.await(TransportEvent.KeysEstablished.class, e -> true,
                "the re-exchange's NEWKEYS", deadline);
        assertEquals(2, second.keyExchangeCount());
        assertEquals(c.expected(), t.engine().algorithms().orElseThrow());

        // Under the new keys: an IGNORE, then a request sshd must open and answer.
        t.engine().sendIgnore(new byte[1000]);
        t.engine().send(ServiceLayerMessages.unknownGlobalRequest());
        TransportEvent.ServiceMessage refused = t.await(TransportEvent.ServiceMessage.class,
                e -> e.messageNumber() == ServiceLayerMessages.REQUEST_FAILURE, "REQUEST_FAILURE", deadline);
        assertEquals(1, refused.payload().length);

        t.engine().disconnect(DisconnectReason.BY_APPLICATION, "keyway interop test done");
        t.awaitEndOfStream(deadline);
        assertTrue(t.history().stream().noneMatch(e -> e instanceof TransportEvent.Disconnected d && d.byPeer()),
                "sshd disconnected us: " + t.describe());
        // sshd logs "Received disconnect from 127.0.0.1 port P:11: <text> [preauth]" once it opened it.
        String received = "Received disconnect from 127.0.0.1 port " + t.localPort() + ":11: keyway interop test done";
        while (!sshd.log().contains(received) && !deadline.expired()) {
            deadline.pause(10);
        }
        assertTrue(sshd.log().contains(received), "sshd did not log our SSH_MSG_DISCONNECT");
    }

    /**
     * sshd answers a KEXINIT before user authentication with SSH_MSG_UNIMPLEMENTED. The engine
     * must drop that re-exchange and go on with the keys it has, not hold every later message
     * while it waits for an answer that never comes.
     */
    @org.junit.jupiter.api.Test
    void aRekeyRefusedBeforeLoginLeavesTheSessionWorking() throws Exception {
        AlgorithmRegistry registry = registryPreferring("jca");
        Deadline deadline = SESSION_LIMIT.start();
        TransportConfig config = TransportConfig.builder(registry)
                .hostKeyVerifier(key -> key.fingerprint().equals(sshd.hostKey(key.keyType()).fingerprint()))
                .build();
        try (BlockingTransport t = BlockingTransport.connect(sshd.port(), SshTransport.client(config), deadline)) {
            t.await(TransportEvent.KeysEstablished.class, e -> true, "the first NEWKEYS", deadline);
            t.engine().send(ServiceLayerMessages.serviceRequest(ServiceLayerMessages.USERAUTH));
            t.await(TransportEvent.ServiceMessage.class, e -> e.messageNumber() == ServiceLayerMessages.SERVICE_ACCEPT,
                    "SERVICE_ACCEPT", deadline);
            t.engine().requestRekey();
            t.await(TransportEvent.DebugMessage.class, e -> e.message().contains("refused a key re-exchange"),
                    "the refusal of the re-exchange", deadline);
            // The session goes on: a login request is sent (not held) and answered.
            t.engine().send(login.request(t.engine().sessionId().orElseThrow()));
            TransportEvent.ServiceMessage loggedIn = t.await(TransportEvent.ServiceMessage.class, e -> true,
                    "the answer to the publickey login", deadline);
            assertEquals(PublicKeyLogin.USERAUTH_SUCCESS, loggedIn.messageNumber());
            t.engine().requestRekey();
            assertEquals(2, t.await(TransportEvent.KeysEstablished.class, e -> true,
                    "the re-exchange after login", deadline).keyExchangeCount());
            t.engine().disconnect(DisconnectReason.BY_APPLICATION, "done");
            t.awaitEndOfStream(deadline);
        }
    }

    static AlgorithmRegistry registryPreferring(String provider) {
        return AlgorithmRegistry.builder().addAll(ServiceLoader.load(AlgorithmProvider.class))
                .preferProviders(provider).build();
    }
}
