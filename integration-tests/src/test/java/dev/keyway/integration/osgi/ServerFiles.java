package dev.keyway.integration.osgi;

import dev.keyway.api.keys.KeyFingerprint;
import dev.keyway.api.keys.PublicKeyBlob;
import dev.keyway.keys.OpenSshPublicKey;
import dev.keyway.keys.PrivateKeyFile;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.HashMap;
import java.util.Map;

/**
 * What the server component is configured with in a test: a free port on 127.0.0.1, an ed25519
 * host key, an {@code authorized_keys} file with a user key for OpenSSH's client, and a password
 * file with {@value #USER}'s password; and the {@code known_hosts} file a client checks the host
 * key against.
 */
record ServerFiles(int port, Path hostKey, String fingerprint, Path userKey, Path authorizedKeys, Path passwordFile,
        Path knownHosts) {
    static final String USER = "alice";
    static final String PASSWORD = "correct horse battery staple";

    static ServerFiles create(Path dir) throws Exception {
        KeyPairGenerator ed25519 = KeyPairGenerator.getInstance("Ed25519");
        KeyPair host = ed25519.generateKeyPair();
        KeyPair user = ed25519.generateKeyPair();
        Path hostKey = dir.resolve("ssh_host_ed25519_key");
        Path userKey = dir.resolve("id_ed25519");
        PrivateKeyFile.write(hostKey, host);
        PrivateKeyFile.write(userKey, user);
        Path authorizedKeys = Files.writeString(dir.resolve("authorized_keys"),
                OpenSshPublicKey.of(user.getPublic(), "test").toLine() + "\n");
        Path passwords = Files.createFile(dir.resolve("passwords"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(passwords, USER + ":" + PASSWORD + "\n", StandardCharsets.UTF_8);
        int port = freePort();
        Path knownHosts = Files.writeString(dir.resolve("known_hosts"),
                "[127.0.0.1]:" + port + " " + OpenSshPublicKey.of(host.getPublic(), "").toLine() + "\n");
        return new ServerFiles(port, hostKey, KeyFingerprint.sha256(PublicKeyBlob.encode(host.getPublic())), userKey,
                authorizedKeys, passwords, knownHosts);
    }

    /** The server component's settings as framework properties, the way a launcher's config.properties gives them. */
    Map<String, String> frameworkProperties() {
        Map<String, String> p = new HashMap<>();
        p.put("keyway.server.port", Integer.toString(port));
        p.put("keyway.server.hostKeys", hostKey.toString());
        p.put("keyway.server.authorizedKeys", authorizedKeys.toString());
        p.put("keyway.server.passwordFile", passwordFile.toString());
        return p;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
