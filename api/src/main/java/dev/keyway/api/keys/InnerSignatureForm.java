package dev.keyway.api.keys;

import dev.keyway.api.SshProtocolException;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;

/**
 * What the inner bytes of a peer's signature blob must look like for each key type, checked
 * before any library sees them, so that every provider applies the same rules.
 */
final class InnerSignatureForm {
    /** R || S of RFC 8032 §5.1.6, which RFC 8709 §6 carries as is. */
    static final int ED25519_SIGNATURE_BYTES = 64;

    private InnerSignatureForm() {
    }

    /**
     * The bytes to hand to the primitive, or null when they cannot be a signature for the
     * key. The key has already been accepted for the type.
     */
    static byte[] normalise(KeyType type, PublicKey key, byte[] inner) {
        return switch (type) {
            case SSH_RSA -> rsa((RSAPublicKey) key, inner);
            case ECDSA_SHA2_NISTP256 -> ecdsa(inner);
            case SSH_ED25519 -> inner.length == ED25519_SIGNATURE_BYTES ? inner : null;
        };
    }

    /**
     * RFC 8332 §3: a signer may send an RSA signature shorter than the modulus (a leading
     * zero byte dropped). OpenSSH accepts it by left-padding, and so do we; libraries insist
     * on the full length. Longer or empty signatures are refused.
     */
    private static byte[] rsa(RSAPublicKey key, byte[] inner) {
        int modulusBytes = (key.getModulus().bitLength() + 7) / 8;
        if (inner.length == 0 || inner.length > modulusBytes) {
            return null;
        }
        if (inner.length == modulusBytes) {
            return inner;
        }
        byte[] full = new byte[modulusBytes];
        System.arraycopy(inner, 0, full, modulusBytes - inner.length, inner.length);
        return full;
    }

    /**
     * RFC 5656 §3.1.2: {@code mpint r, mpint s}, strictly encoded, with both halves in
     * [1, n-1] (SEC1 §4.1.4 step 1), so that no library is trusted to range-check them.
     */
    private static byte[] ecdsa(byte[] inner) {
        try {
            return EcdsaSignature.decodeSsh(inner).inRange(NistP256.N) ? inner : null;
        } catch (SshProtocolException e) {
            return null;
        }
    }
}
