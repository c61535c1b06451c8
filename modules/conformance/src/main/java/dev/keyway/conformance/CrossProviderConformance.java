package dev.keyway.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyway.api.spi.AeadCipherAlgorithm;
import dev.keyway.api.spi.AeadCipherAlgorithm.AeadCipher;
import dev.keyway.api.spi.AlgorithmProvider;
import dev.keyway.api.spi.BulkCipherAlgorithm;
import dev.keyway.api.spi.BulkCipherAlgorithm.BulkCipher;
import dev.keyway.api.spi.CipherDirection;
import dev.keyway.api.spi.MacAlgorithm;
import dev.keyway.api.spi.SshAlgorithm;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * A differential test of two providers: for every cipher and MAC name both offer, the same
 * keys, IVs, sequence numbers and packets must give the same bytes, and each must open what
 * the other sealed. Two independent implementations agreeing on random input catches what
 * a handful of vectors cannot (counter carries, state across packets, offsets).
 */
public abstract class CrossProviderConformance {
    private final AlgorithmProvider first;
    private final AlgorithmProvider second;

    protected CrossProviderConformance(AlgorithmProvider first, AlgorithmProvider second) {
        this.first = Objects.requireNonNull(first, "first");
        this.second = Objects.requireNonNull(second, "second");
    }

    @Provide
    Arbitrary<String> sharedNames() {
        return Arbitraries.of(sharedNameList());
    }

    @Provide
    Arbitrary<Integer> sequenceNumbers() {
        return ProviderAlgorithms.sequenceNumbers();
    }

    @Example
    public void providersShareAlgorithms() {
        assertFalse(sharedNameList().isEmpty(), first.name() + " and " + second.name() + " share no symmetric name");
    }

    @Property(tries = 300)
    public void sameInputSameBytes(@ForAll("sharedNames") String name,
            @ForAll @IntRange(max = 5_000) int payloadSize,
            @ForAll("sequenceNumbers") int firstSeq,
            @ForAll long seed) {
        SshAlgorithm a = symmetric(first).get(name);
        SshAlgorithm b = symmetric(second).get(name);
        if (a instanceof AeadCipherAlgorithm aeadA) {
            sameAead(aeadA, (AeadCipherAlgorithm) b, seed, payloadSize, firstSeq);
        } else if (a instanceof BulkCipherAlgorithm bulkA) {
            sameBulk(bulkA, (BulkCipherAlgorithm) b, seed, payloadSize);
        } else {
            sameMac((MacAlgorithm) a, (MacAlgorithm) b, seed, payloadSize, firstSeq);
        }
    }

    static void sameAead(AeadCipherAlgorithm a, AeadCipherAlgorithm b, long seed, int payloadSize, int seq) {
        assertEquals(List.of(a.keyLength(), a.ivLength(), a.blockSize(), a.tagLength()),
                List.of(b.keyLength(), b.ivLength(), b.blockSize(), b.tagLength()), a.name() + ": sizes differ");
        Random rnd = new Random(seed);
        byte[] key = CipherChecks.bytes(rnd, a.keyLength());
        byte[] iv = CipherChecks.bytes(rnd, a.ivLength());
        SshPacket one = SshPacket.random(rnd, payloadSize, a.blockSize(), true, a.tagLength());
        SshPacket two = SshPacket.random(rnd, payloadSize / 3, a.blockSize(), true, a.tagLength());
        byte[][] byA = CipherChecks.sealTwo(a.create(CipherDirection.ENCRYPT, key, iv), seq, one.copy(), two.copy());
        byte[][] byB = CipherChecks.sealTwo(b.create(CipherDirection.ENCRYPT, key, iv), seq, one.copy(), two.copy());
        assertArrayEquals(byA[0], byB[0], a.name() + ": first sealed packet differs");
        assertArrayEquals(byA[1], byB[1], a.name() + ": second sealed packet differs");
        assertOpens(b.create(CipherDirection.DECRYPT, key, iv), seq, byA, one, two, a.name() + " sealed by first");
        assertOpens(a.create(CipherDirection.DECRYPT, key, iv), seq, byB, one, two, a.name() + " sealed by second");
    }

    private static void assertOpens(AeadCipher opener, int seq, byte[][] sealed, SshPacket one, SshPacket two,
            String what) {
        SshPacket[] plain = {one, two};
        for (int i = 0; i < 2; i++) {
            byte[] buf = sealed[i].clone();
            int len = plain[i].len;
            assertEquals(len - 4, opener.packetLength(seq + i, buf, 0), what + ": packetLength " + i);
            assertTrue(opener.open(seq + i, buf, 0, len), what + ": open " + i);
            assertArrayEquals(plain[i].packetBytes(), Arrays.copyOf(buf, len), what + ": opened " + i);
        }
    }

    static void sameBulk(BulkCipherAlgorithm a, BulkCipherAlgorithm b, long seed, int size) {
        assertEquals(List.of(a.keyLength(), a.ivLength(), a.blockSize()),
                List.of(b.keyLength(), b.ivLength(), b.blockSize()), a.name() + ": sizes differ");
        Random rnd = new Random(seed);
        byte[] key = CipherChecks.bytes(rnd, a.keyLength());
        // An IV whose low bytes are all ones makes a 128-bit counter carry (or wrap) at once.
        byte[] iv = CipherChecks.bytes(rnd, a.ivLength());
        if (iv.length > 0 && rnd.nextBoolean()) {
            Arrays.fill(iv, iv.length - 1 - rnd.nextInt(iv.length), iv.length, (byte) 0xff);
        }
        int blocks = size / a.blockSize() + 1;
        byte[] plain = CipherChecks.bytes(rnd, blocks * a.blockSize());
        int split = rnd.nextInt(blocks + 1) * a.blockSize();
        byte[] byA = twoCalls(a.create(CipherDirection.ENCRYPT, key, iv), plain, split);
        byte[] byB = twoCalls(b.create(CipherDirection.ENCRYPT, key, iv), plain, split);
        assertArrayEquals(byA, byB, a.name() + ": ciphertexts differ");
        assertArrayEquals(plain, twoCalls(b.create(CipherDirection.DECRYPT, key, iv), byA, split),
                a.name() + ": second cannot decrypt first");
        assertArrayEquals(plain, twoCalls(a.create(CipherDirection.DECRYPT, key, iv), byB, split),
                a.name() + ": first cannot decrypt second");
    }

    private static byte[] twoCalls(BulkCipher cipher, byte[] in, int split) {
        byte[] buf = in.clone();
        cipher.update(buf, 0, split);
        cipher.update(buf, split, buf.length - split);
        return buf;
    }

    static void sameMac(MacAlgorithm a, MacAlgorithm b, long seed, int dataLength, int seq) {
        assertEquals(List.of(a.keyLength(), a.macLength(), a.encryptThenMac()),
                List.of(b.keyLength(), b.macLength(), b.encryptThenMac()), a.name() + ": sizes differ");
        Random rnd = new Random(seed);
        byte[] key = CipherChecks.bytes(rnd, a.keyLength());
        byte[] data = CipherChecks.bytes(rnd, dataLength);
        assertArrayEquals(MacChecks.compute(a, a.create(key), seq, data), MacChecks.compute(b, b.create(key), seq, data),
                a.name() + ": MACs differ");
    }

    private List<String> sharedNameList() {
        Map<String, SshAlgorithm> other = symmetric(second);
        return symmetric(first).keySet().stream().filter(other::containsKey).sorted().toList();
    }

    private static Map<String, SshAlgorithm> symmetric(AlgorithmProvider provider) {
        return provider.algorithms().stream()
                .filter(a -> a instanceof AeadCipherAlgorithm || a instanceof BulkCipherAlgorithm
                        || a instanceof MacAlgorithm)
                .filter(SshAlgorithm::isSupported)
                .collect(Collectors.toMap(SshAlgorithm::name, Function.identity(), (x, y) -> x));
    }
}
