package dev.keyway.integration.javapeers;

import dev.keyway.api.keys.KeyFingerprint;
import dev.keyway.api.keys.PublicKeyBlob;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.server.SshServer;

/**
 * An Apache MINA SSHD server on 127.0.0.1 with an ed25519, an ECDSA P-256 and an RSA host key,
 * made by MINA in the key classes it works with, so a client may choose any host key algorithm
 * (the RSA key serves {@code rsa-sha2-256} and {@code rsa-sha2-512}, RFC 8332 §3); one password
 * user and a set of authorized public keys; {@link EchoOrExitCommand} for {@code exec}. It
 * records the sessions that completed a key exchange. For the Keyway client to log in to.
 */
final class MinaServerForPeers implements AutoCloseable {
    static final String USER = "alice";
    static final String PASSWORD = "mina-password";

    /** Host key fingerprints ({@code SHA256:}) by key type, as a public key blob names it. */
    private final Map<String, String> hostKeyFingerprints = new LinkedHashMap<>();
    private final Set<String> authorizedFingerprints = new CopyOnWriteArraySet<>();
    /** One entry per completed key exchange, re-exchanges included, in order. */
    private final List<Session> keyExchanges = new CopyOnWriteArrayList<>();
    private final SshServer server;

    private MinaServerForPeers(Consumer<SshServer> configure) throws IOException, GeneralSecurityException {
        List<KeyPair> hostKeys = new ArrayList<>();
        for (String type : List.of(KeyPairProvider.SSH_ED25519, KeyPairProvider.ECDSA_SHA2_NISTP256,
                KeyPairProvider.SSH_RSA)) {
            KeyPair key = KeyUtils.generateKeyPair(type, type.equals(KeyPairProvider.SSH_RSA) ? 3072 : 256);
            hostKeys.add(key);
            hostKeyFingerprints.put(type, KeyUtils.getFingerPrint(key.getPublic()));
        }
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKeys));
        server.setPasswordAuthenticator((user, password, session) -> USER.equals(user) && PASSWORD.equals(password));
        server.setPublickeyAuthenticator((user, key, session) -> USER.equals(user)
                && authorizedFingerprints.contains(KeyUtils.getFingerPrint(key)));
        server.setCommandFactory((channel, command) -> new EchoOrExitCommand(command));
        server.addSessionListener(new SessionListener() {
            @Override
            public void sessionEvent(Session session, Event event) {
                if (event == Event.KexCompleted) {
                    keyExchanges.add(session);
                }
            }
        });
        configure.accept(server);
        server.start();
    }

    static MinaServerForPeers start() throws IOException, GeneralSecurityException {
        return start(server -> { });
    }

    /** Starts a server after {@code configure} has changed its settings, e.g. its re-key limit. */
    static MinaServerForPeers start(Consumer<SshServer> configure) throws IOException, GeneralSecurityException {
        return new MinaServerForPeers(configure);
    }

    int port() {
        return server.getPort();
    }

    /** The {@code SHA256:} fingerprint, as MINA computes it, of the host key of this type. */
    String hostKeyFingerprint(String keyType) {
        return hostKeyFingerprints.get(keyType);
    }

    /** Lets {@link #USER} log in with this key; compared by the fingerprint of its blob (RFC 4253 §6.6). */
    void authorize(PublicKey key) {
        authorizedFingerprints.add(KeyFingerprint.sha256(PublicKeyBlob.encode(key)));
    }

    /** The sessions that completed a key exchange since the last {@link #clearKeyExchanges()}, once per exchange. */
    List<Session> keyExchanges() {
        return List.copyOf(keyExchanges);
    }

    void clearKeyExchanges() {
        keyExchanges.clear();
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }
}
