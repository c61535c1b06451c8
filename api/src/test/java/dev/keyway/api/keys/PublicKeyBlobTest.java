package dev.keyway.api.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.keyway.api.DisconnectReason;
import dev.keyway.api.SshProtocolException;
import dev.keyway.api.wire.SshWriter;
import java.math.BigInteger;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

class PublicKeyBlobTest {
    private static final List<PublicKey> KEYS = keys();

    private static List<PublicKey> keys() {
        try {
            SecureRandom random = new SecureRandom();
            KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
            rsa.initialize(2048, random);
            KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
            ec.initialize(new ECGenParameterSpec("secp256r1"), random);
            KeyPairGenerator ed = KeyPairGenerator.getInstance("Ed25519");
            return List.of(rsa.generateKeyPair().getPublic(), ec.generateKeyPair().getPublic(),
                    ed.generateKeyPair().getPublic());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Provide
    Arbitrary<PublicKey> key() {
        return Arbitraries.of(KEYS);
    }

    @Property(tries = 30)
    void blobsRoundTrip(@ForAll("key") PublicKey key) throws SshProtocolException {
        byte[] blob = PublicKeyBlob.encode(key);
        KeyType type = KeyType.of(key).orElseThrow();
        assertEquals(type.sshName(), PublicKeyBlob.keyTypeName(blob));
        PublicKey back = PublicKeyBlob.decode(blob);
        assertArrayEquals(key.getEncoded(), back.getEncoded());
        assertArrayEquals(blob, PublicKeyBlob.encode(PublicKeyBlob.decode(blob, type)));
    }

    @Property(tries = 200)
    void everyTruncationIsRejected(@ForAll("key") PublicKey key, @ForAll("fraction") double cut) {
        byte[] blob = PublicKeyBlob.encode(key);
        byte[] prefix = Arrays.copyOf(blob, (int) (cut * blob.length));
        assertThrows(SshProtocolException.class, () -> PublicKeyBlob.decode(prefix));
    }

    @Provide
    Arbitrary<Double> fraction() {
        return Arbitraries.doubles().between(0, 1).filter(d -> d < 1);
    }

    @Property(tries = 30)
    void trailingBytesAreRejected(@ForAll("key") PublicKey key) {
        byte[] blob = Arrays.copyOf(PublicKeyBlob.encode(key), PublicKeyBlob.encode(key).length + 1);
        assertThrows(SshProtocolException.class, () -> PublicKeyBlob.decode(blob));
    }

    @Property(tries = 300)
    void randomBytesOnlyEverGiveProtocolErrors(@ForAll @Size(max = 120) byte[] junk,
            @ForAll("key") PublicKey key) {
        // A valid type name in front makes the decoder go past the first field.
        byte[] name = new SshWriter().writeUtf8(KeyType.of(key).orElseThrow().sshName()).toByteArray();
        for (byte[] input : List.of(junk, concat(name, junk))) {
            try {
                PublicKeyBlob.decode(input);
            } catch (SshProtocolException expected) {
                assertEquals(DisconnectReason.PROTOCOL_ERROR, expected.reason());
            } catch (RuntimeException e) {
                fail("unexpected " + e);
            }
        }
    }

    @Property(tries = 100)
    void flippedBitsNeverCrash(@ForAll("key") PublicKey key, @ForAll int position) {
        byte[] blob = PublicKeyBlob.encode(key);
        int bit = Math.floorMod(position, blob.length * 8);
        blob[bit / 8] ^= (byte) (1 << (bit % 8));
        try {
            PublicKeyBlob.decode(blob);
        } catch (SshProtocolException expected) {
            assertTrue(expected.getMessage() != null);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Example
    void ed25519BlobIsTheRfc8709Layout() throws SshProtocolException {
        // RFC 8032 §7.1 TEST 1 public key.
        byte[] raw = HexFormat.of().parseHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        PublicKey key = Ed25519Encoding.publicKey(raw);
        byte[] expected = new SshWriter().writeUtf8("ssh-ed25519").writeString(raw).toByteArray();
        assertArrayEquals(expected, PublicKeyBlob.encode(key));
        assertArrayEquals(raw, Ed25519Encoding.rawPublicKey(PublicKeyBlob.decode(expected)));
    }

    @Example
    void ecdsaBlobNamingAnotherCurveIsRejected() {
        byte[] blob = new SshWriter().writeUtf8("ecdsa-sha2-nistp256").writeUtf8("nistp384")
                .writeString(NistP256.encodePoint(NistP256.G)).toByteArray();
        assertThrows(SshProtocolException.class, () -> PublicKeyBlob.decode(blob));
    }

    @Example
    void ecdsaPointOffTheCurveIsRejected() {
        byte[] q = NistP256.encodePoint(NistP256.G);
        q[64] ^= 1;
        byte[] blob = new SshWriter().writeUtf8("ecdsa-sha2-nistp256").writeUtf8("nistp256")
                .writeString(q).toByteArray();
        assertThrows(SshProtocolException.class, () -> PublicKeyBlob.decode(blob));
    }

    @Example
    void tinyRsaModulusIsRejected() {
        byte[] blob = new SshWriter().writeUtf8("ssh-rsa").writeMpint(BigInteger.valueOf(65537))
                .writeMpint(BigInteger.ONE.shiftLeft(511).add(BigInteger.ONE)).toByteArray();
        assertThrows(SshProtocolException.class, () -> PublicKeyBlob.decode(blob));
    }

    @Example
    void unknownTypeAndWrongExpectedTypeAreRejected() {
        byte[] dsa = new SshWriter().writeUtf8("ssh-dss").toByteArray();
        assertThrows(SshProtocolException.class, () -> PublicKeyBlob.decode(dsa));
        byte[] ed = PublicKeyBlob.encode(KEYS.get(2));
        assertThrows(SshProtocolException.class, () -> PublicKeyBlob.decode(ed, KeyType.SSH_RSA));
    }

    @Example
    void keysOfOtherCurvesAreNotEncodable() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp384r1"));
        PublicKey p384 = g.generateKeyPair().getPublic();
        assertTrue(KeyType.of(p384).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> PublicKeyBlob.encode(p384));
        PublicKey x25519 = KeyPairGenerator.getInstance("X25519").generateKeyPair().getPublic();
        assertTrue(KeyType.of(x25519).isEmpty());
    }

    @Example
    void pointOnCurveHelpers() throws SshProtocolException {
        assertEquals(NistP256.G, NistP256.decodePoint(NistP256.encodePoint(NistP256.G),
                DisconnectReason.KEY_EXCHANGE_FAILED));
        SshProtocolException e = assertThrows(SshProtocolException.class,
                () -> NistP256.decodePoint(new byte[] {0}, DisconnectReason.KEY_EXCHANGE_FAILED));
        assertEquals(DisconnectReason.KEY_EXCHANGE_FAILED, e.reason());
        byte[] xTooBig = NistP256.encodePoint(NistP256.G);
        NistP256.writeFixed(NistP256.P.add(NistP256.G.getAffineX()).mod(BigInteger.ONE.shiftLeft(256)), xTooBig, 1);
        assertThrows(SshProtocolException.class,
                () -> NistP256.decodePoint(xTooBig, DisconnectReason.KEY_EXCHANGE_FAILED));
    }
}
