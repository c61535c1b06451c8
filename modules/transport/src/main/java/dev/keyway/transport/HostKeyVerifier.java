package dev.keyway.transport;

/**
 * Decides whether the client trusts the server's host key (RFC 4253 §8: the client checks
 * that the key really belongs to the server). Called once per key exchange, after the
 * signature over the exchange hash has been verified.
 */
@FunctionalInterface
public interface HostKeyVerifier {

    /** Whether to accept this key; false ends the connection with HOST_KEY_NOT_VERIFIABLE. */
    boolean verify(ServerHostKey key);

    /**
     * Accepts any key: no protection against a man in the middle. For tests and demos only,
     * hence the name.
     */
    static HostKeyVerifier dangerAcceptAny() {
        return key -> true;
    }
}
