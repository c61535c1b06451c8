package dev.keyway.transport.internal;

import dev.keyway.transport.KexInit;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Client and server KEXINITs drawn from small pools of real names, so that lists overlap
 * often enough for negotiation to succeed, and sometimes do not.
 */
final class KexInitPairs {
    static final List<String> KEX = List.of("mlkem768x25519-sha256", "curve25519-sha256", "ecdh-sha2-nistp256",
            "ext-info-c", "ext-info-s", "kex-strict-c-v00@openssh.com", "kex-strict-s-v00@openssh.com");
    static final List<String> HOST_KEYS = List.of("ssh-ed25519", "ecdsa-sha2-nistp256", "rsa-sha2-256");
    static final List<String> CIPHERS = List.of("chacha20-poly1305@openssh.com", "aes256-gcm@openssh.com",
            "aes128-ctr", "aes256-ctr");
    static final List<String> MACS = List.of("hmac-sha2-256-etm@openssh.com", "hmac-sha2-256", "hmac-sha1");
    static final List<String> COMPRESSION = List.of("none", "zlib@openssh.com");

    /** The AEAD predicate the tests hand to the negotiation. */
    static boolean isAead(String cipher) {
        return cipher.contains("gcm") || cipher.startsWith("chacha20-poly1305");
    }

    record Pair(KexInit client, KexInit server) {
        @Override
        public String toString() {
            return "client " + describe(client) + "\n server " + describe(server);
        }

        private static String describe(KexInit k) {
            return List.of(k.kexAlgorithms(), k.serverHostKeyAlgorithms(), k.encryptionClientToServer(),
                    k.encryptionServerToClient(), k.macClientToServer(), k.macServerToClient(),
                    k.compressionClientToServer(), k.compressionServerToClient()).toString();
        }
    }

    private KexInitPairs() {
    }

    /**
     * Two lists from one pool; most of the time the server also gets one of the client's
     * names (a real method, not a marker, when the client has one).
     */
    static Arbitrary<List<List<String>>> listPair(List<String> pool) {
        Arbitrary<List<String>> list = Arbitraries.of(pool).list().uniqueElements().ofMaxSize(pool.size());
        Arbitrary<List<String>> mostlyNonEmpty = Arbitraries.frequencyOf(
                Tuple.of(19, Arbitraries.of(pool).list().uniqueElements().ofMinSize(1).ofMaxSize(pool.size())),
                Tuple.of(1, Arbitraries.just(List.of())));
        return Combinators.combine(mostlyNonEmpty, list, Arbitraries.integers().between(0, 99),
                        Arbitraries.integers().between(0, 99))
                .as((client, server, pick, where) -> {
                    List<String> s = new ArrayList<>(server);
                    List<String> candidates = client.stream()
                            .filter(n -> !AlgorithmNegotiation.KEX_MARKERS.contains(n)).toList();
                    if (pick < 93 && !candidates.isEmpty()) {
                        String shared = candidates.get(pick % candidates.size());
                        if (!s.contains(shared)) {
                            s.add(where % (s.size() + 1), shared);
                        }
                    }
                    return List.of(client, List.copyOf(s));
                });
    }

    /**
     * Cookies and first_kex_packet_follows play no part in the choice and stay fixed. Edge
     * cases are off: combined over eight fields they are nearly all empty lists, which would
     * crowd out the agreeing pairs; empty lists still come up at random.
     */
    static Arbitrary<Pair> pairs() {
        return Combinators.combine(listPair(KEX), listPair(HOST_KEYS), listPair(CIPHERS), listPair(CIPHERS),
                listPair(MACS), listPair(MACS), listPair(COMPRESSION), listPair(COMPRESSION))
                .as((kex, hk, ecs, esc, mcs, msc, ccs, csc) -> new Pair(
                        kexInit(0, kex, hk, ecs, esc, mcs, msc, ccs, csc),
                        kexInit(1, kex, hk, ecs, esc, mcs, msc, ccs, csc)))
                .withoutEdgeCases();
    }

    @SafeVarargs
    private static KexInit kexInit(int side, List<List<String>>... lists) {
        return new KexInit(new byte[16], lists[0].get(side), lists[1].get(side), lists[2].get(side),
                lists[3].get(side), lists[4].get(side), lists[5].get(side), lists[6].get(side), lists[7].get(side),
                List.of(), List.of(), false);
    }
}
