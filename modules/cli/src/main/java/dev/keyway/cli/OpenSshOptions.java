package dev.keyway.cli;

import dev.keyway.api.AlgorithmCategory;
import dev.keyway.transport.AlgorithmPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Options of ssh_config(5) and sshd_config(5), given as {@code -o Name=value}. */
final class OpenSshOptions {
    /** The algorithm options both commands take. */
    static final Set<String> ALGORITHMS = Set.of("ciphers", "macs", "kexalgorithms", "hostkeyalgorithms");

    private OpenSshOptions() {
    }

    /** The first option not among {@code known} (lower case), if any: OpenSSH refuses those too. */
    static Optional<String> unknown(List<String> options, Set<String> known) {
        for (String option : options) {
            int eq = option.indexOf('=');
            if (eq <= 0 || !known.contains(option.substring(0, eq).trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(option);
            }
        }
        return Optional.empty();
    }

    static AlgorithmPolicy policy(List<String> options) {
        AlgorithmPolicy policy = AlgorithmPolicy.defaults();
        for (String option : options) {
            int eq = option.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("-o takes Name=value, not " + option);
            }
            String name = option.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = option.substring(eq + 1).trim();
            if (name.equals("compression")) {
                // ssh_config(5) Compression: the order ssh offers with and without it.
                policy = policy.with(AlgorithmCategory.COMPRESSION,
                        value.equalsIgnoreCase("yes") ? "zlib@openssh.com,zlib,none" : "none,zlib@openssh.com,zlib");
                continue;
            }
            AlgorithmCategory category = switch (name) {
                case "ciphers" -> AlgorithmCategory.CIPHER;
                case "macs" -> AlgorithmCategory.MAC;
                case "kexalgorithms" -> AlgorithmCategory.KEY_EXCHANGE;
                case "hostkeyalgorithms" -> AlgorithmCategory.HOST_KEY;
                default -> null;
            };
            if (category != null) {
                policy = policy.with(category, value);
            }
        }
        return policy;
    }

    /** The value of {@code -o name=value}, if given (last one wins, names case-insensitive). */
    static Optional<String> value(List<String> options, String name) {
        List<String> all = values(options, name);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** Every value of a repeatable {@code -o name=value}, in order (names case-insensitive). */
    static List<String> values(List<String> options, String name) {
        List<String> found = new ArrayList<>();
        for (String option : options) {
            int eq = option.indexOf('=');
            if (eq > 0 && option.substring(0, eq).trim().equalsIgnoreCase(name)) {
                found.add(option.substring(eq + 1).trim());
            }
        }
        return found;
    }
}
