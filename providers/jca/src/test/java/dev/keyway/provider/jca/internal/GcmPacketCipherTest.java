package dev.keyway.provider.jca.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The GCM calls the packet path makes, against McGrew and Viega, "The Galois/Counter Mode of
 * Operation (GCM)", test case 16 (AES-256, 60-byte plaintext, 20 bytes of additional data),
 * as also given in NIST's GCM validation data.
 */
class GcmPacketCipherTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] KEY = HEX.parseHex("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308");
    private static final byte[] IV = HEX.parseHex("cafebabefacedbaddecaf888");
    private static final byte[] AAD = HEX.parseHex("feedfacedeadbeeffeedfacedeadbeefabaddad2");
    private static final byte[] PLAIN = HEX.parseHex("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
            + "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39");
    private static final byte[] CIPHER_AND_TAG = HEX.parseHex(
            "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
            + "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662"
            + "76fc6ece0f4e1768cddf8853bb2d551b");

    @Test
    void encryptsTestCase16() throws Exception {
        byte[] buf = Arrays.copyOf(PLAIN, PLAIN.length + 16);
        new GcmPacketCipher(KEY, IV).encrypt(AAD, 0, AAD.length, buf, 0, PLAIN.length);
        assertArrayEquals(CIPHER_AND_TAG, buf);
    }

    @Test
    void decryptsTestCase16AndRejectsOtherData() {
        byte[] buf = CIPHER_AND_TAG.clone();
        assertTrue(new GcmPacketCipher(KEY, IV).decrypt(AAD, 0, AAD.length, buf, 0, PLAIN.length));
        assertArrayEquals(PLAIN, Arrays.copyOf(buf, PLAIN.length));

        byte[] otherAad = AAD.clone();
        otherAad[19] ^= 1;
        byte[] forged = CIPHER_AND_TAG.clone();
        assertFalse(new GcmPacketCipher(KEY, IV).decrypt(otherAad, 0, otherAad.length, forged, 0, PLAIN.length));
        assertArrayEquals(CIPHER_AND_TAG, forged, "a rejected packet must stay as it was");
    }

    @Test
    void invocationCounterAdvancesPerPacketAndCarries() throws Exception {
        // RFC 5647 §7.1: the low 8 bytes of the nonce are a counter that carries into itself
        // but never into the 4-byte fixed field.
        byte[] iv = HEX.parseHex("00000001" + "00000000ffffffff");
        GcmPacketCipher sealer = new GcmPacketCipher(KEY, iv);
        byte[] packet = HEX.parseHex("0000000c0a000000000000000000000000000000");
        byte[] first = Arrays.copyOf(packet, packet.length + 16);
        sealer.seal(0, first, 0, packet.length);
        byte[] second = Arrays.copyOf(packet, packet.length + 16);
        sealer.seal(0, second, 0, packet.length);

        byte[] expected = Arrays.copyOf(packet, packet.length + 16);
        new GcmPacketCipher(KEY, HEX.parseHex("000000010000000100000000")).encrypt(expected, 0, 4, expected, 4,
                packet.length - 4);
        assertArrayEquals(expected, second);
        assertFalse(Arrays.equals(first, second));
    }
}
