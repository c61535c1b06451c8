package dev.keyway.integration.openssh;

import java.nio.file.Path;

/**
 * A host key made by {@code ssh-keygen}: its private key file, the key type named in its
 * public key file ({@code ssh-ed25519}, {@code ecdsa-sha2-nistp256}, {@code ssh-rsa}) and the
 * fingerprint {@code ssh-keygen -lf} prints for it, which is what a client is to check.
 */
public record OpenSshHostKey(Path privateKeyFile, String keyType, String fingerprint) {
}
