package dev.keyway.transport;

import dev.keyway.api.AlgorithmCategory;
import dev.keyway.api.AlgorithmRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which algorithms a side offers in KEXINIT and in what order: configuration, kept apart from
 * the providers that implement them. A name is offered only if a provider in the session's
 * registry supplies it.
 *
 * <p>The defaults follow OpenSSH's order. A category left at its default also offers, after
 * the listed names, any other name a provider adds (a new post-quantum key exchange plugin is
 * offered without a change here). {@link #with} takes OpenSSH's {@code -o Ciphers=} syntax.
 */
public final class AlgorithmPolicy {
    private static final Map<AlgorithmCategory, List<String>> DEFAULTS = new EnumMap<>(Map.of(
            AlgorithmCategory.KEY_EXCHANGE, List.of(
                    "mlkem768x25519-sha256",
                    "sntrup761x25519-sha512",
                    "sntrup761x25519-sha512@openssh.com",
                    "curve25519-sha256",
                    "curve25519-sha256@libssh.org",
                    "ecdh-sha2-nistp256"),
            AlgorithmCategory.HOST_KEY, List.of(
                    "ssh-ed25519", "ecdsa-sha2-nistp256", "rsa-sha2-512", "rsa-sha2-256"),
            // The seed document's choice, and OpenSSH's since 10.0: ChaCha20-Poly1305 first, then GCM.
            AlgorithmCategory.CIPHER, List.of(
                    "chacha20-poly1305@openssh.com",
                    "aes128-gcm@openssh.com", "aes256-gcm@openssh.com",
                    "aes128-ctr", "aes256-ctr"),
            AlgorithmCategory.MAC, List.of(
                    "hmac-sha2-256-etm@openssh.com", "hmac-sha2-512-etm@openssh.com",
                    "hmac-sha2-256", "hmac-sha2-512"),
            // sshd's default (Compression yes): compression only after login, so that no
            // unauthenticated peer reaches an inflater. Plain "zlib" is there to be added.
            AlgorithmCategory.COMPRESSION, List.of("none", "zlib@openssh.com")));

    private record Rule(List<String> order, boolean offerOthers, Set<String> removed) {
    }

    private final Map<AlgorithmCategory, Rule> rules;
    /** The signature algorithms taken for user keys (sshd's PubkeyAcceptedAlgorithms). */
    private final Rule publicKeys;

    private AlgorithmPolicy(Map<AlgorithmCategory, Rule> rules, Rule publicKeys) {
        this.rules = rules;
        this.publicKeys = publicKeys;
    }

    /**
     * OpenSSH's order, with names added by providers offered after the known ones, except for
     * compression, where only the listed names are offered: a decompressor a plugin adds would
     * face peers before they log in.
     */
    public static AlgorithmPolicy defaults() {
        Map<AlgorithmCategory, Rule> m = new EnumMap<>(AlgorithmCategory.class);
        DEFAULTS.forEach((c, l) -> m.put(c, new Rule(l, c != AlgorithmCategory.COMPRESSION, Set.of())));
        return new AlgorithmPolicy(m, m.get(AlgorithmCategory.HOST_KEY));
    }

    /**
     * A changed policy for one category, in the syntax of OpenSSH's {@code Ciphers},
     * {@code KexAlgorithms}, {@code MACs} and {@code HostKeyAlgorithms} options: a plain
     * comma-separated list replaces the offer; a leading {@code +} appends, {@code -} removes
     * (with {@code *} and {@code ?} wildcards), {@code ^} puts the names first.
     */
    public AlgorithmPolicy with(AlgorithmCategory category, String spec) {
        Map<AlgorithmCategory, Rule> m = new EnumMap<>(rules);
        m.put(category, changed(rules.get(category), spec));
        return new AlgorithmPolicy(m, publicKeys);
    }

    /**
     * A changed list of signature algorithms accepted for user keys (RFC 4252 §7), in the
     * syntax of sshd's {@code PubkeyAcceptedAlgorithms}; what a server announces in
     * {@code server-sig-algs} (RFC 8308 §3.1). Every signature algorithm of the registry by
     * default, whatever host key algorithms the server offers.
     */
    public AlgorithmPolicy withPublicKeyAlgorithms(String spec) {
        return new AlgorithmPolicy(rules, changed(publicKeys, spec));
    }

    /** The signature algorithms accepted for user keys, in order, given the registry. */
    public List<String> publicKeyAlgorithms(AlgorithmRegistry registry) {
        return offered(publicKeys, registry.names(AlgorithmCategory.HOST_KEY));
    }

    private static Rule changed(Rule r, String spec) {
        Rule changed;
        if (spec.startsWith("+")) {
            changed = new Rule(concat(r.order(), names(spec.substring(1))), r.offerOthers(), r.removed());
        } else if (spec.startsWith("^")) {
            changed = new Rule(concat(names(spec.substring(1)), r.order()), r.offerOthers(), r.removed());
        } else if (spec.startsWith("-")) {
            Set<String> removed = new LinkedHashSet<>(r.removed());
            removed.addAll(names(spec.substring(1)));
            changed = new Rule(r.order(), r.offerOthers(), Set.copyOf(removed));
        } else {
            changed = new Rule(names(spec), false, Set.of());
        }
        return changed;
    }

    /** The names to offer for a category, in order, given what the registry supplies. */
    public List<String> offered(AlgorithmCategory category, AlgorithmRegistry registry) {
        return offered(rules.get(category), registry.names(category));
    }

    private static List<String> offered(Rule r, List<String> supported) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String n : r.order()) {
            if (supported.contains(n)) {
                out.add(n);
            }
        }
        if (r.offerOthers()) {
            out.addAll(supported);
        }
        out.removeIf(n -> r.removed().stream().anyMatch(p -> matches(p, n)));
        return List.copyOf(out);
    }

    /**
     * The categories in which this policy offers nothing with the given registry: a side with
     * such a category could never agree with any peer (RFC 4253 §7.1).
     */
    public List<AlgorithmCategory> emptyOffers(AlgorithmRegistry registry) {
        List<AlgorithmCategory> out = new ArrayList<>();
        for (AlgorithmCategory c : AlgorithmCategory.values()) {
            if (offered(c, registry).isEmpty()) {
                out.add(c);
            }
        }
        return List.copyOf(out);
    }

    private static boolean matches(String pattern, String name) {
        if (pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0) {
            return pattern.equals(name);
        }
        StringBuilder re = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            re.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return name.matches(re.toString());
    }

    private static List<String> names(String csv) {
        List<String> out = new ArrayList<>();
        for (String n : Arrays.asList(csv.split(","))) {
            if (!n.isBlank()) {
                out.add(n.trim());
            }
        }
        return out;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        LinkedHashSet<String> s = new LinkedHashSet<>(a);
        s.addAll(b);
        return List.copyOf(s);
    }
}
