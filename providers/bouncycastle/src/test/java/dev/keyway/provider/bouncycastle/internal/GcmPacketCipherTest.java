package dev.keyway.provider.bouncycastle.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.keyway.api.spi.CipherDirection;
import dev.keyway.conformance.GcmKnownAnswers;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** BC's GCM calls as the packet path makes them, against the published GCM test cases. */
class GcmPacketCipherTest {

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
                        // BC writes plaintext before it reaches the tag; a rejection must wipe it.
                        assertArrayEquals(new byte[len], Arrays.copyOf(buf, len), "unauthenticated plaintext left");
                        return null;
                    }
                    return Arrays.copyOf(buf, len);
                });
    }

    @Test
    void theKeyIsScheduledOnceAndLaterPacketsStillUseIt() {
        // After the first packet the key is no longer passed to BC's init; a second cipher
        // sealing the same two packets must still agree, and its second packet must open.
        AesGcm gcm = new AesGcm("aes128-gcm@openssh.com", 16);
        byte[] key = new byte[16];
        byte[] iv = new byte[12];
        key[3] = 7;
        byte[] packet = {0, 0, 0, 12, 10, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
        var sealer = gcm.create(CipherDirection.ENCRYPT, key, iv);
        var opener = gcm.create(CipherDirection.DECRYPT, key, iv);
        for (int i = 0; i < 3; i++) {
            byte[] buf = Arrays.copyOf(packet, packet.length + 16);
            sealer.seal(i, buf, 0, packet.length);
            assertEquals(true, opener.open(i, buf, 0, packet.length), "packet " + i);
            assertArrayEquals(packet, Arrays.copyOf(buf, packet.length));
        }
    }
}
