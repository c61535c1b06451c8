package dev.keyway.integration.javapeers;

import java.nio.charset.StandardCharsets;

/** What a command run over an {@code exec} channel wrote, and its {@code exit-status} (RFC 4254 §6.10). */
record CommandResult(byte[] stdout, String stderr, int exitStatus) {
    String out() {
        return new String(stdout, StandardCharsets.UTF_8);
    }
}
