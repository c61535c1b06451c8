package dev.keyway.ssh.internal;

import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.net.DeferredDriver;
import dev.keyway.net.ProtocolDriver;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The live sessions of one server, so that closing the server can end each one politely, and
 * the algorithms each new one starts with.
 *
 * <p>Every accepted connection gets the source's snapshot of that moment, taken off the
 * network thread ({@link SourceSnapshots}): until it is there, the connection waits without
 * reading or writing ({@link DeferredDriver}). The user
 * authentication methods stay those the server started with unless the embedder allowed
 * plugged ones: the server half of a method decides who logs in, and a bundle that happens to
 * rank higher must not replace it silently.
 */
public final class ServerSessions {
    private static final System.Logger LOG = System.getLogger("dev.keyway.ssh.server");
    private final ServerSettings settings;
    private final AlgorithmRegistry atStart;
    private final SourceSnapshots snapshots;
    private final Set<SessionDriver> live = ConcurrentHashMap.newKeySet();

    private ServerSessions(ServerSettings settings, AlgorithmRegistry atStart) {
        this.settings = settings;
        this.atStart = atStart;
        this.snapshots = new SourceSnapshots(settings.algorithms());
    }

    /**
     * The sessions of a server starting now.
     *
     * @throws IllegalStateException when the source's algorithms leave a KEXINIT field empty,
     *     or miss an authentication method the server allows
     */
    public static ServerSessions start(ServerSettings settings) {
        AlgorithmRegistry now = settings.algorithms().snapshot();
        OfferCheck.require(settings.policy(), now);
        for (String method : settings.methods()) {
            if (now.userAuthMethod(method).isEmpty()) {
                throw new IllegalStateException("no provider offers the " + method
                        + " authentication method the server allows");
            }
        }
        return new ServerSessions(settings, now);
    }

    /** A session for a newly accepted connection, once the algorithms of this moment are known; called on the loop's thread. */
    public ProtocolDriver newSession() {
        return new DeferredDriver<>(snapshots.next(), this::newSession);
    }

    private ProtocolDriver newSession(AlgorithmRegistry now) {
        AlgorithmRegistry registry = settings.pluggedAuthMethods() ? now : now.withUserAuthMethodsOf(atStart);
        String problem = OfferCheck.problem(settings.policy(), registry);
        if (problem != null) {
            // The key exchange will fail with KEY_EXCHANGE_FAILED; the log says why.
            LOG.log(System.Logger.Level.WARNING, "algorithms changed since the server started: " + problem);
        }
        SessionDriver d = ServerRole.newSession(settings, registry);
        live.add(d);
        d.ended().whenComplete((ok, e) -> live.remove(d));
        return settings.observers().wrap(d);
    }

    /** Sends every session SSH_MSG_DISCONNECT and waits, at most {@code limit}, for them to end. */
    public void disconnectAll(String why, Duration limit) {
        List<SessionDriver> all = List.copyOf(live);
        all.forEach(d -> d.disconnect(why));
        try {
            CompletableFuture.allOf(all.stream().map(SessionDriver::ended).toArray(CompletableFuture[]::new))
                    .get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Closing the loop ends whatever is left.
        }
    }

    /** Ends the snapshot thread, once no connection is accepted any more. */
    public void close() {
        snapshots.close();
    }
}
