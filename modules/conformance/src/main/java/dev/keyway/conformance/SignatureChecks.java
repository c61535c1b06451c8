package dev.keyway.conformance;

import dev.keyway.api.SshProtocolException;
import dev.keyway.api.keys.SignatureBlob;
import dev.keyway.api.spi.SignatureAlgorithm;
import dev.keyway.api.wire.SshReader;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The checks behind {@link SignatureConformance}, as plain methods that throw
 * {@link AssertionError} on a violation, so that any test can call them directly.
 */
public final class SignatureChecks {
    private SignatureChecks() {
    }

    /**
     * Signs, then checks what every signature must satisfy: it verifies; the blob is
     * {@code string name, string signature} (RFC 4253 §6.6) with the algorithm's own name;
     * a flipped bit in the message or anywhere in the blob, or another key, makes it fail.
     *
     * @return the signature blob
     */
    public static byte[] assertSignatureHolds(SignatureAlgorithm alg, KeyPair keys, KeyPair otherKeys,
            byte[] message, int bitToFlip, SecureRandom random) {
        byte[] blob = alg.sign(keys.getPrivate(), message.clone(), random);
        if (!alg.verify(keys.getPublic(), message.clone(), blob.clone())) {
            throw new AssertionError(alg.name() + ": a fresh signature does not verify");
        }
        SignatureBlob parsed;
        try {
            parsed = SignatureBlob.decode(blob);
        } catch (SshProtocolException e) {
            throw new AssertionError(alg.name() + ": signature blob is malformed", e);
        }
        if (!alg.name().equals(parsed.algorithm())) {
            throw new AssertionError(alg.name() + ": signature blob names " + parsed.algorithm());
        }
        if (!Arrays.equals(blob, parsed.encode())) {
            throw new AssertionError(alg.name() + ": signature blob does not round-trip");
        }
        byte[] changedMessage = message.length == 0 ? new byte[] {0} : flip(message, bitToFlip);
        if (alg.verify(keys.getPublic(), changedMessage, blob.clone())) {
            throw new AssertionError(alg.name() + ": verifies a changed message");
        }
        if (verifiesSafely(alg, keys.getPublic(), message, flip(blob, bitToFlip))) {
            throw new AssertionError(alg.name() + ": verifies a blob with a flipped bit");
        }
        if (verifiesSafely(alg, otherKeys.getPublic(), message, blob)) {
            throw new AssertionError(alg.name() + ": verifies under another key");
        }
        return blob;
    }

    /** Encoding a public key and decoding it again gives the same key and blob. */
    public static void assertPublicKeyRoundTrips(SignatureAlgorithm alg, PublicKey key) {
        if (!alg.accepts(key)) {
            throw new AssertionError(alg.name() + ": does not accept its own generated key");
        }
        byte[] blob = alg.encodePublicKey(key);
        try {
            String type = new SshReader(blob).readUtf8();
            if (!type.equals(alg.keyType())) {
                throw new AssertionError(alg.name() + ": key blob names " + type + ", not " + alg.keyType());
            }
            PublicKey back = alg.decodePublicKey(blob);
            if (!Arrays.equals(key.getEncoded(), back.getEncoded())) {
                throw new AssertionError(alg.name() + ": decoded key differs");
            }
            if (!Arrays.equals(blob, alg.encodePublicKey(back))) {
                throw new AssertionError(alg.name() + ": key blob does not round-trip");
            }
        } catch (SshProtocolException e) {
            throw new AssertionError(alg.name() + ": refused its own key blob", e);
        }
    }

    /** {@code verify} of arbitrary bytes is false and never throws. */
    public static void assertJunkDoesNotVerify(SignatureAlgorithm alg, PublicKey key, byte[] message, byte[] junk) {
        if (verifiesSafely(alg, key, message, junk)) {
            throw new AssertionError(alg.name() + ": verified junk");
        }
    }

    /** Every proper prefix of a valid blob fails to verify, without throwing. */
    public static void assertTruncationsDoNotVerify(SignatureAlgorithm alg, PublicKey key, byte[] message,
            byte[] blob, int step) {
        for (int cut = 0; cut < blob.length; cut += Math.max(1, step)) {
            if (verifiesSafely(alg, key, message, Arrays.copyOf(blob, cut))) {
                throw new AssertionError(alg.name() + ": verified a blob cut to " + cut + " bytes");
            }
        }
    }

    /** {@code decodePublicKey} of arbitrary bytes throws nothing but SshProtocolException. */
    public static void assertDecodeOnlyThrowsProtocolErrors(SignatureAlgorithm alg, byte[] junk) {
        HostileInput.expectOnlyProtocolErrors(alg.name() + " decodePublicKey", () -> alg.decodePublicKey(junk.clone()));
    }

    /**
     * Truncations of a valid key blob and signature blob, and copies with a length field lying
     * (up to 2^31-1): decoding the key gives only SshProtocolException, verifying gives false,
     * neither throws anything else nor allocates without bound.
     */
    public static void assertHostileBlobsHandled(SignatureAlgorithm alg, KeyPair keys, byte[] message, long seed) {
        java.util.Random rnd = new java.util.Random(seed);
        for (byte[] key : HostileInput.variantsOf(alg.encodePublicKey(keys.getPublic()), rnd)) {
            assertDecodeOnlyThrowsProtocolErrors(alg, key);
        }
        byte[] blob = alg.sign(keys.getPrivate(), message, new SeededRandom(seed));
        for (byte[] sig : HostileInput.variantsOf(blob, rnd)) {
            Boolean verified = HostileInput.expectOnlyProtocolErrors(alg.name() + " verify",
                    () -> alg.verify(keys.getPublic(), message.clone(), sig));
            if (Boolean.TRUE.equals(verified)) {
                throw new AssertionError(alg.name() + ": verified a mangled signature blob");
            }
        }
    }

    /**
     * RFC 8332 §3: an RSA signature may arrive shorter than the modulus (a signer that drops
     * leading zero bytes), and a verifier must accept it as OpenSSH does. Signs messages until
     * one signature starts with a zero byte (about 1 in 256), then checks that the signature
     * without that byte still verifies.
     */
    public static void assertShortRsaSignatureVerifies(SignatureAlgorithm alg, KeyPair keys, SecureRandom random) {
        for (int i = 0; i < 5000; i++) {
            byte[] message = {(byte) i, (byte) (i >>> 8), 'k', 'w'};
            byte[] sig;
            try {
                sig = SignatureBlob.decode(alg.sign(keys.getPrivate(), message, random)).signature();
            } catch (SshProtocolException e) {
                throw new AssertionError(alg.name() + ": signature blob is malformed", e);
            }
            if (sig[0] != 0) {
                continue;
            }
            byte[] shortBlob = new SignatureBlob(alg.name(), Arrays.copyOfRange(sig, 1, sig.length)).encode();
            if (!verifiesSafely(alg, keys.getPublic(), message, shortBlob)) {
                throw new AssertionError(alg.name() + ": refuses a signature one byte shorter than the modulus");
            }
            return;
        }
        throw new AssertionError(alg.name() + ": no signature with a leading zero byte in 5000 tries");
    }

    /**
     * RFC 8332 §3 and RFC 9142 §3.2: SHA-1 RSA signatures ({@code ssh-rsa}) are never
     * accepted, whether the blob names {@code ssh-rsa} or the algorithm's own name.
     */
    public static void assertSha1RsaRefused(SignatureAlgorithm alg, KeyPair keys, byte[] message) {
        byte[] sha1;
        try {
            java.security.Signature s = java.security.Signature.getInstance("SHA1withRSA");
            s.initSign(keys.getPrivate());
            s.update(message);
            sha1 = s.sign();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot make SHA-1 RSA signatures to test with", e);
        }
        for (String name : new String[] {"ssh-rsa", alg.name()}) {
            if (verifiesSafely(alg, keys.getPublic(), message, new SignatureBlob(name, sha1).encode())) {
                throw new AssertionError(alg.name() + ": accepts a SHA-1 signature named " + name);
            }
        }
    }

    private static boolean verifiesSafely(SignatureAlgorithm alg, PublicKey key, byte[] message, byte[] blob) {
        try {
            return alg.verify(key, message.clone(), blob);
        } catch (RuntimeException e) {
            throw new AssertionError(alg.name() + ": verify threw " + e, e);
        }
    }

    static byte[] flip(byte[] data, int bit) {
        byte[] out = data.clone();
        int b = Math.floorMod(bit, out.length * 8);
        out[b / 8] ^= (byte) (1 << (b % 8));
        return out;
    }
}
