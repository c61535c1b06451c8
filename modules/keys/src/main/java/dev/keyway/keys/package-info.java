/**
 * OpenSSH's files about keys, read and written as OpenSSH does, so that Keyway and OpenSSH can
 * share a {@code ~/.ssh} directory:
 * <ul>
 * <li>private key files in the {@code openssh-key-v1} format of OpenSSH's PROTOCOL.key
 *     ({@link dev.keyway.keys.PrivateKeyFile}), converted to and from {@code java.security.KeyPair},
 *     the currency of the algorithm SPI;
 * <li>one-line public keys as in {@code id_ed25519.pub} and {@code authorized_keys}
 *     ({@link dev.keyway.keys.OpenSshPublicKey}, {@link dev.keyway.keys.AuthorizedKeys}; sshd(8)
 *     "AUTHORIZED_KEYS FILE FORMAT");
 * <li>{@code known_hosts} (sshd(8) "SSH_KNOWN_HOSTS FILE FORMAT"): lookup, hashed names,
 *     markers, appending ({@link dev.keyway.keys.KnownHosts}, {@link dev.keyway.keys.KnownHostsFile});
 * <li>host key verification policies on top of it, with what to tell the user when a key is
 *     refused ({@link dev.keyway.keys.KnownHostsVerifier}, {@link dev.keyway.keys.HostKeyRejection}).
 * </ul>
 * Parsing of key files is Bouncy Castle's ({@code OpenSSHPrivateKeyUtil}, {@code PemReader},
 * {@code PEMParser}); public key blobs go through {@link dev.keyway.api.keys.PublicKeyBlob}.
 * Files are treated as untrusted: a malformed line is reported with its number and the rest
 * of the file is still used. Private key material never appears in a message or a
 * {@code toString}.
 */
package dev.keyway.keys;
