package dev.keyway.api.spi;

/**
 * A named algorithm contributed by an {@link AlgorithmProvider}: a factory for the keyed or
 * per-session objects that do the work. The name is the one negotiated in SSH_MSG_KEXINIT
 * (RFC 4253 §7.1), for example {@code aes256-gcm@openssh.com}.
 */
public sealed interface SshAlgorithm
        permits KeyExchangeAlgorithm, SignatureAlgorithm, CipherAlgorithm, MacAlgorithm,
                CompressionAlgorithm {

    /** The algorithm's SSH name. */
    String name();

    /**
     * Whether this algorithm can run here; a provider whose underlying library lacks it
     * (an old JDK, a restricted security policy) answers false and is then never offered.
     */
    default boolean isSupported() {
        return true;
    }
}
