package dev.keyway.api.keys;

import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Optional;

/**
 * The public key formats Keyway reads and writes, named as in the blob's first field.
 */
public enum KeyType {
    /** RFC 4253 §6.6; used by {@code rsa-sha2-256} and {@code rsa-sha2-512} (RFC 8332 §3). */
    SSH_RSA("ssh-rsa"),
    /** RFC 5656 §3.1 with the curve identifier {@code nistp256}. */
    ECDSA_SHA2_NISTP256("ecdsa-sha2-nistp256"),
    /** RFC 8709 §4. */
    SSH_ED25519("ssh-ed25519");

    private final String sshName;

    KeyType(String sshName) {
        this.sshName = sshName;
    }

    /** The name that starts the public key blob. */
    public String sshName() {
        return sshName;
    }

    /** The type with this SSH name, if Keyway knows it. */
    public static Optional<KeyType> bySshName(String name) {
        for (KeyType t : values()) {
            if (t.sshName.equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /**
     * The type of a key, whichever provider made it; empty for keys Keyway cannot encode,
     * such as an EC key on another curve.
     */
    public static Optional<KeyType> of(PublicKey key) {
        if (key instanceof RSAPublicKey) {
            return Optional.of(SSH_RSA);
        }
        if (key instanceof ECPublicKey ec) {
            return NistP256.isCurve(ec.getParams()) ? Optional.of(ECDSA_SHA2_NISTP256) : Optional.empty();
        }
        if (Ed25519Encoding.isEd25519(key)) {
            return Optional.of(SSH_ED25519);
        }
        return Optional.empty();
    }
}
