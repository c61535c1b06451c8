package dev.keyway.transport;

/**
 * The algorithms a key exchange settled on (RFC 4253 §7.1), one per category and direction.
 * A MAC is {@code null} for a direction whose cipher is AEAD, which authenticates by itself.
 */
public record NegotiatedAlgorithms(
        String kex,
        String hostKey,
        String cipherClientToServer,
        String cipherServerToClient,
        String macClientToServer,
        String macServerToClient,
        String compressionClientToServer,
        String compressionServerToClient) {
}
