package dev.keyway.ssh.internal;

import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.net.Connection;
import dev.keyway.net.EventLoop;
import dev.keyway.ssh.ClientSession;
import dev.keyway.ssh.Credentials;
import dev.keyway.transport.ServerHostKey;
import dev.keyway.transport.SshTransport;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Opens client sessions on one event loop: TCP, key exchange, the login, all bounded by one
 * timeout, and keeps the live ones so that closing the client ends them.
 */
public final class ClientConnector {
    private final EventLoop loop;
    private final ClientSettings settings;
    private final Set<AuthenticatedSession> live = ConcurrentHashMap.newKeySet();

    public ClientConnector(EventLoop loop, ClientSettings settings) {
        this.loop = loop;
        this.settings = settings;
    }

    /**
     * Connects and logs in with the credentials {@code credentialsFor} gives for the accepted
     * host key, with the algorithms the source gives now.
     *
     * @throws IllegalStateException when those algorithms leave a KEXINIT field empty
     */
    public ClientSession connect(InetSocketAddress address, String user,
            Function<ServerHostKey, Credentials> credentialsFor) throws IOException {
        AlgorithmRegistry registry = settings.snapshot();
        SshTransport transport = SshTransport.client(settings.transport(registry));
        ClientRole[] role = new ClientRole[1];
        SessionDriver driver = new SessionDriver(transport,
                d -> role[0] = new ClientRole(d, settings, registry, user, credentialsFor),
                settings.observers());
        Duration timeout = settings.timeout();
        long deadline = System.nanoTime() + timeout.toNanos();
        Connection tcp = null;
        try {
            tcp = Connection.connect(loop, address, settings.observers().wrap(driver), settings.limits()).get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            role[0].authenticated().get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(tcp);
            throw new InterruptedIOException("interrupted while connecting");
        } catch (ExecutionException e) {
            closeQuietly(tcp);
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (TimeoutException e) {
            closeQuietly(tcp);
            throw new IOException("no session with " + address + " within " + timeout.toSeconds() + " s");
        }
        AuthenticatedSession session = new AuthenticatedSession(driver, role[0], user, timeout, settings.environment());
        live.add(session);
        driver.ended().whenComplete((ok, e) -> live.remove(session));
        return session;
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            c.close();
        }
    }

    /** Ends every live session politely, waiting at most the timeout for each. */
    public void closeAll() {
        List<AuthenticatedSession> all = List.copyOf(live);
        all.forEach(AuthenticatedSession::close);
        all.forEach(AuthenticatedSession::awaitEnd);
    }
}
