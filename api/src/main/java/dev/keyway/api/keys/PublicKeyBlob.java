package dev.keyway.api.keys;

import dev.keyway.api.DisconnectReason;
import dev.keyway.api.SshProtocolException;
import dev.keyway.api.wire.SshReader;
import dev.keyway.api.wire.SshWriter;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.KeySpec;
import java.security.spec.RSAPublicKeySpec;

/**
 * SSH public key blobs (RFC 4253 §6.6) for the {@link KeyType}s Keyway knows:
 * <ul>
 * <li>{@code string "ssh-rsa", mpint e, mpint n} (RFC 4253 §6.6);
 * <li>{@code string "ecdsa-sha2-nistp256", string "nistp256", string Q} with Q an
 *     uncompressed point (RFC 5656 §3.1);
 * <li>{@code string "ssh-ed25519", string key} with the 32-byte key of RFC 8032 (RFC 8709 §4).
 * </ul>
 * Decoded keys are JDK keys made by {@link KeyFactory}; any malformed blob, trailing bytes
 * included, is an {@link SshProtocolException} with reason {@code PROTOCOL_ERROR}.
 */
public final class PublicKeyBlob {
    /**
     * The smallest RSA modulus read, in bits. Smaller keys offer no security and OpenSSH
     * refuses them too (its SSH_RSA_MINIMUM_MODULUS_SIZE); which sizes to trust beyond that
     * is the caller's policy.
     */
    public static final int MIN_RSA_BITS = 1024;

    private PublicKeyBlob() {
    }

    /**
     * The blob of a key.
     *
     * @throws IllegalArgumentException for a key of a type Keyway cannot encode
     */
    public static byte[] encode(PublicKey key) {
        KeyType type = KeyType.of(key)
                .orElseThrow(() -> new IllegalArgumentException("unsupported key: " + key.getAlgorithm()));
        SshWriter w = new SshWriter(128).writeUtf8(type.sshName());
        switch (type) {
            case SSH_RSA -> {
                RSAPublicKey rsa = (RSAPublicKey) key;
                w.writeMpint(rsa.getPublicExponent()).writeMpint(rsa.getModulus());
            }
            case ECDSA_SHA2_NISTP256 -> w.writeUtf8(NistP256.SSH_IDENTIFIER)
                    .writeString(NistP256.encodePoint(((ECPublicKey) key).getW()));
            case SSH_ED25519 -> w.writeString(Ed25519Encoding.rawPublicKey(key));
            default -> throw new IllegalStateException(type.name());
        }
        return w.toByteArray();
    }

    /** The key type a blob names, without decoding the rest. */
    public static String keyTypeName(byte[] blob) throws SshProtocolException {
        return new SshReader(blob).readUtf8();
    }

    /** Decodes a blob of any known key type. */
    public static PublicKey decode(byte[] blob) throws SshProtocolException {
        SshReader r = new SshReader(blob);
        String name = r.readUtf8();
        KeyType type = KeyType.bySshName(name)
                .orElseThrow(() -> new SshProtocolException(DisconnectReason.PROTOCOL_ERROR,
                        "unknown public key type"));
        return decodeBody(type, r);
    }

    /** Decodes a blob that must be of the given type. */
    public static PublicKey decode(byte[] blob, KeyType expected) throws SshProtocolException {
        SshReader r = new SshReader(blob);
        if (!expected.sshName().equals(r.readUtf8())) {
            throw new SshProtocolException(DisconnectReason.PROTOCOL_ERROR,
                    "public key blob is not of type " + expected.sshName());
        }
        return decodeBody(expected, r);
    }

    private static PublicKey decodeBody(KeyType type, SshReader r) throws SshProtocolException {
        PublicKey key;
        switch (type) {
            case SSH_RSA -> {
                BigInteger e = r.readMpint();
                BigInteger n = r.readMpint();
                r.expectEnd();
                key = rsa(e, n);
            }
            case ECDSA_SHA2_NISTP256 -> {
                if (!NistP256.SSH_IDENTIFIER.equals(r.readUtf8())) {
                    throw new SshProtocolException(DisconnectReason.PROTOCOL_ERROR,
                            "ECDSA key blob names another curve");
                }
                byte[] q = r.readString();
                r.expectEnd();
                key = generate("EC", new ECPublicKeySpec(
                        NistP256.decodePoint(q, DisconnectReason.PROTOCOL_ERROR), NistP256.parameters()));
            }
            case SSH_ED25519 -> {
                byte[] raw = r.readString();
                r.expectEnd();
                key = Ed25519Encoding.publicKey(raw);
            }
            default -> throw new IllegalStateException(type.name());
        }
        return key;
    }

    private static PublicKey rsa(BigInteger e, BigInteger n) throws SshProtocolException {
        // RFC 8017 §3.1: n is odd and composite, 3 <= e < n, e odd.
        if (n.bitLength() < MIN_RSA_BITS || !n.testBit(0)) {
            throw new SshProtocolException(DisconnectReason.PROTOCOL_ERROR, "RSA modulus is unusable");
        }
        if (e.compareTo(BigInteger.valueOf(3)) < 0 || e.compareTo(n) >= 0 || !e.testBit(0)) {
            throw new SshProtocolException(DisconnectReason.PROTOCOL_ERROR, "RSA exponent is unusable");
        }
        return generate("RSA", new RSAPublicKeySpec(n, e));
    }

    private static PublicKey generate(String algorithm, KeySpec spec) throws SshProtocolException {
        try {
            return KeyFactory.getInstance(algorithm).generatePublic(spec);
        } catch (GeneralSecurityException | RuntimeException ex) {
            throw new SshProtocolException(DisconnectReason.PROTOCOL_ERROR, "JDK refused the public key", ex);
        }
    }

}
