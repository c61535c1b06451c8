package dev.keyway.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.api.keys.PublicKeyBlob;
import dev.keyway.ssh.ClientSession;
import dev.keyway.ssh.Credentials;
import dev.keyway.ssh.SshClient;
import dev.keyway.ssh.SshServer;
import dev.keyway.transport.TransportEvent;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The key exchanges a default Keyway client and a default Keyway server put in their KEXINIT
 * (RFC 4253 §7.1) with every provider on the class path: OpenSSH 10's order, the ML-KEM hybrid
 * first, then Streamlined NTRU Prime under both its names, then curve25519, then ECDH; the
 * hybrids on NIST curves, which OpenSSH lacks and the policy does not list, after them; last
 * the pseudo-algorithms of each side (RFC 8308 §2.1 ext-info, OpenSSH's strict KEX). Two such
 * endpoints agree on {@code mlkem768x25519-sha256}.
 */
class DefaultKeyExchangeOrderTest {
    private static final Duration LIMIT = Duration.ofSeconds(20);
    private static final List<String> OPENSSH_10_ORDER = List.of(PostQuantumKeyExchanges.MLKEM768_X25519,
            PostQuantumKeyExchanges.SNTRUP761_X25519, PostQuantumKeyExchanges.SNTRUP761_X25519_OPENSSH,
            "curve25519-sha256", "curve25519-sha256@libssh.org", "ecdh-sha2-nistp256");
    private static final Set<String> NOT_LISTED = Set.of(PostQuantumKeyExchanges.MLKEM768_NISTP256,
            PostQuantumKeyExchanges.MLKEM1024_NISTP384);

    @Test
    void defaultClientAndServerOfferOpenSsh10sOrderAndAgreeOnMlKem() throws Exception {
        AlgorithmRegistry registry = AlgorithmRegistry.loadDefault();
        PostQuantumKeyExchanges.assertRegistered(registry);
        KeyPair hostKey = registry.signature("ssh-ed25519").orElseThrow().generateKeyPair(new SecureRandom());
        List<List<String>> serverSent = new CopyOnWriteArrayList<>();
        List<List<String>> clientSent = new CopyOnWriteArrayList<>();
        try (SshServer server = SshServer.builder().hostKeys(List.of(hostKey))
                .passwordAuthenticator((user, password) -> true).transportObserver(kexInitsInto(serverSent)).build()) {
            int port = server.start().getPort();
            try (SshClient client = SshClient.builder().timeout(LIMIT).transportObserver(kexInitsInto(clientSent))
                    .hostKeyVerifier(key -> Arrays.equals(key.blob(), PublicKeyBlob.encode(hostKey.getPublic())))
                    .build();
                    ClientSession session = client.connect("127.0.0.1", port, "anyone",
                            Credentials.password("any".toCharArray()))) {
                assertEquals(PostQuantumKeyExchanges.MLKEM768_X25519, session.algorithms().kex());
            }
        }
        assertOrder(clientSent.get(0), List.of("ext-info-c", "kex-strict-c-v00@openssh.com"));
        assertOrder(serverSent.get(0), List.of("kex-strict-s-v00@openssh.com"));
    }

    private static Consumer<TransportEvent> kexInitsInto(List<List<String>> sent) {
        return e -> {
            if (e instanceof TransportEvent.KexInitSent k) {
                sent.add(k.kexInit().kexAlgorithms());
            }
        };
    }

    private static void assertOrder(List<String> offered, List<String> pseudoAlgorithms) {
        int listed = OPENSSH_10_ORDER.size();
        int others = offered.size() - pseudoAlgorithms.size();
        assertEquals(OPENSSH_10_ORDER, offered.subList(0, listed), "the listed order, first: " + offered);
        assertEquals(NOT_LISTED, Set.copyOf(offered.subList(listed, others)), "then the others: " + offered);
        assertEquals(pseudoAlgorithms, offered.subList(others, offered.size()), "last: " + offered);
        assertEquals(offered.size(), Set.copyOf(offered).size(), "no name twice: " + offered);
    }
}
