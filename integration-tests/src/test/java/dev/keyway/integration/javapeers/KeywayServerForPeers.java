package dev.keyway.integration.javapeers;

import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.api.keys.PublicKeyBlob;
import dev.keyway.ssh.SshServer;
import dev.keyway.ssh.SystemShell;
import dev.keyway.transport.AlgorithmPolicy;
import java.io.IOException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * A Keyway {@link SshServer} on 127.0.0.1 with an ed25519 and an ECDSA P-256 host key, one
 * password user and a set of authorized public key blobs, running {@link SystemShell} for
 * {@code exec}. For the Java peers that log in to it.
 */
final class KeywayServerForPeers implements AutoCloseable {
    static final String USER = "tester";
    static final String PASSWORD = "correct horse battery staple";

    private final KeyPair ed25519;
    private final KeyPair ecdsa;
    private final Set<String> authorizedBlobs = new CopyOnWriteArraySet<>();
    private final SshServer server;
    private final int port;

    private KeywayServerForPeers(AlgorithmPolicy policy) throws IOException {
        AlgorithmRegistry registry = AlgorithmRegistry.loadDefault();
        SecureRandom random = new SecureRandom();
        ed25519 = registry.signature("ssh-ed25519").orElseThrow().generateKeyPair(random);
        ecdsa = registry.signature("ecdsa-sha2-nistp256").orElseThrow().generateKeyPair(random);
        server = SshServer.builder().registry(registry).policy(policy).hostKeys(List.of(ed25519, ecdsa))
                .passwordAuthenticator((user, password) -> USER.equals(user)
                        && PASSWORD.equals(new String(password)))
                .publicKeyAuthenticator((user, key) -> USER.equals(user)
                        && authorizedBlobs.contains(Base64.getEncoder().encodeToString(PublicKeyBlob.encode(key))))
                .execHandler(new SystemShell())
                .build();
        port = server.start().getPort();
    }

    static KeywayServerForPeers start() throws IOException {
        return start(AlgorithmPolicy.defaults());
    }

    static KeywayServerForPeers start(AlgorithmPolicy policy) throws IOException {
        return new KeywayServerForPeers(policy);
    }

    int port() {
        return port;
    }

    /** Lets {@link #USER} log in with the key whose SSH public key blob this is. */
    void authorize(byte[] publicKeyBlob) {
        authorizedBlobs.add(Base64.getEncoder().encodeToString(publicKeyBlob));
    }

    PublicKey ed25519HostKey() {
        return ed25519.getPublic();
    }

    PublicKey ecdsaHostKey() {
        return ecdsa.getPublic();
    }

    /** A known_hosts file naming both host keys for {@code [127.0.0.1]:port}. */
    String knownHostsLines() {
        String name = "[127.0.0.1]:" + port;
        return name + " ssh-ed25519 " + base64Blob(ed25519.getPublic()) + "\n"
                + name + " ecdsa-sha2-nistp256 " + base64Blob(ecdsa.getPublic()) + "\n";
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
