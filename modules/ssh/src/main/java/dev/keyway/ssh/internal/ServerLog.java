package dev.keyway.ssh.internal;

import dev.keyway.api.DisconnectReason;
import dev.keyway.transport.NegotiatedAlgorithms;
import dev.keyway.transport.TransportEvent;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * What a server tells its operator about one connection, through {@link System.Logger} (so that
 * SLF4J, Log4j or java.util.logging receive it without a logging dependency here), in the words
 * sshd(8) uses: INFO for what sshd logs at its default level (connections, logins accepted and
 * failed with the user, method, key and source, disconnects with their reason, penalties),
 * WARNING for limits that were hit and failures the operator should look at, DEBUG for what
 * sshd logs at VERBOSE or debug1 (the client's version, the algorithms, re-keys, sessions).
 *
 * <p>Never a password, a key's private half, the shared secret or a derived key; text from the
 * peer (user names, method names, DISCONNECT descriptions, the version string) is escaped
 * ({@link LogText}). Commands and environment values are not logged: they may hold secrets.
 * Numbers go in as text, since {@link java.text.MessageFormat} would group their digits.
 */
final class ServerLog {
    private static final Logger LOG = System.getLogger("dev.keyway.ssh.server");

    /** The client, as sshd names it: {@code 192.0.2.7 port 51234}. */
    private final String source;
    private final String local;
    private final String address;

    ServerLog(InetSocketAddress peer, InetSocketAddress localEnd) {
        this.source = peer == null ? "unknown" : endpoint(peer);
        this.local = localEnd == null ? "unknown" : endpoint(localEnd);
        this.address = peer == null ? "unknown" : peer.getAddress().getHostAddress();
    }

    private static String endpoint(InetSocketAddress a) {
        return a.getAddress().getHostAddress() + " port " + a.getPort();
    }

    void connected() {
        LOG.log(Level.INFO, "Connection from {0} on {1}", source, local);
    }

    /** The client's identification string (RFC 4253 §4.2), sshd's "remote software version". */
    void clientVersion(String identification) {
        LOG.log(Level.DEBUG, "Client version \"{0}\" from {1}", LogText.of(identification), source);
    }

    /** sshd's "kex: algorithm: ...", one line for the whole choice (RFC 4253 §7.1). */
    void negotiated(NegotiatedAlgorithms a) {
        LOG.log(Level.DEBUG, "kex: algorithm {0}, host key {1}, client->server {2}, server->client {3} with {4}",
                a.kex(), a.hostKey(), direction(a.cipherClientToServer(), a.macClientToServer(),
                        a.compressionClientToServer()),
                direction(a.cipherServerToClient(), a.macServerToClient(), a.compressionServerToClient()), source);
    }

    private static String direction(String cipher, String mac, String compression) {
        return cipher + (mac == null ? "" : " " + mac) + " " + compression;
    }

    /** New keys are in force after a re-exchange (RFC 4253 §9). */
    void rekeyed(int keyExchanges) {
        LOG.log(Level.DEBUG, "Keys renewed with {0} (key exchange {1})", source, String.valueOf(keyExchanges));
    }

    /** An SSH_MSG_DEBUG from the client (RFC 4253 §11.3), or the transport's own note. */
    void debugMessage(String text) {
        LOG.log(Level.DEBUG, "Debug from {0}: {1}", source, LogText.of(text));
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

    /** A limit was hit: MaxAuthTries, LoginGraceTime, a refused channel, a client not answering keepalives. */
    void limit(String what) {
        LOG.log(Level.WARNING, "{0} from {1}", what, source);
    }

    /** sshd's PerSourcePenalties: the source's penalty grew, to {@code total}. */
    void penalised(String reason, Duration total) {
        if (!total.isZero()) {
            LOG.log(Level.INFO, "Penalty for {0}: {1}; penalised for {2} s", address, reason,
                    String.valueOf(total.toSeconds()));
        }
    }

    /** A command, shell or subsystem started on a session channel (RFC 4254 §6.5), as sshd logs at VERBOSE. */
    void sessionStarted(String user, String what, int channel) {
        LOG.log(Level.DEBUG, "Starting session: {0} for {1} from {2} id {3}", what, LogText.of(user), source,
                String.valueOf(channel));
    }

    void sessionClosed(String user, int channel) {
        LOG.log(Level.DEBUG, "Close session: user {0} from {1} id {2}", LogText.of(user), source,
                String.valueOf(channel));
    }

    /**
     * The embedder's handler threw: the client learns only exit status 1, the operator the
     * exception's type. Not its message or trace: they are the embedder's text (a command
     * line, a secret), which this log cannot vouch for; the handler logs its own failures.
     */
    void sessionFailed(String user, String what, int channel, Exception e) {
        LOG.log(Level.WARNING, "Session {0} for {1} from {2} id {3} failed: {4}", what, LogText.of(user), source,
                String.valueOf(channel), e.getClass().getName());
    }

    /**
     * The connection is over. sshd marks what happened before the login {@code [preauth]};
     * a connection that ended while keys were being renewed is a failed re-key, worth a warning
     * unless the client simply left.
     */
    void ended(TransportEvent.Disconnected how, String user, boolean rekeying) {
        String who = user == null ? "" : " user " + LogText.of(user);
        String preauth = user == null ? " [preauth]" : "";
        String description = LogText.of(how.description());
        if (rekeying && how.reason() != DisconnectReason.BY_APPLICATION) {
            LOG.log(Level.WARNING, "Key re-exchange with {0} failed: {1} {2}", source, how.reason(), description);
        }
        LOG.log(Level.INFO, "{0}{1} {2}: {3} {4}{5}", how.byPeer() ? "Disconnected from" : "Disconnecting", who,
                source, how.reason(), description, preauth);
    }
}
