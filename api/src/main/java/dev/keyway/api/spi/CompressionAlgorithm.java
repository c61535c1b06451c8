package dev.keyway.api.spi;

/**
 * A compression algorithm (RFC 4253 §6.2). Keyway ships only {@link #NONE}; the interface is
 * here so that a provider can add {@code zlib@openssh.com} without touching the core.
 */
public non-sealed interface CompressionAlgorithm extends SshAlgorithm {

    /** {@code none}: payloads go as they are. Every registry holds it. */
    CompressionAlgorithm NONE = () -> "none";

    /**
     * Whether compression starts only after user authentication succeeds, as with
     * {@code zlib@openssh.com}.
     */
    default boolean delayed() {
        return false;
    }
}
