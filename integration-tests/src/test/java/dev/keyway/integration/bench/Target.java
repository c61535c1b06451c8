package dev.keyway.integration.bench;

/**
 * A server under measurement on 127.0.0.1.
 *
 * @param name {@code sshd}, {@code keyway} or {@code mina}: the server column of a {@link Sample}
 * @param pid the process that listens; sshd serves each connection in processes it forks
 * @param hostKeyFingerprint the {@code SHA256:} fingerprint of its ed25519 host key, the one
 *     every client asks for, so that each server signs alike
 * @param jvm whether it is a Java process, whose heap can be read
 */
record Target(String name, int port, long pid, String hostKeyFingerprint, boolean jvm) {
    static final String SSHD = "sshd";
    static final String KEYWAY = "keyway";
    static final String MINA = "mina";
}
