package dev.keyway.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * NIST's known-answer generator, checked against the KAT files themselves: PQCgenKAT_kem.c
 * seeds the generator with the bytes 0, 1, ..., 47 and draws each record's 48-byte seed in turn,
 * so the first two draws must be the seeds of counts 0 and 1, which every NIST PQC
 * {@code kat_kem.rsp} shares (here as in the sntrup761 file, {@code vectors/sntrup761x25519.txt}).
 */
class NistKatRandomTest {

    @Test
    void masterSeedGivesTheSeedsOfTheFirstRecords() {
        byte[] master = new byte[48];
        for (int i = 0; i < master.length; i++) {
            master[i] = (byte) i;
        }
        NistKatRandom random = new NistKatRandom(master);
        byte[] count0 = new byte[48];
        byte[] count1 = new byte[48];
        random.nextBytes(count0);
        random.nextBytes(count1);
        HexFormat hex = HexFormat.of();
        assertArrayEquals(hex.parseHex("061550234d158c5ec95595fe04ef7a25767f2e24cc2bc479"
                + "d09d86dc9abcfde7056a8c266f9ef97ed08541dbd2e1ffa1"), count0);
        assertArrayEquals(hex.parseHex("d81c4d8d734fcbfbeade3d3f8a039faa2a2c9957e835ad55"
                + "b22e75bf57bb556ac81adde6aeeb4a5a875c3bfcadfa958f"), count1);
    }

    @Test
    void eachDrawIsOneCallSoSplittingChangesTheStream() {
        byte[] seed = new byte[48];
        byte[] whole = new byte[8];
        new NistKatRandom(seed).nextBytes(whole);
        NistKatRandom split = new NistKatRandom(seed);
        byte[] first = new byte[4];
        byte[] second = new byte[4];
        split.nextBytes(first);
        split.nextBytes(second);
        assertArrayEquals(Arrays.copyOf(whole, 4), first);
        assertFalse(Arrays.equals(Arrays.copyOfRange(whole, 4, 8), second));
    }

    @Test
    void seedMustBe48Bytes() {
        assertThrows(IllegalArgumentException.class, () -> new NistKatRandom(new byte[32]));
    }
}
