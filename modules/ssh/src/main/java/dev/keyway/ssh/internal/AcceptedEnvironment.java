package dev.keyway.ssh.internal;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Which {@code env} requests (RFC 4254 §6.4) a server takes: names matching one of the
 * patterns, with {@code *} and {@code ?} as wildcards, as sshd_config's AcceptEnv. §6.4 warns
 * that setting any variable a client names is a hazard (LD_PRELOAD, PATH), hence a list. At
 * most {@link #MAX_VARIABLES} per channel and {@link #MAX_BYTES} of names and values together,
 * so that a peer cannot grow a channel's memory
 * request by request.
 */
public record AcceptedEnvironment(List<String> patterns) {
    /** What sshd accepts as shipped by Debian: the locale. */
    public static final List<String> DEFAULT_PATTERNS = List.of("LANG", "LC_*");
    static final int MAX_VARIABLES = 256;
    /** Names and values together, per channel: a locale takes a few dozen bytes. */
    static final int MAX_BYTES = 32 * 1024;

    public AcceptedEnvironment {
        patterns = List.copyOf(patterns);
    }

    /**
     * Whether to set {@code name}, given how many variables and how many characters of names
     * and values the channel holds already.
     */
    boolean accepts(String name, String value, int alreadySet, int charsSoFar) {
        return alreadySet < MAX_VARIABLES && charsSoFar + name.length() + value.length() <= MAX_BYTES
                && patterns.stream().anyMatch(p -> matches(p, name));
    }

    private static boolean matches(String pattern, String name) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.matches(regex.toString(), name);
    }
}
