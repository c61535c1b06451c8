package dev.keyway.integration;

import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.keys.OpenSshPublicKey;
import dev.keyway.keys.PrivateKeyFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;

/**
 * The files a server's administrator and a user make with {@code ssh-keygen}, here made
 * through Keyway in OpenSSH's formats: an ed25519 host key, the user's ed25519 key, and an
 * {@code authorized_keys} file that lets the user's key in.
 *
 * @param hostKey the host key pair, whose public half a client is to trust
 * @param hostKeyFile the host key's private key file
 * @param userKeyFile the user's private key file
 * @param authorizedKeys the authorized_keys file, holding the user's public key
 */
record KeyFiles(KeyPair hostKey, Path hostKeyFile, Path userKeyFile, Path authorizedKeys) {

    static KeyFiles makeIn(Path dir) throws Exception {
        KeyPair hostKey = ed25519();
        KeyPair userKey = ed25519();
        Path hostKeyFile = dir.resolve("host_ed25519");
        PrivateKeyFile.write(hostKeyFile, hostKey);
        Path userKeyFile = dir.resolve("id_ed25519");
        PrivateKeyFile.write(userKeyFile, userKey);
        Path authorizedKeys = Files.writeString(dir.resolve("authorized_keys"),
                OpenSshPublicKey.of(userKey.getPublic(), "alice@example").toLine() + "\n", StandardCharsets.UTF_8);
        return new KeyFiles(hostKey, hostKeyFile, userKeyFile, authorizedKeys);
    }

    private static KeyPair ed25519() {
        return AlgorithmRegistry.loadDefault().signature("ssh-ed25519").orElseThrow().generateKeyPair(new SecureRandom());
    }
}
