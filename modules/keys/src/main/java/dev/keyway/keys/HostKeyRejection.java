package dev.keyway.keys;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Why a {@link KnownHostsVerifier} refused a server's host key, with what the user needs to act
 * on it, as ssh(1) prints it: the key's type and {@code SHA256:} fingerprint, the known_hosts
 * lines involved, and the line that would make the key trusted.
 *
 * @param host the server
 * @param reason the verdict
 * @param keyType the offered key's type, e.g. {@code ssh-ed25519}
 * @param fingerprint the offered key's {@code SHA256:} fingerprint
 * @param knownHosts the file consulted
 * @param offendingLines the numbers of the lines that caused the refusal (the other key, or
 *        the {@code @revoked} line); empty otherwise
 * @param fixLine the known_hosts line that would accept the key; empty for a revoked key,
 *        which nothing should make acceptable
 * @param detail more about an I/O failure, empty otherwise
 */
public record HostKeyRejection(HostAddress host, Reason reason, String keyType, String fingerprint,
        Path knownHosts, List<Integer> offendingLines, Optional<String> fixLine, String detail) {

    /** The ways a key is refused. */
    public enum Reason {
        /** No key of this type is known for the host and the policy is strict. */
        UNKNOWN_HOST,
        /** known_hosts holds another key of this type for the host: possibly a man in the middle. */
        CHANGED,
        /** known_hosts marks this key {@code @revoked}. */
        REVOKED,
        /** The user (the prompt) declined an unknown key. */
        DECLINED,
        /** known_hosts could not be read, or the accepted key could not be recorded. */
        KNOWN_HOSTS_UNUSABLE
    }

    public HostKeyRejection {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(reason, "reason");
        offendingLines = List.copyOf(offendingLines);
        Objects.requireNonNull(fixLine, "fixLine");
        detail = detail == null ? "" : detail;
    }

    /** The text to show the user, several lines, ending without a line break. */
    public String message() {
        String kind = displayKeyType(keyType);
        StringBuilder sb = new StringBuilder();
        switch (reason) {
            case CHANGED -> sb.append("WARNING: the ").append(kind).append(" host key of ").append(host)
                    .append(" is not the one in ").append(knownHosts).append(" (line")
                    .append(offendingLines.size() == 1 ? " " : "s ").append(lineList()).append(").\n")
                    .append("Someone may be intercepting the connection (man in the middle), or the host key"
                            + " was replaced.\n");
            case REVOKED -> sb.append("WARNING: the ").append(kind).append(" host key of ").append(host)
                    .append(" is marked @revoked in ").append(knownHosts).append(':').append(lineList())
                    .append(".\nA stolen key may be used to impersonate the host.\n");
            case UNKNOWN_HOST -> sb.append("No ").append(kind).append(" host key is known for ").append(host)
                    .append(" in ").append(knownHosts).append(" and strict checking is on.\n");
            case DECLINED -> sb.append("The ").append(kind).append(" host key of ").append(host)
                    .append(" was not accepted.\n");
            case KNOWN_HOSTS_UNUSABLE -> sb.append("Cannot use ").append(knownHosts).append(": ").append(detail)
                    .append('\n');
            default -> throw new IllegalStateException(reason.name());
        }
        sb.append("The server's ").append(kind).append(" key fingerprint is ").append(fingerprint).append('.');
        fixLine.ifPresent(line -> {
            sb.append("\nIf the key is right, ");
            if (reason == Reason.CHANGED) {
                sb.append("remove line").append(offendingLines.size() == 1 ? " " : "s ").append(lineList())
                        .append(" (ssh-keygen -R '").append(host).append("' -f ").append(knownHosts).append(") and ");
            }
            sb.append("add this line to ").append(knownHosts).append(":\n").append(line);
        });
        sb.append("\nHost key verification failed.");
        return sb.toString();
    }

    private String lineList() {
        return offendingLines.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** The short name ssh(1) uses in messages: ED25519, ECDSA, RSA. */
    static String displayKeyType(String keyType) {
        if (keyType.equals("ssh-ed25519")) {
            return "ED25519";
        }
        if (keyType.startsWith("ecdsa-sha2-")) {
            return "ECDSA";
        }
        if (keyType.equals("ssh-rsa")) {
            return "RSA";
        }
        return keyType.toUpperCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "HostKeyRejection[" + reason + " " + host + " " + keyType + " " + fingerprint + "]";
    }
}
