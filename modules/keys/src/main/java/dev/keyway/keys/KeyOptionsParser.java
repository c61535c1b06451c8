package dev.keyway.keys;

import dev.keyway.api.auth.LoginRestrictions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the options field of an {@code authorized_keys} line as sshd(8) does
 * ({@code sshauthopt_parse}): options separated by commas (empty ones allowed), names in any
 * case, values in double quotes with {@code \"} for a quote, taken left to right so that
 * {@code restrict} turns everything off and later options turn things back on. An option
 * Keyway does not know or cannot apply yet fails the whole line, as an unknown one fails it
 * in sshd: a restriction is never dropped.
 */
final class KeyOptionsParser {
    /** Flags that sshd also takes with {@code no-} in front. */
    private static final Set<String> NEGATABLE = Set.of("port-forwarding", "agent-forwarding", "x11-forwarding",
            "pty", "user-rc", "touch-required", "verify-required");
    /** Flags sshd knows that need what Keyway does not have yet: certificates, security keys. */
    private static final Set<String> UNSUPPORTED_FLAGS = Set.of("cert-authority", "touch-required", "verify-required");

    /** The longest host name sshd takes in a permission, NI_MAXHOST less the terminating NUL. */
    private static final int MAX_HOST = 1024;

    private final String text;
    private int pos;
    private String command;
    private boolean pty = true;
    private boolean portForwarding = true;
    private boolean agentForwarding = true;
    private boolean x11Forwarding = true;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private AddressPatterns from;
    private final List<ExpiryTime> expiryTimes = new ArrayList<>();
    private final List<String> permitOpen = new ArrayList<>();
    private final List<String> permitListen = new ArrayList<>();

    private KeyOptionsParser(String text) {
        this.text = text;
    }

    static AuthorizedKeyOptions parse(String text) throws LineFormatException {
        return new KeyOptionsParser(text).all();
    }

    private AuthorizedKeyOptions all() throws LineFormatException {
        while (pos < text.length()) {
            if (text.charAt(pos) != ',') {
                option();
                if (pos < text.length() && text.charAt(pos) != ',') {
                    throw new LineFormatException("unexpected text after an option");
                }
            }
            pos++;
        }
        return new AuthorizedKeyOptions(new LoginRestrictions(command, pty, portForwarding, agentForwarding,
                x11Forwarding, environment, permitOpen, permitListen), from, expiryTimes);
    }

    /** One option, from {@link #pos} to the comma or the end that follows it. */
    private void option() throws LineFormatException {
        int end = pos;
        while (end < text.length() && text.charAt(end) != ',' && text.charAt(end) != '=') {
            end++;
        }
        String written = text.substring(pos, end);
        String name = written.toLowerCase(Locale.ROOT);
        pos = end;
        if (pos < text.length() && text.charAt(pos) == '=') {
            pos++;
            valued(name);
            return;
        }
        boolean negated = name.startsWith("no-") && NEGATABLE.contains(name.substring(3));
        String flag = negated ? name.substring(3) : name;
        if (UNSUPPORTED_FLAGS.contains(flag)) {
            throw unsupported(flag);
        }
        switch (flag) {
            case "restrict" -> restrict();
            case "pty" -> pty = !negated;
            case "port-forwarding" -> portForwarding = !negated;
            case "agent-forwarding" -> agentForwarding = !negated;
            case "x11-forwarding" -> x11Forwarding = !negated;
            case "user-rc" -> {
                // Keyway runs no ~/.ssh/rc, so whether it may is moot.
            }
            default -> throw unknown(written);
        }
    }

    /** sshd's {@code restrict}: every restriction on; later flags lift them one by one. */
    private void restrict() {
        pty = false;
        portForwarding = false;
        agentForwarding = false;
        x11Forwarding = false;
    }

    /** An option with a value; its name, {@code =} and all before it are read. */
    private void valued(String name) throws LineFormatException {
        switch (name) {
            case "command", "environment", "from", "expiry-time", "permitopen", "permitlisten" -> {
                // Known: its value follows.
            }
            // Certificates and tunnels are not there yet.
            case "principals", "tunnel" -> throw unsupported(name);
            default -> throw unknown(name + "=");
        }
        String value = quoted(name);
        switch (name) {
            case "command" -> {
                if (command != null) {
                    throw new LineFormatException("command= is given twice");
                }
                command = value;
            }
            case "environment" -> {
                int eq = value.indexOf('=');
                if (eq < 0 || !isVariableName(value.substring(0, eq))) {
                    throw new LineFormatException("environment= takes NAME=value, NAME of letters, digits and _");
                }
                // The first value of a name counts, as in sshd.
                environment.putIfAbsent(value.substring(0, eq), value.substring(eq + 1));
            }
            case "from" -> {
                if (from != null) {
                    throw new LineFormatException("from= is given twice");
                }
                from = AddressPatterns.parse(value);
            }
            case "expiry-time" -> expiryTimes.add(ExpiryTime.parse(value));
            case "permitopen" -> permitOpen.add(permission(name, value, false));
            default -> permitListen.add(permission(name, value, true));
        }
    }

    /**
     * The value in double quotes at {@link #pos}; {@code \"} stands for a quote, every other
     * backslash for itself ({@code opt_dequote}).
     */
    private String quoted(String name) throws LineFormatException {
        if (pos >= text.length() || text.charAt(pos) != '"') {
            throw new LineFormatException(name + "= has no opening quote");
        }
        StringBuilder value = new StringBuilder();
        for (pos++; pos < text.length() && text.charAt(pos) != '"'; pos++) {
            if (text.charAt(pos) == '\\' && pos + 1 < text.length() && text.charAt(pos + 1) == '"') {
                pos++;
            }
            value.append(text.charAt(pos));
        }
        if (pos >= text.length()) {
            throw new LineFormatException(name + "= has no closing quote");
        }
        pos++;
        return value.toString();
    }

    /** A value between double quotes that {@link #quoted} reads back as {@code value}. */
    static String quote(String value) {
        return '"' + value.replace("\"", "\\\"") + '"';
    }

    /** sshd's {@code valid_env_name}: letters, digits and underscores, at least one. */
    private static boolean isVariableName(String name) {
        return !name.isEmpty() && name.chars().allMatch(c -> c < 0x80 && (Character.isLetterOrDigit(c) || c == '_'));
    }

    /**
     * A {@code permitopen} {@code host:port} or {@code permitlisten} {@code [host:]port}, checked
     * as sshd checks it ({@code handle_permit}): the host ends at the first {@code :} or
     * {@code /}, or is an address in brackets; the port is {@code *} or 1 to 65535. sshd also
     * takes a service name for the port; Keyway, which has no forwarding yet, does not.
     */
    private static String permission(String name, String value, boolean bare) throws LineFormatException {
        String spec = bare && value.indexOf(':') < 0 ? "*:" + value : value;
        int hostEnd = indexOfAny(spec, ":/");
        if (spec.startsWith("[")) {
            int close = spec.indexOf(']');
            hostEnd = close < 0 ? -1 : close + 1;
        }
        if (hostEnd < 0 || hostEnd >= spec.length() || ":/".indexOf(spec.charAt(hostEnd)) < 0 || hostEnd > MAX_HOST) {
            throw new LineFormatException(name + "= needs host:port");
        }
        String port = spec.substring(hostEnd + 1);
        String significant = port.replaceFirst("^0+(?=.)", "");
        boolean valid = port.equals("*") || (!port.isEmpty() && port.chars().allMatch(c -> c >= '0' && c <= '9')
                && significant.length() <= 5 && Integer.parseInt(significant) >= 1
                && Integer.parseInt(significant) <= 65535);
        if (!valid) {
            throw new LineFormatException(name + "= has a port that is neither * nor 1 to 65535");
        }
        return value;
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static LineFormatException unsupported(String option) {
        return new LineFormatException("Keyway does not support the option " + option + " yet");
    }

    private static LineFormatException unknown(String written) {
        String shown = written.length() > 40 ? written.substring(0, 40) + "…" : written;
        return new LineFormatException("unknown option \"" + shown + "\"");
    }
}
