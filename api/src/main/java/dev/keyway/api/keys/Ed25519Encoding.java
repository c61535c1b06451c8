package dev.keyway.api.keys;

import dev.keyway.api.DisconnectReason;
import dev.keyway.api.SshProtocolException;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

/**
 * Converts Ed25519 public keys between the raw 32-byte encoding of RFC 8032 §5.1.2, which
 * SSH carries (RFC 8709 §4), and {@code java.security} keys. The conversion goes through the
 * X.509 SubjectPublicKeyInfo of RFC 8410 §4, which is a fixed 12-byte prefix followed by
 * the raw key, so it works for keys made by any provider.
 */
public final class Ed25519Encoding {
    /** Bytes of a raw public key. */
    public static final int KEY_BYTES = 32;

    /** SEQUENCE { SEQUENCE { OID 1.3.101.112 }, BIT STRING (33 bytes, 0 unused bits) ... }. */
    private static final byte[] SPKI_PREFIX = {
        0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00
    };

    private Ed25519Encoding() {
    }

    /** Whether a key is an Ed25519 public key, judged by its standard encoding. */
    public static boolean isEd25519(PublicKey key) {
        byte[] der = "X.509".equals(key.getFormat()) ? key.getEncoded() : null;
        return der != null && der.length == SPKI_PREFIX.length + KEY_BYTES
                && Arrays.equals(der, 0, SPKI_PREFIX.length, SPKI_PREFIX, 0, SPKI_PREFIX.length);
    }

    /** The raw 32-byte public key. */
    public static byte[] rawPublicKey(PublicKey key) {
        if (!isEd25519(key)) {
            throw new IllegalArgumentException("not an Ed25519 public key");
        }
        byte[] der = key.getEncoded();
        return Arrays.copyOfRange(der, SPKI_PREFIX.length, der.length);
    }

    /**
     * A {@code java.security} key for a raw public key. The point is not decompressed here;
     * an encoding that is not a curve point simply never verifies (RFC 8032 §5.1.7).
     *
     * @throws SshProtocolException when the length is wrong or the JDK refuses the key
     */
    public static PublicKey publicKey(byte[] raw) throws SshProtocolException {
        if (raw.length != KEY_BYTES) {
            throw new SshProtocolException(DisconnectReason.PROTOCOL_ERROR, "Ed25519 key is not 32 bytes");
        }
        byte[] der = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + KEY_BYTES);
        System.arraycopy(raw, 0, der, SPKI_PREFIX.length, KEY_BYTES);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        } catch (InvalidKeySpecException | RuntimeException e) {
            throw new SshProtocolException(DisconnectReason.PROTOCOL_ERROR, "invalid Ed25519 key", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no Ed25519 (needs Java 15+)", e);
        }
    }
}
