package dev.keyway.api.spi;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.function.Supplier;

/**
 * The hash functions a key exchange method names (RFC 4253 §8, RFC 5656 §6.2.1, RFC 8731 §3),
 * taken from the JDK: the SPI speaks {@link MessageDigest}, and these are in every Java SE
 * platform, so a provider needs no JCA registration of its own to use them.
 */
public enum ExchangeDigest implements Supplier<MessageDigest> {
    /** SHA-256, for {@code curve25519-sha256} and {@code ecdh-sha2-nistp256}. */
    SHA256("SHA-256"),
    /** SHA-384, for {@code ecdh-sha2-nistp384}. */
    SHA384("SHA-384"),
    /** SHA-512, for {@code ecdh-sha2-nistp521} and {@code sntrup761x25519-sha512}. */
    SHA512("SHA-512");

    private final String jdkName;

    ExchangeDigest(String jdkName) {
        this.jdkName = jdkName;
    }

    /** A new digest. */
    @Override
    public MessageDigest get() {
        try {
            return MessageDigest.getInstance(jdkName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(jdkName + " is required by Java SE", e);
        }
    }
}
