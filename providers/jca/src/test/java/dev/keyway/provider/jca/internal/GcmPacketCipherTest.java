package dev.keyway.provider.jca.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.keyway.conformance.GcmKnownAnswers;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The JDK GCM calls the packet path makes, against the published GCM test cases. */
class GcmPacketCipherTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void publishedTestCases() throws Exception {
        GcmKnownAnswers.check(
                (key, iv, aad, plain) -> {
                    byte[] buf = Arrays.copyOf(plain, plain.length + GcmPacketCipher.TAG_LENGTH);
                    new GcmPacketCipher(key, iv).encrypt(aad, 0, aad.length, buf, 0, plain.length);
                    return buf;
                },
                (key, iv, aad, sealed) -> {
                    byte[] buf = sealed.clone();
                    int len = sealed.length - GcmPacketCipher.TAG_LENGTH;
                    if (!new GcmPacketCipher(key, iv).decrypt(aad, 0, aad.length, buf, 0, len)) {
                        // The JDK releases no plaintext before the tag is checked.
                        assertArrayEquals(sealed, buf, "a rejected packet must stay as it was");
                        return null;
                    }
                    return Arrays.copyOf(buf, len);
                });
    }

    @Test
    void invocationCounterAdvancesPerPacketAndCarries() throws Exception {
        // RFC 5647 §7.1: the low 8 bytes of the nonce are a counter that carries within
        // itself, never into the 4-byte fixed field.
        byte[] key = new byte[16];
        GcmPacketCipher sealer = new GcmPacketCipher(key, HEX.parseHex("00000001" + "00000000ffffffff"));
        byte[] packet = HEX.parseHex("0000000c0a000000000000000000000000000000");
        byte[] first = Arrays.copyOf(packet, packet.length + 16);
        sealer.seal(0, first, 0, packet.length);
        byte[] second = Arrays.copyOf(packet, packet.length + 16);
        sealer.seal(0, second, 0, packet.length);

        byte[] expected = Arrays.copyOf(packet, packet.length + 16);
        new GcmPacketCipher(key, HEX.parseHex("000000010000000100000000"))
                .encrypt(expected, 0, 4, expected, 4, packet.length - 4);
        assertArrayEquals(expected, second);
        assertFalse(Arrays.equals(first, second));
    }
}
