package dev.keyway.integration.javapeers;

import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.keys.KeyFileException;
import dev.keyway.keys.PrivateKeyFile;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/**
 * The user's key pairs for the publickey {@link Login}s, made through Keyway's registry, and the
 * OpenSSH private key files Keyway writes for them ({@link PrivateKeyFile}): JSch takes keys only
 * as such files, and MINA SSHD parses them into the key classes it signs with.
 */
final class UserKeys {
    private final Map<Login, KeyPair> pairs = new EnumMap<>(Login.class);
    private final Map<Login, byte[]> openSshFiles = new EnumMap<>(Login.class);

    private UserKeys() {
    }

    static UserKeys generate() throws KeyFileException {
        AlgorithmRegistry registry = AlgorithmRegistry.loadDefault();
        SecureRandom random = new SecureRandom();
        UserKeys keys = new UserKeys();
        for (Login login : Login.values()) {
            if (login.keyAlgorithm() != null) {
                KeyPair pair = registry.signature(login.keyAlgorithm()).orElseThrow().generateKeyPair(random);
                keys.pairs.put(login, pair);
                keys.openSshFiles.put(login, PrivateKeyFile.format(pair).getBytes(StandardCharsets.US_ASCII));
            }
        }
        return keys;
    }

    KeyPair pair(Login login) {
        return present(pairs.get(login), login);
    }

    /** The unencrypted {@code openssh-key-v1} file of this login's key. */
    byte[] openSshFile(Login login) {
        return present(openSshFiles.get(login), login).clone();
    }

    private static <T> T present(T value, Login login) {
        if (value == null) {
            throw new IllegalArgumentException(login + " uses no key");
        }
        return value;
    }

    Collection<KeyPair> all() {
        return pairs.values();
    }
}
