package dev.keyway.provider.bouncycastle.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The exchange hash. The SPI asks for a {@link MessageDigest}, which is JCA's type; SHA-256
 * is in every Java SE platform, so the JDK's serves without registering Bouncy Castle.
 */
final class Sha256 {
    private Sha256() {
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by Java SE", e);
        }
    }
}
