package dev.keyway.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Known-answer test of the exchange hash and the key derivation against a real OpenSSH
 * session. The bytes that sshd sent to a Keyway client with a seeded random source were
 * recorded once ({@link RecordedOpenSshSession}); replaying them into a client with the same
 * seed reproduces the client's ephemeral key. sshd's signature over the exchange hash H only
 * verifies if H is computed exactly as OpenSSH does (RFC 8731 §3, RFC 5656 §4), and sshd's
 * first encrypted packet (EXT_INFO, RFC 8308) only opens if the keys are derived exactly as
 * RFC 4253 §7.2 says.
 */
class RecordedSessionReplayTest {

    @Test
    void exchangeHashAndKeysMatchOpenSsh() throws IOException {
        byte[] sessionId = null;
        List<byte[]> reads = new ArrayList<>();
        try (InputStream in = RecordedSessionReplayTest.class.getResourceAsStream("/openssh-session-curve25519-chacha.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                if (line.startsWith("session-id ")) {
                    sessionId = HexFormat.of().parseHex(line.substring(11).trim());
                } else if (line.startsWith("server ")) {
                    reads.add(HexFormat.of().parseHex(line.substring(7).trim()));
                }
            }
        }
        SshTransport client = SshTransport.client(RecordedOpenSshSession.clientConfig());
        List<TransportEvent> events = new ArrayList<>();
        for (byte[] r : reads) {
            client.receive(r);
            for (TransportEvent e; (e = client.pollEvent()) != null; ) {
                events.add(e);
            }
        }
        assertTrue(TransportPair.eventsOf(events, TransportEvent.Disconnected.class).isEmpty(), events::toString);
        assertEquals(1, TransportPair.eventsOf(events, TransportEvent.HostKeyAccepted.class).size(),
                "sshd's signature over H verified");
        assertEquals(1, TransportPair.eventsOf(events, TransportEvent.KeysEstablished.class).size());
        TransportEvent.ExtensionInfo ext = TransportPair.eventsOf(events, TransportEvent.ExtensionInfo.class).get(0);
        assertTrue(ext.serverSigAlgs().orElseThrow().contains("ssh-ed25519"),
                "sshd's encrypted EXT_INFO decrypted: " + ext.serverSigAlgs());
        assertArrayEquals(sessionId, client.sessionId().orElseThrow());
        assertEquals(RecordedOpenSshSession.CIPHER, client.algorithms().orElseThrow().cipherServerToClient());
    }
}
