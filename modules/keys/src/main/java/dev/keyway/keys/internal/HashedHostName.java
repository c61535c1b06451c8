package dev.keyway.keys.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A hashed host name of {@code known_hosts} (sshd(8) "SSH_KNOWN_HOSTS FILE FORMAT",
 * ssh-keygen(1) {@code -H}, ssh_config(5) HashKnownHosts): {@code |1|salt|hash}, where the
 * salt is 20 random bytes and the hash is HMAC-SHA1 keyed with the salt over the name as ssh
 * looks it up ({@code host} or {@code [host]:port}), both in base64. Only a name's owner can
 * tell that a line is about it.
 */
public final class HashedHostName {
    /** The magic that starts a hashed name; 1 is the only version OpenSSH defines. */
    public static final String MAGIC = "|1|";
    private static final int SHA1_BYTES = 20;

    private final byte[] salt;
    private final byte[] hash;

    private HashedHostName(byte[] salt, byte[] hash) {
        this.salt = salt;
        this.hash = hash;
    }

    /** The field parsed, or empty when it is not a well-formed {@code |1|salt|hash}. */
    public static Optional<HashedHostName> parse(String field) {
        if (!field.startsWith(MAGIC)) {
            return Optional.empty();
        }
        String[] parts = field.substring(MAGIC.length()).split("\\|", -1);
        if (parts.length != 2) {
            return Optional.empty();
        }
        try {
            byte[] salt = Base64.getDecoder().decode(parts[0]);
            byte[] hash = Base64.getDecoder().decode(parts[1]);
            if (salt.length != SHA1_BYTES || hash.length != SHA1_BYTES) {
                return Optional.empty();
            }
            return Optional.of(new HashedHostName(salt, hash));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A new hashed form of {@code name} with a fresh salt. */
    public static String hash(String name, SecureRandom random) {
        byte[] salt = new byte[SHA1_BYTES];
        random.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder();
        return MAGIC + b64.encodeToString(salt) + "|" + b64.encodeToString(hmac(salt, name));
    }

    /** Whether this is the hash of {@code name} (compared in lower case, as ssh looks names up). */
    public boolean matches(String name) {
        return MessageDigest.isEqual(hash, hmac(salt, name));
    }

    private static byte[] hmac(byte[] salt, String name) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(salt, "HmacSHA1"));
            return mac.doFinal(name.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            // HmacSHA1 is among the MACs every Java platform must offer (Mac javadoc).
            throw new IllegalStateException("HmacSHA1 is required of every JDK", e);
        }
    }
}
