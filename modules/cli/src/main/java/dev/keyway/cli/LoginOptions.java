package dev.keyway.cli;

import dev.keyway.ssh.SshServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The login options of sshd_config(5) that {@code keyway server -o} takes: Banner,
 * MaxAuthTries, LoginGraceTime and AuthenticationMethods, with OpenSSH's meanings.
 */
final class LoginOptions {
    static final Set<String> NAMES = Set.of("banner", "maxauthtries", "logingracetime", "authenticationmethods");

    private LoginOptions() {
    }

    static void apply(List<String> options, SshServer.Builder server) throws IOException {
        for (String name : NAMES) {
            String value = OpenSshOptions.value(options, name).orElse(null);
            if (value == null) {
                continue;
            }
            switch (name) {
                case "banner" -> {
                    if (!value.equals("none")) {
                        server.banner(Files.readString(Path.of(value), StandardCharsets.UTF_8));
                    }
                }
                case "maxauthtries" -> server.maxAuthTries(Integer.parseInt(value));
                case "logingracetime" -> server.loginGraceTime(duration(value));
                default -> {
                    // "publickey,password publickey,keyboard-interactive": chains apart by spaces.
                    if (!value.equals("any")) {
                        for (String chain : value.trim().split("\\s+")) {
                            server.authenticationMethods(chain.split(","));
                        }
                    }
                }
            }
        }
    }

    /** sshd_config's time format: seconds, or a number with s, m or h after it (sshd_config(5) TIME FORMATS). */
    static Duration duration(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        char unit = v.charAt(v.length() - 1);
        if (Character.isDigit(unit)) {
            return Duration.ofSeconds(Long.parseLong(v));
        }
        long n = Long.parseLong(v.substring(0, v.length() - 1));
        return switch (unit) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            default -> throw new IllegalArgumentException("not a time: " + value);
        };
    }
}
