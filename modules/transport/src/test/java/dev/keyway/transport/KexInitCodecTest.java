package dev.keyway.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.keyway.api.DisconnectReason;
import dev.keyway.api.wire.SshReader;
import dev.keyway.api.wire.WireFormatException;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** SSH_MSG_KEXINIT (RFC 4253 §7.1) encodes and decodes losslessly and rejects truncation. */
class KexInitCodecTest {

    @Provide
    Arbitrary<KexInit> kexInits() {
        Arbitrary<List<String>> lists = Arbitraries.strings().withCharRange('!', '~').excludeChars(',')
                .ofMinLength(1).ofMaxLength(20).list().ofMaxSize(6);
        Arbitrary<byte[]> cookies = Arbitraries.bytes().array(byte[].class).ofSize(16);
        return Combinators.combine(cookies, lists.list().ofSize(10), Arbitraries.of(true, false))
                .as((cookie, l, follows) -> new KexInit(cookie, l.get(0), l.get(1), l.get(2), l.get(3),
                        l.get(4), l.get(5), l.get(6), l.get(7), l.get(8), l.get(9), follows));
    }

    /** Field-by-field equality: the record's own equals compares the cookie array by identity. */
    static void assertSameKexInit(KexInit expected, KexInit actual) {
        assertArrayEquals(expected.cookie(), actual.cookie());
        assertEquals(expected.kexAlgorithms(), actual.kexAlgorithms());
        assertEquals(expected.serverHostKeyAlgorithms(), actual.serverHostKeyAlgorithms());
        assertEquals(expected.encryptionClientToServer(), actual.encryptionClientToServer());
        assertEquals(expected.encryptionServerToClient(), actual.encryptionServerToClient());
        assertEquals(expected.macClientToServer(), actual.macClientToServer());
        assertEquals(expected.macServerToClient(), actual.macServerToClient());
        assertEquals(expected.compressionClientToServer(), actual.compressionClientToServer());
        assertEquals(expected.compressionServerToClient(), actual.compressionServerToClient());
        assertEquals(expected.languagesClientToServer(), actual.languagesClientToServer());
        assertEquals(expected.languagesServerToClient(), actual.languagesServerToClient());
        assertEquals(expected.firstKexPacketFollows(), actual.firstKexPacketFollows());
    }

    @Property(tries = 200)
    void decodeInvertsEncode(@ForAll("kexInits") KexInit k) throws WireFormatException {
        byte[] encoded = k.encode();
        KexInit decoded = KexInit.decode(encoded);
        assertSameKexInit(k, decoded);
        // I_C and I_S enter the exchange hash as sent (RFC 4253 §8), so re-encoding must be exact.
        assertArrayEquals(encoded, decoded.encode());
    }

    @Property(tries = 200)
    void encodingHasTheRfcLayout(@ForAll("kexInits") KexInit k) throws WireFormatException {
        SshReader r = new SshReader(k.encode());
        assertEquals(KexInit.MESSAGE_NUMBER, r.readByte());
        byte[] cookie = new byte[16];
        for (int i = 0; i < 16; i++) {
            cookie[i] = (byte) r.readByte();
        }
        assertArrayEquals(k.cookie(), cookie);
        assertEquals(k.kexAlgorithms(), r.readNameList());
        for (int i = 1; i < 10; i++) {
            r.readNameList();
        }
        assertEquals(k.firstKexPacketFollows(), r.readBoolean());
        assertEquals(0, r.readUint32(), "reserved field is 0");
        r.expectEnd();
    }

    @Property(tries = 30)
    void everyTruncationIsRejected(@ForAll("kexInits") KexInit k) {
        byte[] encoded = k.encode();
        for (int cut = 0; cut < encoded.length; cut++) {
            byte[] prefix = Arrays.copyOf(encoded, cut);
            WireFormatException e = assertThrows(WireFormatException.class, () -> KexInit.decode(prefix),
                    "prefix of " + cut);
            assertEquals(DisconnectReason.PROTOCOL_ERROR, e.reason());
        }
    }

    @Test
    void anotherMessageNumberIsRejected() {
        byte[] encoded = sample().encode();
        encoded[0] = 21;
        assertThrows(WireFormatException.class, () -> KexInit.decode(encoded));
    }

    @Test
    void bytesAfterTheReservedFieldAreTolerated() throws WireFormatException {
        // RFC 4253 §7.1 reserves the last uint32 "for future extension"; a future peer may send more.
        KexInit k = sample();
        byte[] encoded = k.encode();
        byte[] longer = Arrays.copyOf(encoded, encoded.length + 3);
        assertSameKexInit(k, KexInit.decode(longer));
    }

    @Test
    void cookieIsCopiedInAndOut() {
        byte[] cookie = new byte[16];
        KexInit k = new KexInit(cookie, List.of("a"), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), false);
        cookie[0] = 1;
        k.cookie()[1] = 1;
        assertArrayEquals(new byte[16], k.cookie());
    }

    @Test
    void cookieMustBeSixteenBytes() {
        assertThrows(IllegalArgumentException.class, () -> new KexInit(new byte[15], List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), false));
    }

    private static KexInit sample() {
        return new KexInit(new byte[16], List.of("curve25519-sha256", "ext-info-c"), List.of("ssh-ed25519"),
                List.of("aes128-ctr"), List.of("aes128-ctr"), List.of("hmac-sha2-256"), List.of("hmac-sha2-256"),
                List.of("none"), List.of("none"), List.of(), List.of(), false);
    }
}
