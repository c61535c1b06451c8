package dev.keyway.transport;

import static dev.keyway.api.AlgorithmCategory.CIPHER;
import static dev.keyway.api.AlgorithmCategory.COMPRESSION;
import static dev.keyway.api.AlgorithmCategory.HOST_KEY;
import static dev.keyway.api.AlgorithmCategory.KEY_EXCHANGE;
import static dev.keyway.api.AlgorithmCategory.MAC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyway.api.AlgorithmCategory;
import dev.keyway.api.AlgorithmRegistry;
import java.util.HashSet;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * What a side offers in KEXINIT: the policy's order, restricted to what the registry supplies,
 * changed with OpenSSH's {@code Ciphers=} syntax (ssh_config(5): plain list, {@code +}, {@code -},
 * {@code ^}).
 */
class AlgorithmPolicyTest {
    private static final List<String> DEFAULT_CIPHERS = List.of("chacha20-poly1305@openssh.com",
            "aes128-gcm@openssh.com", "aes256-gcm@openssh.com", "aes128-ctr", "aes256-ctr");

    /** Every default cipher in reverse order, then two names only a provider knows. */
    private final AlgorithmRegistry registry = AlgorithmRegistry.builder()
            .add(new NameOnlyProvider("fixture")
                    .with(CIPHER, "aes256-ctr", "aes128-ctr", "aes256-gcm@openssh.com", "aes128-gcm@openssh.com",
                            "chacha20-poly1305@openssh.com", "x-extra-cipher", "3des-cbc")
                    .with(KEY_EXCHANGE, "x-new-pq-kex", "curve25519-sha256", "mlkem768x25519-sha256")
                    .with(HOST_KEY, "rsa-sha2-256", "ssh-ed25519")
                    .with(MAC, "hmac-sha2-256", "hmac-sha2-256-etm@openssh.com", "hmac-sha1"))
            .build();

    private List<String> ciphers(AlgorithmPolicy p) {
        return p.offered(CIPHER, registry);
    }

    @Test
    void defaultsUseThePolicyOrderNotTheRegistryOrderAndAppendProviderAddedNames() {
        AlgorithmPolicy p = AlgorithmPolicy.defaults();
        assertEquals(concat(DEFAULT_CIPHERS, List.of("x-extra-cipher", "3des-cbc")), ciphers(p));
        assertEquals(List.of("mlkem768x25519-sha256", "curve25519-sha256", "x-new-pq-kex"),
                p.offered(KEY_EXCHANGE, registry));
        assertEquals(List.of("ssh-ed25519", "rsa-sha2-256"), p.offered(HOST_KEY, registry));
        assertEquals(List.of("hmac-sha2-256-etm@openssh.com", "hmac-sha2-256", "hmac-sha1"), p.offered(MAC, registry));
        assertEquals(List.of("none"), p.offered(COMPRESSION, registry));
    }

    @Test
    void namesTheRegistryLacksAreNeverOffered() {
        AlgorithmRegistry small = AlgorithmRegistry.builder()
                .add(new NameOnlyProvider("small").with(CIPHER, "aes256-ctr", "aes128-ctr")).build();
        assertEquals(List.of("aes128-ctr", "aes256-ctr"), AlgorithmPolicy.defaults().offered(CIPHER, small));
        assertEquals(List.of("aes256-ctr"),
                AlgorithmPolicy.defaults().with(CIPHER, "blowfish-cbc,aes256-ctr,+nope").offered(CIPHER, small));
        assertEquals(List.of(), AlgorithmPolicy.defaults().offered(MAC, small));
        assertEquals(List.of(), AlgorithmPolicy.defaults().with(CIPHER, "^arcfour").offered(MAC, small));
    }

    @Test
    void aPlainListReplacesTheOfferAndStopsAppendingProviderAddedNames() {
        AlgorithmPolicy p = AlgorithmPolicy.defaults().with(CIPHER, "aes256-ctr,aes128-gcm@openssh.com");
        assertEquals(List.of("aes256-ctr", "aes128-gcm@openssh.com"), ciphers(p));
        // Other categories keep their defaults, provider-added names included.
        assertEquals(List.of("mlkem768x25519-sha256", "curve25519-sha256", "x-new-pq-kex"),
                p.offered(KEY_EXCHANGE, registry));
    }

    @Test
    void plusAppendsAfterTheCurrentOrder() {
        AlgorithmPolicy p = AlgorithmPolicy.defaults().with(CIPHER, "aes256-ctr").with(CIPHER, "+3des-cbc,aes128-ctr");
        assertEquals(List.of("aes256-ctr", "3des-cbc", "aes128-ctr"), ciphers(p));
        // On a default category, the appended name moves before the other provider-added names.
        assertEquals(concat(DEFAULT_CIPHERS, List.of("3des-cbc", "x-extra-cipher")),
                ciphers(AlgorithmPolicy.defaults().with(CIPHER, "+3des-cbc")));
    }

    @Test
    void caretPutsNamesFirstWithoutDuplicatingThem() {
        AlgorithmPolicy p = AlgorithmPolicy.defaults().with(CIPHER, "^aes256-ctr,3des-cbc");
        assertEquals(List.of("aes256-ctr", "3des-cbc", "chacha20-poly1305@openssh.com", "aes128-gcm@openssh.com",
                "aes256-gcm@openssh.com", "aes128-ctr", "x-extra-cipher"), ciphers(p));
    }

    @Test
    void minusRemovesExactNamesAndWildcardPatterns() {
        assertEquals(List.of("aes128-gcm@openssh.com", "aes256-gcm@openssh.com", "aes128-ctr", "aes256-ctr",
                        "x-extra-cipher", "3des-cbc"),
                ciphers(AlgorithmPolicy.defaults().with(CIPHER, "-chacha20-poly1305@openssh.com")));
        assertEquals(List.of("chacha20-poly1305@openssh.com", "aes128-ctr", "aes256-ctr", "x-extra-cipher", "3des-cbc"),
                ciphers(AlgorithmPolicy.defaults().with(CIPHER, "-aes*-gcm@openssh.com")));
        assertEquals(List.of("chacha20-poly1305@openssh.com", "aes128-gcm@openssh.com", "aes256-gcm@openssh.com",
                        "aes256-ctr", "3des-cbc"),
                ciphers(AlgorithmPolicy.defaults().with(CIPHER, "-aes12?-ctr,x-*")));
        // Removal applies to provider-added names as well.
        assertEquals(List.of("mlkem768x25519-sha256", "curve25519-sha256"),
                AlgorithmPolicy.defaults().with(KEY_EXCHANGE, "-x-*").offered(KEY_EXCHANGE, registry));
    }

    @Test
    void wildcardPatternsTreatEveryOtherCharacterLiterally() {
        // '.' and '-' are not regular-expression syntax here: "256.etm" must not match "256-etm".
        assertEquals(List.of("hmac-sha2-256-etm@openssh.com", "hmac-sha2-256", "hmac-sha1"),
                AlgorithmPolicy.defaults().with(MAC, "-hmac-sha2-256.etm@*").offered(MAC, registry));
        assertEquals(List.of("hmac-sha2-256-etm@openssh.com", "hmac-sha2-256"),
                AlgorithmPolicy.defaults().with(MAC, "-hmac-sha?").offered(MAC, registry));
        assertEquals(List.of(), AlgorithmPolicy.defaults().with(MAC, "-*").offered(MAC, registry));
    }

    @Test
    void withLeavesTheOriginalPolicyUnchanged() {
        AlgorithmPolicy original = AlgorithmPolicy.defaults();
        original.with(CIPHER, "aes256-ctr");
        original.with(CIPHER, "-aes*");
        assertEquals(concat(DEFAULT_CIPHERS, List.of("x-extra-cipher", "3des-cbc")), ciphers(original));
    }

    @Provide
    Arbitrary<List<String>> specs() {
        Arbitrary<String> name = Arbitraries.of("aes256-ctr", "aes128-ctr", "3des-cbc", "x-extra-cipher",
                "not-in-registry", "aes*", "*-ctr", "chacha20-poly1305@openssh.com", "aes1?8-gcm@openssh.com");
        Arbitrary<String> spec = Arbitraries.of("", "+", "-", "^").flatMap(prefix ->
                name.list().ofMinSize(1).ofMaxSize(4).map(l -> prefix + String.join(",", l)));
        return spec.list().ofMaxSize(4);
    }

    @Property(tries = 200)
    void theOfferIsAlwaysADuplicateFreeSubsetOfTheRegistry(@ForAll("specs") List<String> specs) {
        AlgorithmPolicy p = AlgorithmPolicy.defaults();
        for (String s : specs) {
            p = p.with(CIPHER, s);
        }
        List<String> offered = ciphers(p);
        assertEquals(offered.size(), new HashSet<>(offered).size(), "duplicates in " + offered);
        assertTrue(registry.names(CIPHER).containsAll(offered), offered.toString());
        for (AlgorithmCategory other : List.of(KEY_EXCHANGE, HOST_KEY, MAC, COMPRESSION)) {
            assertEquals(AlgorithmPolicy.defaults().offered(other, registry), p.offered(other, registry));
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new java.util.ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
