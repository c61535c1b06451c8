package dev.keyway.keys.internal;

import java.util.Locale;

/**
 * A comma-separated list of host name patterns as in the first field of a {@code known_hosts}
 * line (sshd(8) "SSH_KNOWN_HOSTS FILE FORMAT", ssh_config(5) PATTERNS): {@code *} matches any
 * run of characters, {@code ?} exactly one, and a pattern prefixed with {@code !} excludes the
 * names it matches even when another pattern includes them. Comparison ignores case, as
 * OpenSSH's {@code match_hostname} does.
 */
public final class HostPatternList {
    private HostPatternList() {
    }

    /** Whether {@code name} matches some pattern of {@code list} and no negated one. */
    public static boolean matches(String list, String name) {
        String host = name.toLowerCase(Locale.ROOT);
        boolean included = false;
        for (String pattern : list.toLowerCase(Locale.ROOT).split(",", -1)) {
            boolean negated = pattern.startsWith("!");
            if (wildcardMatch(negated ? pattern.substring(1) : pattern, host)) {
                if (negated) {
                    return false;
                }
                included = true;
            }
        }
        return included;
    }

    /**
     * Glob matching with one point of backtracking (the last {@code *}), linear in practice
     * and at worst the product of the lengths, so no hostile pattern can make it blow up.
     * Case-sensitive, as OpenSSH's {@code match_pattern}.
     */
    public static boolean wildcardMatch(String pattern, String text) {
        int p = 0;
        int t = 0;
        int star = -1;
        int afterStar = 0;
        while (t < text.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == text.charAt(t))) {
                p++;
                t++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                afterStar = t;
            } else if (star >= 0) {
                p = star + 1;
                t = ++afterStar;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
