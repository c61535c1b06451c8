package dev.keyway.integration.javapeers;

/**
 * How a run of the Java-peer matrices logs in: with the password (RFC 4252 §8), or by publickey
 * (RFC 4252 §7) with the user's key of one type, made by the signature algorithm named here.
 */
enum Login {
    PASSWORD(null),
    ED25519_KEY("ssh-ed25519"),
    ECDSA_KEY("ecdsa-sha2-nistp256"),
    RSA_KEY("rsa-sha2-512");

    private final String keyAlgorithm;

    Login(String keyAlgorithm) {
        this.keyAlgorithm = keyAlgorithm;
    }

    /** The signature algorithm whose key pair this login uses; {@code null} for the password. */
    String keyAlgorithm() {
        return keyAlgorithm;
    }
}
