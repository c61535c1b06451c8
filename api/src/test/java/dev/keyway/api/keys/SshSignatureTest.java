package dev.keyway.api.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyway.api.SshProtocolException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.Arrays;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/** The SSH rules {@link SshSignature} applies around any primitive. */
class SshSignatureTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] MESSAGE = {'k', 'e', 'y', 'w', 'a', 'y'};
    private static final RecordingPrimitive RSA = new RecordingPrimitive("SHA256withRSA", "RSA", 1024);
    private static final KeyPair RSA_KEYS = RSA.generateKeyPair(RANDOM);
    private static final RecordingPrimitive ED25519 = new RecordingPrimitive("Ed25519", "Ed25519", 255);
    private static final KeyPair ED25519_KEYS = ED25519.generateKeyPair(RANDOM);

    private static SshSignature rsa() {
        RSA.toThrow = null;
        return new SshSignature("rsa-sha2-256", KeyType.SSH_RSA, RSA);
    }

    @Example
    void signFramesTheInnerSignatureInABlobWithItsName() throws SshProtocolException {
        byte[] blob = rsa().sign(RSA_KEYS.getPrivate(), MESSAGE, RANDOM);
        SignatureBlob parsed = SignatureBlob.decode(blob);
        assertEquals("rsa-sha2-256", parsed.algorithm());
        assertEquals(128, parsed.signature().length);
        assertTrue(rsa().verify(RSA_KEYS.getPublic(), MESSAGE, blob));
        assertEquals("ssh-rsa", rsa().keyType());
    }

    @Example
    void aBlobNamingAnotherAlgorithmNeverReachesThePrimitive() {
        byte[] inner = RSA.sign(RSA_KEYS.getPrivate(), MESSAGE, RANDOM);
        RSA.lastVerified = null;
        for (String other : new String[] {"ssh-rsa", "rsa-sha2-512", ""}) {
            assertFalse(rsa().verify(RSA_KEYS.getPublic(), MESSAGE, new SignatureBlob(other, inner).encode()));
        }
        assertNull(RSA.lastVerified);
    }

    @Example
    void shortRsaSignaturesAreLeftPaddedAndLongOnesRefused() {
        SshSignature alg = rsa();
        byte[] inner = new byte[127];
        Arrays.fill(inner, (byte) 0x5a);
        assertFalse(alg.verify(RSA_KEYS.getPublic(), MESSAGE, new SignatureBlob(alg.name(), inner).encode()));
        byte[] padded = new byte[128];
        System.arraycopy(inner, 0, padded, 1, 127);
        assertArrayEquals(padded, RSA.lastVerified, "RFC 8332 §3: left-padded to the modulus length");

        RSA.lastVerified = null;
        assertFalse(alg.verify(RSA_KEYS.getPublic(), MESSAGE, new SignatureBlob(alg.name(), new byte[129]).encode()));
        assertFalse(alg.verify(RSA_KEYS.getPublic(), MESSAGE, new SignatureBlob(alg.name(), new byte[0]).encode()));
        assertNull(RSA.lastVerified);
    }

    @Example
    void smallRsaKeysAreNotAccepted() {
        KeyPair small = new RecordingPrimitive("SHA256withRSA", "RSA", 768).generateKeyPair(RANDOM);
        SshSignature alg = rsa();
        assertFalse(alg.accepts(small.getPublic()));
        assertThrows(IllegalArgumentException.class, () -> alg.encodePublicKey(small.getPublic()));
        byte[] blob = new SignatureBlob(alg.name(), new byte[96]).encode();
        assertFalse(alg.verify(small.getPublic(), MESSAGE, blob));
        assertTrue(alg.accepts(RSA_KEYS.getPublic()));
    }

    @Example
    void keysOfAnotherTypeAreRefused() {
        SshSignature alg = rsa();
        assertFalse(alg.accepts(ED25519_KEYS.getPublic()));
        assertFalse(alg.verify(ED25519_KEYS.getPublic(), MESSAGE, alg.sign(RSA_KEYS.getPrivate(), MESSAGE, RANDOM)));
        assertThrows(SshProtocolException.class,
                () -> alg.decodePublicKey(PublicKeyBlob.encode(ED25519_KEYS.getPublic())));
    }

    @Example
    void ed25519SignaturesMustBe64Bytes() {
        SshSignature alg = new SshSignature("ssh-ed25519", KeyType.SSH_ED25519, ED25519);
        byte[] blob = alg.sign(ED25519_KEYS.getPrivate(), MESSAGE, RANDOM);
        assertTrue(alg.verify(ED25519_KEYS.getPublic(), MESSAGE, blob));
        ED25519.lastVerified = null;
        for (int len : new int[] {0, 63, 65}) {
            assertFalse(alg.verify(ED25519_KEYS.getPublic(), MESSAGE,
                    new SignatureBlob(alg.name(), new byte[len]).encode()));
        }
        assertNull(ED25519.lastVerified);
    }

    @Example
    void ecdsaHalvesOutsideTheGroupOrderAreRefusedBeforeTheLibrary() {
        RecordingPrimitive p = new RecordingPrimitive("SHA256withECDSA", "EC", 256);
        SshSignature alg = new SshSignature("ecdsa-sha2-nistp256", KeyType.ECDSA_SHA2_NISTP256, p);
        KeyPair keys = p.generateKeyPair(RANDOM);
        BigInteger[][] bad = {{NistP256.N, BigInteger.ONE}, {BigInteger.ONE, NistP256.N.add(BigInteger.ONE)}};
        for (BigInteger[] rs : bad) {
            byte[] inner = new EcdsaSignature(rs[0], rs[1]).encodeSsh();
            assertFalse(alg.verify(keys.getPublic(), MESSAGE, new SignatureBlob(alg.name(), inner).encode()));
        }
        assertFalse(alg.verify(keys.getPublic(), MESSAGE, new SignatureBlob(alg.name(), new byte[] {0, 0, 0, 1}).encode()));
        assertNull(p.lastVerified);
        byte[] inRange = new EcdsaSignature(BigInteger.ONE, NistP256.N.subtract(BigInteger.ONE)).encodeSsh();
        assertFalse(alg.verify(keys.getPublic(), MESSAGE, new SignatureBlob(alg.name(), inRange).encode()));
        assertArrayEquals(inRange, p.lastVerified, "in-range halves go on to the library");
    }

    @Example
    void aThrowingPrimitiveMakesVerifyFalse() {
        SshSignature alg = rsa();
        byte[] blob = alg.sign(RSA_KEYS.getPrivate(), MESSAGE, RANDOM);
        RSA.toThrow = new IllegalStateException("library trouble");
        try {
            assertFalse(alg.verify(RSA_KEYS.getPublic(), MESSAGE, blob));
        } finally {
            RSA.toThrow = null;
        }
    }

    @Example
    void nullsAreFalseNotExceptions() {
        SshSignature alg = rsa();
        byte[] blob = alg.sign(RSA_KEYS.getPrivate(), MESSAGE, RANDOM);
        assertFalse(alg.verify(null, MESSAGE, blob));
        assertFalse(alg.verify(RSA_KEYS.getPublic(), null, blob));
        assertFalse(alg.verify(RSA_KEYS.getPublic(), MESSAGE, null));
        assertFalse(alg.accepts(null));
    }

    @Property(tries = 200)
    void arbitraryBlobsNeverVerifyNorThrow(@ForAll @Size(max = 300) byte[] junk) {
        assertFalse(rsa().verify(RSA_KEYS.getPublic(), MESSAGE, junk));
        SshSignature ed = new SshSignature("ssh-ed25519", KeyType.SSH_ED25519, ED25519);
        assertFalse(ed.verify(ED25519_KEYS.getPublic(), MESSAGE, junk));
    }
}
