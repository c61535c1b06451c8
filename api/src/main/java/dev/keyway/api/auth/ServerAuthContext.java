package dev.keyway.api.auth;

import dev.keyway.api.AlgorithmRegistry;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * What a server half of a method can know: the names in the request, the session identifier
 * (to check publickey signatures, RFC 4252 §7), the algorithms, the client's address, and the
 * embedder's checks, looked up by type (a password check, a public key check, ...).
 */
public interface ServerAuthContext {
    String userName();

    String serviceName();

    byte[] sessionId();

    AlgorithmRegistry registry();

    /** The client's address, or empty when the engine runs without a socket (a test). */
    Optional<InetSocketAddress> clientAddress();

    /**
     * The signature algorithms this server accepts for user keys, in the order it announced
     * them in {@code server-sig-algs} (RFC 8308 §3.1), sshd's PubkeyAcceptedAlgorithms: a
     * {@code publickey} request naming another one fails.
     */
    List<String> publicKeyAlgorithms();

    /** An authenticator of the given type, if the embedder configured one. */
    <T> Optional<T> authenticator(Class<T> type);

    /**
     * Runs an embedder's check (a password lookup, a directory bind) away from the network
     * thread, on the server's bounded authentication pool, and completes with its result. A
     * method calls every authenticator through here, so one slow check does not stall the
     * server's other sessions; the method then answers {@link ServerAuthExchange.Outcome.Pending}.
     * When the pool is full the stage fails, and the attempt counts as failed.
     */
    <T> CompletionStage<T> offload(Supplier<T> check);
}
