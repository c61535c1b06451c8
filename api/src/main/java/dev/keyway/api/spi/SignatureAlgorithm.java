package dev.keyway.api.spi;

import dev.keyway.api.SshProtocolException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;

/**
 * A public key signature algorithm, used for server host keys (RFC 4253 §6.6) and for
 * publickey user authentication (RFC 4252 §7). Its {@link #name()} is the signature
 * algorithm, e.g. {@code rsa-sha2-256}; {@link #keyType()} is the key format in the public
 * key blob, e.g. {@code ssh-rsa} (RFC 8332 §3). Keys are {@code java.security} keys, the
 * common currency between providers.
 */
public non-sealed interface SignatureAlgorithm extends SshAlgorithm {

    /** The key format name that starts a public key blob of this algorithm. */
    String keyType();

    /** Whether this algorithm can sign with and verify for the given key. */
    boolean accepts(PublicKey key);

    /** The public key blob: {@code string keyType} followed by the key's fields. */
    byte[] encodePublicKey(PublicKey key);

    /**
     * Parses a public key blob.
     *
     * @throws SshProtocolException when the blob is malformed or names another key type
     */
    PublicKey decodePublicKey(byte[] blob) throws SshProtocolException;

    /** Signs and returns the signature blob: {@code string name, string signature}. */
    byte[] sign(PrivateKey key, byte[] data, SecureRandom random);

    /**
     * Checks a signature blob. Any malformed blob, a blob naming another algorithm, or a bad
     * signature gives false; it never throws for peer input.
     */
    boolean verify(PublicKey key, byte[] data, byte[] signatureBlob);

    /** A new key pair this algorithm accepts, e.g. for a server's first run or for tests. */
    KeyPair generateKeyPair(SecureRandom random);
}
