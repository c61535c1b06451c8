package dev.keyway.ssh.internal;

import dev.keyway.transport.TransportEvent;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * What a server tells its operator, through {@link System.Logger} (so that SLF4J, Log4j or
 * java.util.logging receive it without a logging dependency here), in the words sshd uses:
 * connections, logins accepted and failed with the user, method, key and source, disconnects
 * with their reason, and the limits that were hit. Never a password, a key's private half or
 * any secret of the key exchange; text from the peer is escaped ({@link LogText}).
 */
final class ServerLog {
    private static final Logger LOG = System.getLogger("dev.keyway.ssh.server");

    private final String source;

    ServerLog(InetSocketAddress peer) {
        this.source = peer == null ? "unknown" : peer.getAddress().getHostAddress() + " port " + peer.getPort();
    }

    void connected() {
        LOG.log(Level.INFO, "Connection from {0}", source);
    }

    void accepted(String user, List<String> methods, String credential) {
        LOG.log(Level.INFO, "Accepted {0} for {1} from {2}{3}", String.join(",", methods), LogText.of(user), source,
                credential.isEmpty() ? "" : ": " + credential);
    }

    void partial(String user, String method, String credential) {
        LOG.log(Level.INFO, "Partial {0} for {1} from {2}{3}", method, LogText.of(user), source,
                credential.isEmpty() ? "" : ": " + credential);
    }

    void failed(String user, String method, String credential) {
        LOG.log(Level.INFO, "Failed {0} for {1} from {2}{3}", LogText.of(method), LogText.of(user), source,
                credential.isEmpty() ? "" : ": " + credential);
    }

    void limit(String what) {
        LOG.log(Level.WARNING, "{0} from {1}", what, source);
    }

    void ended(TransportEvent.Disconnected how, String user) {
        String who = user == null ? "" : " user " + LogText.of(user);
        if (how.byPeer()) {
            LOG.log(Level.INFO, "Disconnected from{0} {1}: {2} {3}", who, source, how.reason(),
                    LogText.of(how.description()));
        } else {
            LOG.log(Level.INFO, "Disconnecting{0} {1}: {2} {3}", who, source, how.reason(), LogText.of(how.description()));
        }
    }
}
