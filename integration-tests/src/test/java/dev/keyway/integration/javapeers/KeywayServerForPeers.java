package dev.keyway.integration.javapeers;

import dev.keyway.api.AlgorithmCategory;
import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.api.keys.KeyFingerprint;
import dev.keyway.api.keys.PublicKeyBlob;
import dev.keyway.api.spi.SignatureAlgorithm;
import dev.keyway.ssh.SshServer;
import dev.keyway.ssh.SystemShell;
import dev.keyway.transport.NegotiatedAlgorithms;
import dev.keyway.transport.TransportEvent;
import java.io.IOException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * A Keyway {@link SshServer} on 127.0.0.1, offering its default algorithms, with one host key
 * per key type it signs with (ed25519, ECDSA P-256 and RSA, the RSA key serving both
 * {@code rsa-sha2-256} and {@code rsa-sha2-512}, RFC 8332 §3), so a client may choose any host
 * key algorithm; one password user and a set of authorized public key blobs; {@link SystemShell}
 * for {@code exec}. It records what each key exchange negotiated. For the Java peers that log in
 * to it.
 */
final class KeywayServerForPeers implements AutoCloseable {
    static final String USER = "tester";
    static final String PASSWORD = "correct horse battery staple";

    /** By key type, as a public key blob names it (RFC 4253 §6.6). */
    private final Map<String, KeyPair> hostKeys = new LinkedHashMap<>();
    private final Set<String> authorizedBlobs = new CopyOnWriteArraySet<>();
    private final List<NegotiatedAlgorithms> negotiations = new CopyOnWriteArrayList<>();
    private final SshServer server;
    private final int port;

    private KeywayServerForPeers() throws IOException {
        AlgorithmRegistry registry = AlgorithmRegistry.loadDefault();
        SecureRandom random = new SecureRandom();
        for (String name : registry.names(AlgorithmCategory.HOST_KEY)) {
            SignatureAlgorithm signature = registry.signature(name).orElseThrow();
            hostKeys.computeIfAbsent(signature.keyType(), t -> signature.generateKeyPair(random));
        }
        server = SshServer.builder().registry(registry).hostKeys(new ArrayList<>(hostKeys.values()))
                .passwordAuthenticator((user, password) -> USER.equals(user)
                        && PASSWORD.equals(new String(password)))
                .publicKeyAuthenticator((user, key) -> USER.equals(user)
                        && authorizedBlobs.contains(Base64.getEncoder().encodeToString(PublicKeyBlob.encode(key))))
                .execHandler(new SystemShell())
                .transportObserver(this::record)
                .build();
        port = server.start().getPort();
    }

    static KeywayServerForPeers start() throws IOException {
        return new KeywayServerForPeers();
    }

    private void record(TransportEvent event) {
        if (event instanceof TransportEvent.AlgorithmsNegotiated n) {
            negotiations.add(n.algorithms());
        }
    }

    int port() {
        return port;
    }

    /** Lets {@link #USER} log in with the key whose SSH public key blob this is. */
    void authorize(byte[] publicKeyBlob) {
        authorizedBlobs.add(Base64.getEncoder().encodeToString(publicKeyBlob));
    }

    /** Whether this server holds a host key of this type with this {@code SHA256:} fingerprint. */
    boolean isHostKey(String keyType, String fingerprint) {
        KeyPair key = hostKeys.get(keyType);
        return key != null && KeyFingerprint.sha256(PublicKeyBlob.encode(key.getPublic())).equals(fingerprint);
    }

    /**
     * What every key exchange since the last {@link #clearNegotiations()} settled on (RFC 4253
     * §7.1), as the server saw it, in order.
     */
    List<NegotiatedAlgorithms> negotiations() {
        return List.copyOf(negotiations);
    }

    void clearNegotiations() {
        negotiations.clear();
    }

    /** A known_hosts file naming every host key for {@code [127.0.0.1]:port}. */
    String knownHostsLines() {
        StringBuilder out = new StringBuilder();
        hostKeys.forEach((type, key) -> out.append("[127.0.0.1]:").append(port).append(' ').append(type).append(' ')
                .append(base64Blob(key.getPublic())).append('\n'));
        return out.toString();
    }

    static String base64Blob(PublicKey key) {
        return Base64.getEncoder().encodeToString(PublicKeyBlob.encode(key));
    }

    static String sha256Hex(byte[] data) throws Exception {
        return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    @Override
    public void close() {
        server.close();
    }
}
