package dev.keyway.integration.openssh;

/**
 * The comma-separated algorithm lists of an sshd configuration ({@code KexAlgorithms},
 * {@code HostKeyAlgorithms}, {@code Ciphers}, {@code MACs}).
 */
record SshdAlgorithms(String kex, String hostKeys, String ciphers, String macs) {
}
