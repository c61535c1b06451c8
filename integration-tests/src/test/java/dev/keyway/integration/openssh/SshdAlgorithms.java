package dev.keyway.integration.openssh;

import dev.keyway.api.AlgorithmCategory;
import dev.keyway.api.AlgorithmRegistry;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The comma-separated algorithm lists of an sshd configuration ({@code KexAlgorithms},
 * {@code HostKeyAlgorithms}, {@code Ciphers}, {@code MACs}) and, when not {@code null},
 * {@code PubkeyAcceptedAlgorithms}: the signature algorithms sshd accepts from a user key.
 */
record SshdAlgorithms(String kex, String hostKeys, String ciphers, String macs, String userKeys) {

    SshdAlgorithms(String kex, String hostKeys, String ciphers, String macs) {
        this(kex, hostKeys, ciphers, macs, null);
    }

    /**
     * Every algorithm of the registry that this OpenSSH implements too (sshd refuses a
     * configuration naming an algorithm it lacks), in the registry's order.
     */
    static SshdAlgorithms common(AlgorithmRegistry registry, OpenSshInstallation openSsh) {
        return new SshdAlgorithms(
                overlap(registry, AlgorithmCategory.KEY_EXCHANGE, openSsh.supported("kex")),
                overlap(registry, AlgorithmCategory.HOST_KEY, openSsh.supported("HostKeyAlgorithms")),
                overlap(registry, AlgorithmCategory.CIPHER, openSsh.supported("cipher")),
                overlap(registry, AlgorithmCategory.MAC, openSsh.supported("mac")));
    }

    private static String overlap(AlgorithmRegistry registry, AlgorithmCategory category, Set<String> openSsh) {
        return String.join(",", registry.names(category).stream().filter(openSsh::contains).toList());
    }

    /** The same lists, with sshd accepting user keys signed with these algorithms only. */
    SshdAlgorithms acceptingUserKeys(String... signatureAlgorithms) {
        return new SshdAlgorithms(kex, hostKeys, ciphers, macs, String.join(",", signatureAlgorithms));
    }

    /** Whether one of the negotiated lists names {@code algorithm}. */
    boolean offers(String algorithm) {
        return Stream.of(kex, hostKeys, ciphers, macs)
                .anyMatch(list -> List.of(list.split(",")).contains(algorithm));
    }
}
