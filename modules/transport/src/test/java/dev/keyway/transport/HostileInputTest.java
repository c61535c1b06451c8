package dev.keyway.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyway.api.AlgorithmCategory;
import dev.keyway.api.DisconnectReason;
import dev.keyway.api.spi.KeyExchangeAlgorithm;
import dev.keyway.api.wire.SshWriter;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A peer that breaks the protocol gets SSH_MSG_DISCONNECT with the RFC 4253 §11.1 reason that
 * fits, at once, and the engine closes; nothing throws into the caller.
 */
class HostileInputTest {

    private static TransportConfig serverConfig(boolean strict) {
        return TransportConfig.builder(TestKeys.JCA_FIRST).hostKeys(TestKeys.allHostKeys()).strictKex(strict).build();
    }

    private static TransportConfig clientConfig() {
        return TransportConfig.builder(TestKeys.JCA_FIRST).hostKeyVerifier(HostKeyVerifier.dangerAcceptAny()).build();
    }

    private static TransportEvent.Disconnected disconnectOf(SshTransport t) {
        for (TransportEvent e; (e = t.pollEvent()) != null; ) {
            if (e instanceof TransportEvent.Disconnected d) {
                return d;
            }
        }
        throw new AssertionError("no disconnect");
    }

    private static byte[] kexInit(List<String> kex, boolean guessFollows) {
        List<String> hostKeys = List.of("ssh-ed25519");
        List<String> ciphers = List.of("aes128-ctr");
        List<String> macs = List.of("hmac-sha2-256");
        return new KexInit(new byte[16], kex, hostKeys, ciphers, ciphers, macs, macs,
                List.of("none"), List.of("none"), List.of(), List.of(), guessFollows).encode();
    }

    @Test
    void aClientThatDoesNotSpeakSshIsRefused() {
        SshTransport server = SshTransport.server(serverConfig(true));
        server.receive(ClearPackets.line("GET / HTTP/1.1"));
        assertEquals(DisconnectReason.PROTOCOL_ERROR, disconnectOf(server).reason());
        assertTrue(server.isClosed());
    }

    @Test
    void sshVersionOneIsRefused() {
        SshTransport server = SshTransport.server(serverConfig(true));
        server.receive(ClearPackets.line("SSH-1.5-old"));
        assertEquals(DisconnectReason.PROTOCOL_VERSION_NOT_SUPPORTED, disconnectOf(server).reason());
    }

    @Test
    void anOversizedPacketLengthIsRefusedBeforeTheBodyArrives() {
        SshTransport server = SshTransport.server(serverConfig(true));
        server.receive(ClearPackets.line("SSH-2.0-hostile"));
        server.receive(new byte[] {0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xf0});
        TransportEvent.Disconnected d = disconnectOf(server);
        assertEquals(DisconnectReason.PROTOCOL_ERROR, d.reason());
        assertTrue(d.description().contains("packet length"), d.description());
    }

    @Test
    void aServiceMessageBeforeTheKeyExchangeIsRefused() {
        SshTransport server = SshTransport.server(serverConfig(false));
        server.receive(ClearPackets.line("SSH-2.0-hostile"));
        server.receive(ClearPackets.frame(new byte[] {50, 0, 0, 0, 0}));
        assertEquals(DisconnectReason.PROTOCOL_ERROR, disconnectOf(server).reason());
    }

    @Test
    void strictKexRefusesAnythingBeforeKexInit() {
        SshTransport server = SshTransport.server(serverConfig(true));
        server.receive(ClearPackets.line("SSH-2.0-hostile"));
        // Terrapin: an IGNORE slipped in before KEXINIT shifts the sequence numbers.
        server.receive(ClearPackets.frame(new SshWriter().writeByte(2).writeString(new byte[0]).toByteArray()));
        server.receive(ClearPackets.frame(kexInit(List.of("curve25519-sha256", "kex-strict-c-v00@openssh.com"), false)));
        TransportEvent.Disconnected d = disconnectOf(server);
        assertEquals(DisconnectReason.PROTOCOL_ERROR, d.reason());
        assertTrue(d.description().contains("strict"), d.description());
    }

    @Test
    void withoutStrictKexAnIgnoreBeforeKexInitIsFine() {
        SshTransport server = SshTransport.server(serverConfig(true));
        server.receive(ClearPackets.line("SSH-2.0-hostile"));
        server.receive(ClearPackets.frame(new SshWriter().writeByte(2).writeString(new byte[0]).toByteArray()));
        server.receive(ClearPackets.frame(kexInit(List.of("curve25519-sha256"), false)));
        assertFalse(server.isClosed());
    }

    @Test
    void anUnknownMessageGetsUnimplemented() throws Exception {
        SshTransport server = SshTransport.server(serverConfig(false));
        ClearPackets.drain(server);
        server.receive(ClearPackets.line("SSH-2.0-hostile"));
        server.receive(ClearPackets.frame(new byte[] {15}));
        assertFalse(server.isClosed());
        byte[] out = ClearPackets.drain(server);
        byte[] reply = ClearPackets.payloadsAfterIdentification(concat(ClearPackets.line("SSH-2.0-x"), out)).get(0);
        assertEquals(3, reply[0], "SSH_MSG_UNIMPLEMENTED");
        assertEquals(0, reply[4], "names the sequence number of the rejected packet, 0");
    }

    @Test
    void aWronglyGuessedKexPacketIsIgnored() throws Exception {
        SshTransport server = SshTransport.server(serverConfig(false));
        ClearPackets.drain(server);
        server.receive(ClearPackets.line("SSH-2.0-guesser"));
        // The guess (ecdh first) differs from the server's first choice, so RFC 4253 §7 drops the guessed packet.
        server.receive(ClearPackets.frame(kexInit(List.of("ecdh-sha2-nistp256", "curve25519-sha256"), true)));
        server.receive(ClearPackets.frame(new SshWriter().writeByte(30).writeString(new byte[7]).toByteArray()));
        assertFalse(server.isClosed(), "the guessed packet, although invalid, is dropped unread");
        KeyExchangeAlgorithm ecdh = TestKeys.JCA_FIRST.keyExchange("ecdh-sha2-nistp256").orElseThrow();
        byte[] qc = ecdh.initiate(new SecureRandom()).publicValue();
        server.receive(ClearPackets.frame(new SshWriter().writeByte(30).writeString(qc).toByteArray()));
        assertFalse(server.isClosed());
        List<byte[]> payloads = ClearPackets.payloadsAfterIdentification(
                concat(ClearPackets.line("SSH-2.0-x"), ClearPackets.drain(server)));
        assertEquals(31, payloads.get(0)[0], "SSH_MSG_KEX_ECDH_REPLY");
        assertEquals(21, payloads.get(1)[0], "SSH_MSG_NEWKEYS");
    }

    @Test
    void theSenderOfAnUnknownMessageLearnsWhichPacketWasRefused() {
        TransportPair pair = new TransportPair(clientConfig(), serverConfig(true));
        pair.pump();
        pair.client.sendIgnore(new byte[3]);
        int sequenceNumber = pair.client.dangerSendRawPayload(new byte[] {15}); // unassigned (RFC 4250 §4.1.2)
        pair.pump();
        assertEquals(List.of(new TransportEvent.UnimplementedReceived(sequenceNumber)),
                TransportPair.eventsOf(pair.clientEvents, TransportEvent.UnimplementedReceived.class));
        assertFalse(pair.server.isClosed());
    }

    @Test
    void aPeerThatNeverReadsStopsTheEngineAtItsHighWaterMark() {
        int highWater = 16 * 1024;
        TransportPair pair = new TransportPair(clientConfig(), TransportConfig.builder(TestKeys.JCA_FIRST)
                .hostKeys(TestKeys.allHostKeys()).outputHighWater(highWater).build());
        pair.pump();
        // Each unknown message costs the server an UNIMPLEMENTED, which the peer never reads.
        for (int sent = 0; pair.server.wantsInput(); sent++) {
            assertTrue(sent < 10_000, "the server never stopped taking input");
            pair.client.dangerSendRawPayload(new byte[] {15});
            pair.server.receive(ClearPackets.drain(pair.client));
        }
        assertTrue(pair.server.pendingOutput() < highWater + 64, pair.server.pendingOutput() + " bytes wait");
        ClearPackets.drain(pair.server);
        pair.server.processInput();
        assertTrue(pair.server.wantsInput(), "once the peer read, the server takes input again");
        assertFalse(pair.server.isClosed());
    }

    @Test
    void aWrongGuessOfADangerClientIsDroppedAndTheExchangeCompletes() {
        TransportConfig ecdhFirst = TransportConfig.builder(TestKeys.JCA_FIRST)
                .policy(AlgorithmPolicy.defaults().with(AlgorithmCategory.KEY_EXCHANGE, "ecdh-sha2-nistp256,curve25519-sha256"))
                .hostKeyVerifier(HostKeyVerifier.dangerAcceptAny()).build();
        SshTransport guesser = SshTransport.dangerClient(ecdhFirst, k -> new KexInit(k.cookie(), k.kexAlgorithms(),
                k.serverHostKeyAlgorithms(), k.encryptionClientToServer(), k.encryptionServerToClient(),
                k.macClientToServer(), k.macServerToClient(), k.compressionClientToServer(),
                k.compressionServerToClient(), k.languagesClientToServer(), k.languagesServerToClient(), true));
        // The guessed packet, whatever it is, goes right after the KEXINIT that announced it.
        guesser.dangerSendRawPayload(new byte[] {50, 1, 2, 3});
        TransportPair pair = new TransportPair(guesser, SshTransport.server(serverConfig(true)));
        pair.pump();
        assertTrue(TransportPair.eventsOf(pair.serverEvents, TransportEvent.KexInitReceived.class).get(0).kexInit()
                .firstKexPacketFollows(), "the KEXINIT hashed and sent is the altered one");
        assertEquals(1, TransportPair.eventsOf(pair.clientEvents, TransportEvent.KeysEstablished.class).size());
        assertEquals("ecdh-sha2-nistp256", pair.client.algorithms().orElseThrow().kex());
        assertEquals(List.of(), TransportPair.serviceMessages(pair.serverEvents), "the guessed packet was dropped");
    }

    @Test
    void aTamperedPacketFailsItsMac() {
        for (String cipher : TestKeys.JCA_FIRST.names(AlgorithmCategory.CIPHER)) {
            AlgorithmPolicy policy = AlgorithmPolicy.defaults().with(AlgorithmCategory.CIPHER, cipher);
            TransportPair pair = new TransportPair(
                    TransportConfig.builder(TestKeys.JCA_FIRST).policy(policy)
                            .hostKeyVerifier(HostKeyVerifier.dangerAcceptAny()).build(),
                    TransportConfig.builder(TestKeys.JCA_FIRST).policy(policy).hostKeys(TestKeys.allHostKeys()).build());
            pair.pump();
            byte[] data = new byte[200];
            data[0] = 94;
            pair.client.send(data);
            byte[] wire = ClearPackets.drain(pair.client);
            wire[wire.length / 2] ^= 0x10;
            pair.server.receive(wire);
            assertEquals(DisconnectReason.MAC_ERROR, disconnectOf(pair.server).reason(), cipher);
        }
    }

    @Test
    void anUntrustedHostKeyEndsTheConnection() {
        TransportPair pair = new TransportPair(
                TransportConfig.builder(TestKeys.JCA_FIRST).hostKeyVerifier(key -> false).build(),
                serverConfig(true));
        pair.pump();
        TransportEvent.Disconnected d = TransportPair.eventsOf(pair.clientEvents, TransportEvent.Disconnected.class).get(0);
        assertEquals(DisconnectReason.HOST_KEY_NOT_VERIFIABLE, d.reason());
        assertTrue(d.description().contains("SHA256:"), "names the fingerprint: " + d.description());
        TransportEvent.Disconnected atServer = TransportPair.eventsOf(pair.serverEvents, TransportEvent.Disconnected.class).get(0);
        assertTrue(atServer.byPeer());
        assertEquals(DisconnectReason.HOST_KEY_NOT_VERIFIABLE, atServer.reason());
    }

    @Test
    void noCommonCipherNamesTheCategoryAndBothLists() {
        TransportPair pair = new TransportPair(
                TransportConfig.builder(TestKeys.JCA_FIRST)
                        .policy(AlgorithmPolicy.defaults().with(AlgorithmCategory.CIPHER, "aes128-ctr"))
                        .hostKeyVerifier(HostKeyVerifier.dangerAcceptAny()).build(),
                TransportConfig.builder(TestKeys.JCA_FIRST)
                        .policy(AlgorithmPolicy.defaults().with(AlgorithmCategory.CIPHER, "aes256-gcm@openssh.com"))
                        .hostKeys(TestKeys.allHostKeys()).build());
        pair.pump();
        TransportEvent.Disconnected d = TransportPair.eventsOf(pair.serverEvents, TransportEvent.Disconnected.class).get(0);
        assertEquals(DisconnectReason.KEY_EXCHANGE_FAILED, d.reason());
        assertTrue(d.description().contains("encryption_algorithms client to server"), d.description());
        assertTrue(d.description().contains("aes128-ctr") && d.description().contains("aes256-gcm@openssh.com"), d.description());
    }

    @Test
    void rekeyHappensByItselfAfterTheConfiguredVolumeOnceAuthenticated() {
        TransportPair pair = new TransportPair(
                TransportConfig.builder(TestKeys.JCA_FIRST).rekeyAfterBytes(100_000)
                        .hostKeyVerifier(HostKeyVerifier.dangerAcceptAny()).build(),
                serverConfig(true));
        pair.pump();
        // Before user authentication, no automatic re-key: OpenSSH would refuse it.
        for (int i = 0; i < 10; i++) {
            byte[] m = new byte[20_000];
            m[0] = 94;
            pair.client.send(m);
            pair.pump();
        }
        assertEquals(1, TransportPair.eventsOf(pair.clientEvents, TransportEvent.KeysEstablished.class).size(),
                "200 kB before authentication: still the first keys");
        pair.server.send(new byte[] {52}); // SSH_MSG_USERAUTH_SUCCESS, RFC 4252 §5.1
        pair.pump();
        for (int i = 0; i < 20; i++) {
            byte[] m = new byte[20_000];
            m[0] = 94;
            pair.client.send(m);
            pair.pump();
        }
        int exchanges = TransportPair.eventsOf(pair.clientEvents, TransportEvent.KeysEstablished.class).size();
        assertTrue(exchanges >= 4, "400 kB at a 100 kB limit re-keys about four times, saw " + exchanges);
        assertEquals(30, TransportPair.serviceMessages(pair.serverEvents).size());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = new byte[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    @Test
    void inputAfterThePeersDisconnectIsIgnored() {
        SshTransport server = SshTransport.server(serverConfig(false));
        server.receive(ClearPackets.line("SSH-2.0-leaving"));
        byte[] bye = ClearPackets.frame(new SshWriter().writeByte(1).writeUint32(11).writeUtf8("bye").writeUtf8("")
                .toByteArray());
        byte[] more = ClearPackets.frame(new byte[] {15});
        byte[] both = concat(bye, more);
        server.receive(both);
        TransportEvent.Disconnected d = disconnectOf(server);
        assertTrue(d.byPeer());
        assertEquals(DisconnectReason.BY_APPLICATION, d.reason());
        assertEquals("bye", d.description());
        int before = server.pendingOutput();
        server.receive(more);
        assertEquals(before, server.pendingOutput(), "nothing answers once closed");
        assertTrue(server.pollEvent() == null);
    }
}
