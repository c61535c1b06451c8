package dev.keyway.api.keys;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Fingerprints of a public key blob as OpenSSH prints them (ssh-keygen(1) {@code -l -E}): a
 * digest of the whole blob of RFC 4253 §6.6, named by its hash.
 * <ul>
 * <li>{@link #sha256}: {@code SHA256:} and the base64 digest without padding, OpenSSH's default
 *     since 6.8;
 * <li>{@link #md5}: {@code MD5:} and the digest as colon-separated lowercase hex pairs, the
 *     older form, still printed by {@code -E md5} and by some servers' logs.
 * </ul>
 */
public final class KeyFingerprint {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private KeyFingerprint() {
    }

    /** {@code SHA256:} followed by the unpadded base64 SHA-256 of the blob. */
    public static String sha256(byte[] blob) {
        return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest("SHA-256", blob));
    }

    /** {@code MD5:} followed by the MD5 of the blob as {@code aa:bb:...}. */
    public static String md5(byte[] blob) {
        byte[] d = digest("MD5", blob);
        StringBuilder sb = new StringBuilder(4 + d.length * 3).append("MD5:");
        for (int i = 0; i < d.length; i++) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(HEX[(d[i] >> 4) & 0xf]).append(HEX[d[i] & 0xf]);
        }
        return sb.toString();
    }

    private static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            // Both are among the digests every Java platform must offer (MessageDigest javadoc).
            throw new IllegalStateException(algorithm + " is required of every JDK", e);
        }
    }
}
