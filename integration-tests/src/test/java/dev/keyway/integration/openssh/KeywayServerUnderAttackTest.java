package dev.keyway.integration.openssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyway.api.AlgorithmCategory;
import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.api.DisconnectReason;
import dev.keyway.api.wire.SshWriter;
import dev.keyway.transport.AlgorithmPolicy;
import dev.keyway.transport.KexInit;
import dev.keyway.transport.SshTransport;
import dev.keyway.transport.TransportConfig;
import dev.keyway.transport.TransportEvent;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attacks of issue 8, which took {@code keyway server} down before the engines were
 * reworked, replayed against {@code keyway server} run as a program with a 160 MiB heap
 * ({@link ServerUnderAttack}), one server per attack. After each, the server must still accept
 * and let OpenSSH's {@code ssh} log in with a key and run {@code echo ok}, and its heap after a
 * full collection must be back near where it was; the heap ({@code jcmd}) and the CPU time
 * ({@code /proc}) each attack cost are printed, and surefire keeps them in the test report.
 * docs/attacks.md sums up what the server does.
 *
 * <p>The ninth attack of the list, a server whose DISCONNECT text holds terminal escapes, aims
 * at {@code keyway ssh} rather than the server: {@code KeywaySshHostileServerTest} replays it.
 */
class KeywayServerUnderAttackTest {
    private static final Deadline.Limit LIMIT = Deadline.Limit.ofSeconds(120);
    private static final long MIB = 1024 * 1024;
    private static final int PROTOCOL_ERROR = DisconnectReason.PROTOCOL_ERROR.code();
    private static final List<String> STRICT_ECDH = List.of("ecdh-sha2-nistp256", "kex-strict-c-v00@openssh.com");

    @TempDir
    Path dir;

    /** One attack on a running server, bounded by the deadline. */
    @FunctionalInterface
    private interface Attack {
        void on(ServerUnderAttack server, Deadline deadline) throws Exception;
    }

    /**
     * Starts a server with {@code options}, runs the attack on it, then checks that the server
     * recovered ({@link ServerUnderAttack#assertRecovered}) and stops it.
     */
    private void replay(String name, List<String> authorizedKeys, Attack attack, String... options) throws Exception {
        try (ServerUnderAttack server = ServerUnderAttack.start(dir, authorizedKeys, options)) {
            ServerUnderAttack.Baseline baseline = server.baseline();
            attack.on(server, LIMIT.start());
            server.assertRecovered(name, baseline);
        }
    }

    /**
     * Attack 1: peers that send small packets of unknown numbers, two in clear before any key
     * exchange and two encrypted after it, and never read the SSH_MSG_UNIMPLEMENTED answers.
     * The server stops reading them once its output reaches the high-water mark, so they stall
     * long before 64 MiB each; its heap stays within a few MiB of where it was, its event loop
     * lets {@code ssh} in during the flood, and the memory is given back once they leave.
     */
    @Test
    void peersThatSendUnknownMessagesAndNeverReadCostBoundedMemory() throws Exception {
        replay("attack 1", List.of(), (server, deadline) -> {
            long before = server.heapUsedAfterGc();
            try (NonReadingFlood flood = NonReadingFlood.connect(server.port(), 2, 2, clientConfig(server), deadline)) {
                NonReadingFlood.Outcome outcome = flood.pushUntilStalled(64 * MIB, Duration.ofSeconds(2), deadline);
                assertTrue(outcome.stalled() || outcome.peersCut() == 4,
                        "the server read whatever the flood sent, and so buffered its answers: " + outcome);
                long during = server.heapUsedAfterGc();
                report("attack 1", outcome + ", heap during the flood " + ServerUnderAttack.mib(during));
                assertTrue(during - before < 24 * MIB,
                        "four stalled peers hold " + ServerUnderAttack.mib(during - before));
                server.assertServes();
            }
        });
    }

    /**
     * Attack 2: three dozen connections at once, each sending a KEXINIT that no real client
     * sends: a name-list of 5000 names, a name of 60000 characters, ten lists of 128 names of
     * 64 characters (83 KiB, past the 64 KiB a KEXINIT may have), or a packet_length of 1 GiB.
     * Each gets DISCONNECT PROTOCOL_ERROR; MaxStartups is raised so that every one of them
     * reaches the decoder rather than being shed at the door.
     */
    @Test
    void kexInitsWithHugeNameListsAreRefusedOnManyConnectionsAtOnce() throws Exception {
        List<byte[]> attacks = List.of(
                MitmDirection.clearTextPacket(kexInit(names(5000, 4), false)),
                MitmDirection.clearTextPacket(kexInit(List.of("x".repeat(60_000)), false)),
                MitmDirection.clearTextPacket(kexInitOfTenLists(names(128, 64))),
                new SshWriter().writeUint32(1 << 30).writeByte(4).writeByte(KexInit.MESSAGE_NUMBER).toByteArray());
        replay("attack 2", List.of(), (server, deadline) -> {
            List<ClearTextPeer> peers = new ArrayList<>();
            try {
                for (int i = 0; i < 36; i++) {
                    peers.add(ClearTextPeer.connect(server.port(), deadline));
                }
                for (int i = 0; i < peers.size(); i++) {
                    peers.get(i).sendRaw(attacks.get(i % attacks.size()));
                }
                for (int i = 0; i < peers.size(); i++) {
                    byte[] answer = peers.get(i).await(ClearTextPeer.DISCONNECT, deadline);
                    assertNotNull(answer, "connection " + i + " closed without a DISCONNECT");
                    assertEquals(PROTOCOL_ERROR, ClearTextPeer.disconnectReason(answer), "connection " + i);
                }
            } finally {
                closeAll(peers);
            }
        }, "-o", "MaxStartups=100");
    }

    /**
     * Attack 3: a client that finishes the key exchange and then says nothing is cut at
     * LoginGraceTime (2 s here): DISCONNECT arrives, and the server logs why.
     */
    @Test
    void aClientSilentAfterTheKeyExchangeIsCutAtLoginGraceTime() throws Exception {
        replay("attack 3", List.of(), (server, deadline) -> {
            try (BlockingTransport t = afterKeyExchange(server, deadline)) {
                TransportEvent.Disconnected cut = t.await(TransportEvent.Disconnected.class, e -> true, "the cut",
                        deadline);
                assertTrue(cut.byPeer(), cut.toString());
                assertEquals(DisconnectReason.BY_APPLICATION, cut.reason(), cut.toString());
                assertEquals("login grace time is over", cut.description());
            }
            assertTrue(server.output().contains("LoginGraceTime: no login within 2 s"), server.output());
        }, "-o", "LoginGraceTime=2");
    }

    /**
     * Attack 4: an unauthenticated client asks for 50 re-exchanges. sshd refuses a KEXINIT
     * before login, and so does Keyway: each one is answered SSH_MSG_UNIMPLEMENTED (which the
     * client engine reports as a refused re-exchange), the server never sends a KEXINIT or an
     * ECDH reply again, so it makes no key and no signature, and the connection goes on.
     */
    @Test
    void reExchangesBeforeLoginAreRefusedWithUnimplemented() throws Exception {
        replay("attack 4", List.of(), (server, deadline) -> {
            try (BlockingTransport t = afterKeyExchange(server, deadline)) {
                for (int i = 0; i < 50; i++) {
                    t.engine().requestRekey();
                    t.await(TransportEvent.DebugMessage.class, d -> d.message().contains("refused a key re-exchange"),
                            "refusal " + (i + 1), deadline);
                }
                t.engine().send(ServiceLayerMessages.serviceRequest(ServiceLayerMessages.USERAUTH));
                TransportEvent.ServiceMessage accept = t.await(TransportEvent.ServiceMessage.class, e -> true,
                        "SERVICE_ACCEPT", deadline);
                assertEquals(ServiceLayerMessages.SERVICE_ACCEPT, accept.messageNumber());
                assertEquals(1, t.history().stream().filter(e -> e instanceof TransportEvent.KexInitReceived).count(),
                        t.describe());
                assertEquals(1, t.history().stream().filter(e -> e instanceof TransportEvent.KexEcdhReply).count(),
                        t.describe());
            }
        });
    }

    /**
     * Attack 5: with strict KEX (OpenSSH PROTOCOL §1.10), message 40, a number of the key
     * exchange range that ECDH does not use, during the first exchange gets DISCONNECT
     * PROTOCOL_ERROR. A KEXINIT whose first_kex_packet_follows guesses wrong (ecdh-sha2-nistp256
     * first, where the server prefers curve25519-sha256) has the next packet dropped whatever it
     * is (RFC 4253 §7): after message 40, NEWKEYS, IGNORE, SERVICE_REQUEST, another KEXINIT or a
     * KEX_ECDH_INIT with a bad point, the real KEX_ECDH_INIT still gets the server's reply.
     */
    @Test
    void strictKexRefusesMessage40AndAWrongGuessDropsTheNextPacketWhateverItIs() throws Exception {
        byte[] ecdhInit = new SshWriter().writeByte(ClearTextPeer.KEX_ECDH_INIT).writeString(p256Point()).toByteArray();
        byte[] message40 = {40};
        List<byte[]> guessed = List.of(message40, new byte[] {ClearTextPeer.NEWKEYS}, new byte[] {2, 0, 0, 0, 0},
                ServiceLayerMessages.serviceRequest(ServiceLayerMessages.USERAUTH),
                kexInit(List.of("curve25519-sha256"), false),
                new SshWriter().writeByte(ClearTextPeer.KEX_ECDH_INIT).writeString(new byte[65]).toByteArray());
        replay("attack 5", List.of(), (server, deadline) -> {
            try (ClearTextPeer peer = ClearTextPeer.connect(server.port(), deadline)) {
                peer.send(kexInit(STRICT_ECDH, false), message40, ecdhInit);
                byte[] answer = peer.await(ClearTextPeer.KEX_ECDH_REPLY, deadline);
                assertNotNull(answer, "closed without a DISCONNECT");
                assertEquals(ClearTextPeer.DISCONNECT, answer[0], "message 40 during a strict first exchange");
                assertEquals(PROTOCOL_ERROR, ClearTextPeer.disconnectReason(answer));
            }
            for (byte[] wrongGuess : guessed) {
                try (ClearTextPeer peer = ClearTextPeer.connect(server.port(), deadline)) {
                    peer.send(kexInit(STRICT_ECDH, true), wrongGuess, ecdhInit);
                    byte[] answer = peer.await(ClearTextPeer.KEX_ECDH_REPLY, deadline);
                    assertNotNull(answer, "closed without a reply");
                    assertEquals(ClearTextPeer.KEX_ECDH_REPLY, answer[0] & 0xff,
                            "the wrongly guessed message " + (wrongGuess[0] & 0xff) + " was not dropped");
                }
            }
        });
    }

    /**
     * Attack 6: authorized_keys options hold against {@code keyway server}: a key limited by
     * {@code from="10.9.9.9"} cannot log in from 127.0.0.1, and a key with {@code command=}
     * runs that command, whatever ssh asked for (which it gets in SSH_ORIGINAL_COMMAND).
     */
    @Test
    void authorizedKeysFromAndCommandHold() throws Exception {
        OpenSshInstallation openSsh = OpenSshInstallation.require();
        Path elsewhere = ServerUnderAttack.makeUserKey(openSsh, dir, "id_from_elsewhere");
        Path forced = ServerUnderAttack.makeUserKey(openSsh, dir, "id_forced");
        List<String> lines = List.of("from=\"10.9.9.9\" " + publicKey(elsewhere),
                "command=\"echo forced: $SSH_ORIGINAL_COMMAND\" " + publicKey(forced));
        replay("attack 6", lines, (server, deadline) -> {
            BoundedProcess.Result refused = server.ssh(elsewhere, "echo ok");
            assertEquals(255, refused.exitCode(), refused.output());
            assertTrue(refused.output().contains("Permission denied"), refused.output());
            BoundedProcess.Result commanded = server.ssh(forced, "echo ok");
            assertEquals(0, commanded.exitCode(), commanded.output());
            assertEquals("forced: echo ok\n", commanded.output());
        });
    }

    /**
     * Attack 7: descriptor exhaustion. With its limit lowered to 64 descriptors ({@code prlimit})
     * and MaxStartups raised out of the way, the server is sent connections until {@code accept}
     * fails (EMFILE) and more wait in the backlog. It must not spin on the listening socket: over
     * three seconds it uses a fraction of a second of CPU. Once the connections close it accepts
     * again and {@code ssh} logs in.
     */
    @Test
    void descriptorExhaustionNeitherSpinsNorStopsTheServer() throws Exception {
        Path prlimit = InstalledProgram.require("prlimit", "util-linux prlimit is not installed; this test needs it"
                + " (Debian: apt-get install util-linux)");
        replay("attack 7", List.of(), (server, deadline) -> {
            BoundedProcess.Result limited = BoundedProcess.run(List.of(prlimit.toString(), "--pid",
                    Long.toString(server.pid()), "--nofile=64:64"), Duration.ofSeconds(10));
            assertEquals(0, limited.exitCode(), limited.output());
            List<Socket> connections = new ArrayList<>();
            try {
                while (connections.size() < 300 && !server.output().contains("accept failed")) {
                    Socket s = new Socket();
                    connections.add(s);
                    try {
                        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()), 1000);
                    } catch (SocketTimeoutException backlogFull) {
                        break;
                    }
                }
                while (!server.output().contains("accept failed") && !deadline.expired()) {
                    deadline.pause(50);
                }
                assertTrue(server.output().contains("accept failed"), "accept never failed:\n" + server.output());
                Duration cpuBefore = server.cpuTime();
                Deadline window = Deadline.Limit.ofSeconds(3).start();
                while (!window.expired()) {
                    window.pause(100);
                }
                Duration cpu = server.cpuTime().minus(cpuBefore);
                report("attack 7", connections.size() + " connections opened; CPU " + cpu.toMillis()
                        + " ms over 3 s of EMFILE");
                assertTrue(cpu.compareTo(Duration.ofMillis(750)) < 0, "the server spins without descriptors: " + cpu);
            } finally {
                closeAll(connections);
            }
        }, "-o", "MaxStartups=1000");
    }

    /**
     * Attack 8: a client that announces a window and a maximum packet size of 2^32-1 (RFC 4254
     * §5.1 allows any uint32) and has the server send 8 MiB: the data flows, in messages no larger
     * than the transport frames, and no IllegalArgumentException (or any other) reaches the log.
     */
    @Test
    void aMaximumPacketOf2To32Minus1TakesALargeWrite() throws Exception {
        replay("attack 8", List.of(), (server, deadline) -> {
            HandWrittenSession.Result r = HandWrittenSession.run(server.port(), clientConfig(server),
                    ServerUnderAttack.USER, ServerUnderAttack.PASSWORD, 0xffffffffL, 0xffffffffL,
                    "head -c 8388608 /dev/zero", deadline);
            report("attack 8", r.bytes() + " bytes, largest CHANNEL_DATA " + r.largestMessage());
            assertEquals(8 * MIB, r.bytes());
            assertEquals(0, r.exitStatus());
            assertTrue(r.largestMessage() <= 256 * 1024, "a data message of " + r.largestMessage() + " bytes");
        });
    }

    /**
     * Attack 10: a compression bomb. {@code ssh -C} gets {@code zlib@openssh.com} (RFC 4253 §6.2,
     * from the login on); then a client that logged in with it sends one packet of a few
     * kilobytes that inflates to 64 MiB of zeros. The server stops inflating at its largest
     * payload (256 KiB) and ends that session with DISCONNECT COMPRESSION_ERROR; its heap never
     * sees the 64 MiB.
     */
    @Test
    void aCompressionBombEndsItsSessionWithCompressionError() throws Exception {
        replay("attack 10", List.of(), (server, deadline) -> {
            BoundedProcess.Result compressed = server.ssh(dir.resolve("id_ed25519"), "echo ok", "-C", "-v");
            assertEquals(0, compressed.exitCode(), compressed.output());
            assertTrue(compressed.output().contains("compression: zlib@openssh.com"), compressed.output());
            TransportConfig zlib = TransportConfig.builder(AlgorithmRegistry.loadDefault())
                    .hostKeyVerifier(server.hostKeyVerifier())
                    .policy(AlgorithmPolicy.defaults().with(AlgorithmCategory.COMPRESSION, "zlib@openssh.com"))
                    .build();
            try (BlockingTransport t = BlockingTransport.connect(server.port(), SshTransport.client(zlib), deadline)) {
                t.await(TransportEvent.KeysEstablished.class, e -> true, "the key exchange", deadline);
                t.engine().send(ServiceLayerMessages.serviceRequest(ServiceLayerMessages.USERAUTH));
                t.await(TransportEvent.ServiceMessage.class, m -> m.messageNumber() == ServiceLayerMessages.SERVICE_ACCEPT,
                        "SERVICE_ACCEPT", deadline);
                t.engine().send(ServiceLayerMessages.userAuthPassword(ServerUnderAttack.USER, ServerUnderAttack.PASSWORD));
                t.await(TransportEvent.ServiceMessage.class, m -> m.messageNumber() == ServiceLayerMessages.USERAUTH_SUCCESS,
                        "USERAUTH_SUCCESS", deadline);
                byte[] bomb = new byte[64 << 20];
                bomb[0] = (byte) ServiceLayerMessages.CHANNEL_DATA;
                t.engine().dangerSendRawPayload(bomb);
                long onWire = t.engine().pendingOutput();
                TransportEvent.Disconnected end = t.await(TransportEvent.Disconnected.class, d -> true,
                        "the server's DISCONNECT", deadline);
                report("attack 10", "a " + onWire + "-byte packet inflating to 64 MiB: " + end.reason() + " "
                        + end.description());
                assertTrue(onWire < 128 * 1024, "the bomb is small on the wire: " + onWire);
                assertEquals(DisconnectReason.COMPRESSION_ERROR, end.reason());
                assertTrue(end.byPeer());
            }
        });
    }

    private static TransportConfig clientConfig(ServerUnderAttack server) {
        return TransportConfig.builder(AlgorithmRegistry.loadDefault()).hostKeyVerifier(server.hostKeyVerifier())
                .build();
    }

    /** A Keyway client on 127.0.0.1 that has finished its key exchange with the server. */
    private static BlockingTransport afterKeyExchange(ServerUnderAttack server, Deadline deadline) throws Exception {
        BlockingTransport t = BlockingTransport.connect(server.port(), SshTransport.client(clientConfig(server)),
                deadline);
        try {
            t.await(TransportEvent.KeysEstablished.class, e -> true, "the key exchange", deadline);
            return t;
        } catch (Exception | Error e) {
            t.close();
            throw e;
        }
    }

    private static void closeAll(List<? extends AutoCloseable> connections) throws Exception {
        for (AutoCloseable c : connections) {
            c.close();
        }
    }

    /** {@code count} distinct names of {@code length} characters. */
    private static List<String> names(int count, int length) {
        return IntStream.range(0, count).mapToObj(i -> String.format("%0" + length + "d", i)).toList();
    }

    /**
     * A client KEXINIT with these key exchange names, an ed25519 host key and algorithms the
     * server has; {@code guessFollows} sets first_kex_packet_follows.
     */
    private static byte[] kexInit(List<String> kex, boolean guessFollows) {
        List<String> cipher = List.of("aes128-ctr");
        List<String> mac = List.of("hmac-sha2-256");
        List<String> none = List.of("none");
        return new KexInit(new byte[KexInit.COOKIE_LENGTH], kex, List.of("ssh-ed25519"), cipher, cipher, mac, mac,
                none, none, List.of(), List.of(), guessFollows).encode();
    }

    /** A KEXINIT whose ten name-lists all hold {@code names}. */
    private static byte[] kexInitOfTenLists(List<String> names) {
        return new KexInit(new byte[KexInit.COOKIE_LENGTH], names, names, names, names, names, names, names, names,
                names, names, false).encode();
    }

    /** A fresh P-256 public key as SSH carries it (RFC 5656 §4): the uncompressed point 04 || x || y. */
    private static byte[] p256Point() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        ECPublicKey key = (ECPublicKey) g.generateKeyPair().getPublic();
        byte[] point = new byte[65];
        point[0] = 4;
        putFixed(key.getW().getAffineX(), point, 1);
        putFixed(key.getW().getAffineY(), point, 33);
        return point;
    }

    /** {@code v} as 32 big-endian bytes at {@code off} (its sign byte, if any, dropped). */
    private static void putFixed(BigInteger v, byte[] dst, int off) {
        byte[] b = v.toByteArray();
        int n = Math.min(b.length, 32);
        System.arraycopy(b, b.length - n, dst, off + 32 - n, n);
    }

    private static String publicKey(Path privateKey) throws Exception {
        return Files.readString(Path.of(privateKey + ".pub"), StandardCharsets.US_ASCII).trim();
    }

    /** Prints a measured figure: surefire keeps it in the test's report (system-out). */
    private static void report(String attack, String figures) {
        System.out.println(attack + ": " + figures);
    }
}
