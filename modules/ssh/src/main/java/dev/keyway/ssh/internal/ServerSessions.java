package dev.keyway.ssh.internal;

import dev.keyway.net.ProtocolDriver;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The live sessions of one server, so that closing the server can end each one politely. */
public final class ServerSessions {
    private final ServerSettings settings;
    private final Set<SessionDriver> live = ConcurrentHashMap.newKeySet();

    public ServerSessions(ServerSettings settings) {
        this.settings = settings;
    }

    /** A session for a newly accepted connection; called on the loop's thread. */
    public ProtocolDriver newSession() {
        SessionDriver d = ServerRole.newSession(settings);
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
}
