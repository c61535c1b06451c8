package dev.keyway.integration.javapeers;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;

/**
 * Apache MINA SSHD's client against a {@link KeywayServerForPeers}: a client that accepts only
 * that server's host keys, a login, and commands over {@code exec} channels (RFC 4254 §6.5),
 * every wait bounded. Public for the end-to-end benchmark ({@code …integration.bench}), whose
 * MINA client logs in to other servers ({@link #login(SshClient, String, int, Identity)}).
 */
public final class MinaClientForPeers {
    static final Duration LIMIT = Duration.ofSeconds(20);

    /** How a login proves who the user is: adds a password or key identity to the session. */
    public interface Identity {
        void addTo(ClientSession session) throws Exception;
    }

    private MinaClientForPeers() {
    }

    /** A client, not yet started, that accepts a host key only if the server holds it: same type and fingerprint. */
    static SshClient client(KeywayServerForPeers server) {
        SshClient client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier((session, address, key) ->
                server.isHostKey(KeyUtils.getKeyType(key), KeyUtils.getFingerPrint(key)));
        return client;
    }

    /** Starts the client, connects to the server as {@link KeywayServerForPeers#USER} and logs in. */
    static ClientSession login(SshClient client, KeywayServerForPeers server, Identity identity) throws Exception {
        return login(client, KeywayServerForPeers.USER, server.port(), identity);
    }

    /** Starts the client (unless it runs), connects to 127.0.0.1:{@code port} as {@code user} and logs in. */
    public static ClientSession login(SshClient client, String user, int port, Identity identity) throws Exception {
        client.start();
        ClientSession session = client.connect(user, "127.0.0.1", port).verify(LIMIT).getSession();
        try {
            identity.addTo(session);
            session.auth().verify(LIMIT);
            return session;
        } catch (Exception | AssertionError e) {
            session.close();
            throw e;
        }
    }

    static CommandResult exec(ClientSession session, String command, byte[] stdin) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (ChannelExec channel = session.createExecChannel(command)) {
            channel.setIn(new ByteArrayInputStream(stdin));
            channel.setOut(out);
            channel.setErr(err);
            channel.open().verify(LIMIT);
            Set<ClientChannelEvent> events = channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), LIMIT);
            assertTrue(events.contains(ClientChannelEvent.CLOSED), "channel not closed: " + command + " " + events);
            Integer status = channel.getExitStatus();
            assertNotNull(status, "no exit-status for " + command + "; stderr: " + err.toString(StandardCharsets.UTF_8));
            return new CommandResult(out.toByteArray(), err.toString(StandardCharsets.UTF_8), status);
        }
    }

    static CommandResult exec(ClientSession session, String command) throws IOException {
        return exec(session, command, new byte[0]);
    }
}
