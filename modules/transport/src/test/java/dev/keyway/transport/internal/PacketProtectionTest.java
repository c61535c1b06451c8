package dev.keyway.transport.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyway.api.AlgorithmCategory;
import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.api.DisconnectReason;
import dev.keyway.api.SshProtocolException;
import dev.keyway.api.spi.AeadCipherAlgorithm;
import dev.keyway.api.spi.CipherDirection;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Binary packet framing (RFC 4253 §6) over every cipher and, for bulk ciphers, every MAC that
 * the built-in providers offer: any payload written is read back intact with the right
 * sequence numbers, and a single flipped bit anywhere in a sealed packet (length, padding,
 * payload, MAC or tag) is never accepted.
 */
class PacketProtectionTest {
    private static final AlgorithmRegistry REGISTRY = AlgorithmRegistry.loadDefault();

    @Provide
    Arbitrary<String[]> cipherAndMac() {
        List<String[]> pairs = new ArrayList<>();
        for (String cipher : REGISTRY.names(AlgorithmCategory.CIPHER)) {
            if (REGISTRY.cipher(cipher).orElseThrow() instanceof AeadCipherAlgorithm) {
                pairs.add(new String[] {cipher, null});
            } else {
                for (String mac : REGISTRY.names(AlgorithmCategory.MAC)) {
                    pairs.add(new String[] {cipher, mac});
                }
            }
        }
        return Arbitraries.of(pairs);
    }

    /** Both directions keyed alike, as one side's writer and the peer's reader are. */
    private static PacketProtection[] keyedPair(String[] pair, long seed) throws Exception {
        byte[] k = new byte[33];
        new Random(seed).nextBytes(k);
        k[0] = 0x7f;
        KeyDerivation keys = new KeyDerivation(MessageDigest.getInstance("SHA-256"),
                new dev.keyway.api.wire.SshWriter().writeString(k).toByteArray(), new byte[32], new byte[32]);
        return new PacketProtection[] {
            Protections.build(REGISTRY, pair[0], pair[1], keys, true, CipherDirection.ENCRYPT),
            Protections.build(REGISTRY, pair[0], pair[1], keys, true, CipherDirection.DECRYPT)};
    }

    @Property(tries = 300)
    void anyPayloadRoundTrips(@ForAll("cipherAndMac") String[] pair, @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 35_000) int size, @ForAll @IntRange(min = 1, max = 4) int packets)
            throws Exception {
        PacketProtection[] p = keyedPair(pair, seed);
        ByteQueue wire = new ByteQueue(64);
        PacketWriter writer = new PacketWriter(wire, new SecureRandom());
        writer.switchProtection(p[0], false);
        PacketReader reader = new PacketReader(256 * 1024);
        reader.switchProtection(p[1], false);
        Random random = new Random(seed);
        List<byte[]> sent = new ArrayList<>();
        for (int i = 0; i < packets; i++) {
            byte[] payload = new byte[size - i > 0 ? size - i : 1];
            random.nextBytes(payload);
            sent.add(payload);
            writer.write(payload);
        }
        for (int i = 0; i < packets; i++) {
            assertTrue(reader.next(wire), "packet " + i + " complete");
            byte[] got = java.util.Arrays.copyOfRange(wire.array(), reader.payloadOffset(),
                    reader.payloadOffset() + reader.payloadLength());
            assertArrayEquals(sent.get(i), got);
            assertEquals(i, reader.packetSequenceNumber());
            reader.release(wire);
        }
        assertEquals(0, wire.size());
    }

    @Property(tries = 400)
    void aFlippedBitIsNeverAccepted(@ForAll("cipherAndMac") String[] pair, @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 2000) int size, @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int where)
            throws Exception {
        PacketProtection[] p = keyedPair(pair, seed);
        ByteQueue wire = new ByteQueue(64);
        PacketWriter writer = new PacketWriter(wire, new SecureRandom());
        writer.switchProtection(p[0], false);
        byte[] payload = new byte[size];
        new Random(seed).nextBytes(payload);
        writer.write(payload);
        int sealedLength = wire.size();
        // A second, intact packet follows, so a reader that a flipped length sends looking
        // further gets real bytes and must still refuse them.
        writer.write(payload);
        int bit = where % (sealedLength * 8);
        wire.array()[wire.head() + bit / 8] ^= (byte) (1 << (bit % 8));

        PacketReader reader = new PacketReader(256 * 1024);
        reader.switchProtection(p[1], false);
        try {
            boolean accepted = reader.next(wire);
            assertTrue(!accepted, "a tampered packet was accepted (bit " + bit + " of " + sealedLength + ")");
        } catch (SshProtocolException e) {
            assertTrue(Set.of(DisconnectReason.MAC_ERROR, DisconnectReason.PROTOCOL_ERROR).contains(e.reason()));
        }
    }
}
