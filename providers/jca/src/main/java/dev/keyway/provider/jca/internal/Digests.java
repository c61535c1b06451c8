package dev.keyway.provider.jca.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The exchange hashes; SHA-256 is mandatory in every Java SE platform. */
final class Digests {
    private Digests() {
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by Java SE", e);
        }
    }
}
