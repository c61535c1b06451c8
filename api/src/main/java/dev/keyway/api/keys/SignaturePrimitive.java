package dev.keyway.api.keys;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;

/**
 * The library-specific half of an SSH signature algorithm: the raw operation on the
 * signature's inner bytes, the contents of the {@code string signature} field of the blob
 * (RFC 4253 §6.6). {@link SshSignature} wraps it with everything SSH defines around it: the
 * blob framing, the name and key-type checks, the per-key-type form of the inner bytes and
 * the rule that verification never throws for peer input.
 *
 * <p>The inner bytes are those SSH carries: the RSASSA-PKCS1-v1_5 signature (RFC 8332 §3),
 * {@code mpint r, mpint s} for ECDSA (RFC 5656 §3.1.2), R || S for Ed25519 (RFC 8709 §6).
 * Converting to or from a library's own form (DER for JCA's ECDSA, for example) is the
 * primitive's business.
 */
public interface SignaturePrimitive {

    /**
     * Signs {@code data} and returns the inner signature bytes.
     *
     * @throws IllegalArgumentException when the key is not one this primitive can sign with
     */
    byte[] sign(PrivateKey key, byte[] data, SecureRandom random);

    /**
     * Checks inner signature bytes that have already passed the checks of
     * {@link SshSignature}: the blob named the right algorithm, the key is of the right type,
     * and the bytes have the form of their key type (for RSA exactly the modulus length). It
     * may throw on input it cannot use; the caller turns any exception into {@code false}.
     */
    boolean verify(PublicKey key, byte[] data, byte[] innerSignature);

    /** A new key pair of the primitive's key type. */
    KeyPair generateKeyPair(SecureRandom random);

    /** Whether the underlying library offers the primitive here (see {@code SshAlgorithm#isSupported}). */
    default boolean isSupported() {
        return true;
    }
}
