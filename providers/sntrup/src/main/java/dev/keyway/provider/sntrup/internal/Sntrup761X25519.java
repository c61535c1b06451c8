package dev.keyway.provider.sntrup.internal;

import dev.keyway.api.spi.ClassicHalf;
import dev.keyway.api.spi.EphemeralKeyExchange;
import dev.keyway.api.spi.ExchangeDigest;
import dev.keyway.api.spi.SshAlgorithm;
import java.util.List;

/**
 * {@code sntrup761x25519-sha512} under both its names (RFC 9941, formerly
 * draft-ietf-sshm-ntruprime-ssh; OpenSSH 8.5 introduced it as
 * {@code sntrup761x25519-sha512@openssh.com}, OpenSSH 9.9 added the IANA name): Q_C is the
 * sntrup761 public key (1158 bytes) then the client's X25519 value (32); Q_S is the ciphertext
 * (1039 bytes) then the server's X25519 value; K = SHA-512(K_PQ || K_CL) as a string.
 */
public final class Sntrup761X25519 {
    /** The name IANA registers. */
    public static final String NAME = "sntrup761x25519-sha512";
    /** The name OpenSSH introduced it under, the same method. */
    public static final String OPENSSH_NAME = "sntrup761x25519-sha512@openssh.com";

    private Sntrup761X25519() {
    }

    /** The method under its two names. */
    public static List<SshAlgorithm> exchanges() {
        return List.of(exchange(NAME), exchange(OPENSSH_NAME));
    }

    private static SshAlgorithm exchange(String name) {
        return EphemeralKeyExchange.hybrid(name, ExchangeDigest.SHA512, new Sntrup761(),
                ClassicHalf.x25519(new X25519()));
    }
}
