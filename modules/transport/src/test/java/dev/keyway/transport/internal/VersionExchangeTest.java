package dev.keyway.transport.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyway.api.DisconnectReason;
import dev.keyway.api.SshProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The protocol version exchange of RFC 4253 §4.2, case by case. */
class VersionExchangeTest {

    static ByteQueue queueOf(String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        ByteQueue q = new ByteQueue(16);
        q.append(b, 0, b.length);
        return q;
    }

    static String remaining(ByteQueue q) {
        return new String(q.array(), q.head(), q.size(), StandardCharsets.ISO_8859_1);
    }

    private static SshProtocolException rejected(boolean peerIsServer, String input) {
        return assertThrows(SshProtocolException.class, () -> new VersionExchange(peerIsServer).read(queueOf(input)));
    }

    @Test
    void identificationEndingInCrLf() throws SshProtocolException {
        ByteQueue q = queueOf("SSH-2.0-OpenSSH_9.9 Debian-1\r\n");
        assertEquals(Optional.of("SSH-2.0-OpenSSH_9.9 Debian-1"), new VersionExchange(true).read(q));
        assertEquals(0, q.size());
    }

    @Test
    void identificationEndingInABareLf() throws SshProtocolException {
        // RFC 4253 §4.2 asks for CR LF, but older peers send LF alone; accepted like OpenSSH does.
        assertEquals(Optional.of("SSH-2.0-old"), new VersionExchange(false).read(queueOf("SSH-2.0-old\n")));
    }

    @Test
    void serverLinesBeforeTheIdentificationAreKeptAsPreamble() throws SshProtocolException {
        VersionExchange v = new VersionExchange(true);
        ByteQueue q = queueOf("Welcome\r\nSSH is not at the start here: SSH-2.0\n\r\nSSH-2.0-srv\r\n");
        assertEquals(Optional.of("SSH-2.0-srv"), v.read(q));
        assertEquals(List.of("Welcome", "SSH is not at the start here: SSH-2.0", ""), v.preamble());
    }

    @Test
    void aClientMayNotSendOtherLinesFirst() {
        SshProtocolException e = rejected(false, "Hello\r\nSSH-2.0-client\r\n");
        assertEquals(DisconnectReason.PROTOCOL_ERROR, e.reason());
    }

    @Test
    void bytesAfterTheIdentificationStayQueued() throws SshProtocolException {
        // The peer's first binary packet may arrive in the same read as its identification.
        ByteQueue q = queueOf("SSH-2.0-x\r\n\u0000\u0000\u0001\u0004\n\rSSH-2.0-y\r\n");
        assertEquals(Optional.of("SSH-2.0-x"), new VersionExchange(true).read(q));
        assertEquals("\u0000\u0000\u0001\u0004\n\rSSH-2.0-y\r\n", remaining(q));
    }

    @Test
    void aPartialLineWaitsForMoreInputAndConsumesNothing() throws SshProtocolException {
        ByteQueue q = queueOf("SSH-2.0-partial");
        VersionExchange v = new VersionExchange(true);
        assertEquals(Optional.empty(), v.read(q));
        assertEquals("SSH-2.0-partial", remaining(q));
        byte[] rest = "\r\n".getBytes(StandardCharsets.US_ASCII);
        q.append(rest, 0, rest.length);
        assertEquals(Optional.of("SSH-2.0-partial"), v.read(q));
    }

    private static String identificationOfLength(int totalWithCrLf) {
        char[] pad = new char[totalWithCrLf - 2 - "SSH-2.0-".length()];
        Arrays.fill(pad, 'x');
        return "SSH-2.0-" + new String(pad);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void twoHundredFiftyFiveBytesWithCrLfAreAccepted(boolean peerIsServer) throws SshProtocolException {
        String id = identificationOfLength(255);
        assertEquals(Optional.of(id), new VersionExchange(peerIsServer).read(queueOf(id + "\r\n")));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void twoHundredFiftySixBytesAreRejected(boolean peerIsServer) {
        // RFC 4253 §4.2: "The maximum length of the string is 255 characters, including the
        // Carriage Return and Line Feed."
        String id = identificationOfLength(256);
        assertEquals(DisconnectReason.PROTOCOL_ERROR, rejected(peerIsServer, id + "\r\n").reason());
    }

    @Test
    void anOverlongIdentificationIsRejectedWithoutWaitingForItsEnd() {
        // No line end in sight: the limit is enforced on what has arrived, so a peer cannot
        // make us buffer an endless line.
        String id = identificationOfLength(300);
        assertEquals(DisconnectReason.PROTOCOL_ERROR, rejected(true, id).reason());
    }

    @Test
    void protocolVersion199IsAccepted() throws SshProtocolException {
        // RFC 4253 §5.1: a server that also speaks SSH-1 announces 1.99.
        assertEquals(Optional.of("SSH-1.99-OpenSSH_3.9"), new VersionExchange(true).read(queueOf("SSH-1.99-OpenSSH_3.9\r\n")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"SSH-1.5-old", "SSH-1.0-x", "SSH-3.0-future", "SSH-2.0", "SSH-20-x"})
    void otherProtocolVersionsAreNotSupported(String id) {
        assertEquals(DisconnectReason.PROTOCOL_VERSION_NOT_SUPPORTED, rejected(true, id + "\r\n").reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"SSH-2.0-a\u0000b", "SSH-2.0-a\tb", "SSH-2.0-caf\u00e9", "SSH-2.0-a\rb"})
    void controlAndNonAsciiCharactersAreRejected(String id) {
        assertEquals(DisconnectReason.PROTOCOL_ERROR, rejected(true, id + "\r\n").reason());
    }

    @Test
    void theServerPreambleIsBounded() {
        String lines = "banner\r\n".repeat(VersionExchange.MAX_PREAMBLE_LINES + 1) + "SSH-2.0-x\r\n";
        assertEquals(DisconnectReason.PROTOCOL_ERROR, rejected(true, lines).reason());
        char[] longLine = new char[VersionExchange.MAX_PREAMBLE_LINE];
        Arrays.fill(longLine, 'b');
        assertEquals(DisconnectReason.PROTOCOL_ERROR, rejected(true, new String(longLine)).reason());
    }

    @Test
    void aMaximalPreambleIsStillAccepted() throws SshProtocolException {
        String lines = "banner\r\n".repeat(VersionExchange.MAX_PREAMBLE_LINES) + "SSH-2.0-x\r\n";
        VersionExchange v = new VersionExchange(true);
        assertEquals(Optional.of("SSH-2.0-x"), v.read(queueOf(lines)));
        assertEquals(VersionExchange.MAX_PREAMBLE_LINES, v.preamble().size());
    }

    @Test
    void ourIdentificationLineEndsInCrLf() {
        assertArrayEquals("SSH-2.0-Keyway_0.1\r\n".getBytes(StandardCharsets.US_ASCII),
                VersionExchange.identificationLine("SSH-2.0-Keyway_0.1"));
        assertTrue(VersionExchange.identificationLine("SSH-2.0-K").length <= VersionExchange.MAX_IDENTIFICATION);
    }
}
