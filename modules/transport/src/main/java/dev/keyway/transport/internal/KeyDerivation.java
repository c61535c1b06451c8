package dev.keyway.transport.internal;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Derives the six keys of RFC 4253 §7.2 from K, H and the session id:
 * {@code HASH(K || H || X || session_id)} for X in 'A'..'F', extended by
 * {@code HASH(K || H || K1 || ... )} until long enough.
 */
final class KeyDerivation {
    static final char IV_CLIENT_TO_SERVER = 'A';
    static final char IV_SERVER_TO_CLIENT = 'B';
    static final char KEY_CLIENT_TO_SERVER = 'C';
    static final char KEY_SERVER_TO_CLIENT = 'D';
    static final char MAC_CLIENT_TO_SERVER = 'E';
    static final char MAC_SERVER_TO_CLIENT = 'F';

    private final MessageDigest digest;
    private final byte[] encodedSecret;
    private final byte[] exchangeHash;
    private final byte[] sessionId;

    KeyDerivation(MessageDigest digest, byte[] encodedSecret, byte[] exchangeHash, byte[] sessionId) {
        this.digest = digest;
        this.encodedSecret = encodedSecret;
        this.exchangeHash = exchangeHash;
        this.sessionId = sessionId;
    }

    byte[] derive(char letter, int length) {
        digest.reset();
        digest.update(encodedSecret);
        digest.update(exchangeHash);
        digest.update((byte) letter);
        digest.update(sessionId);
        byte[] out = digest.digest();
        while (out.length < length) {
            digest.reset();
            digest.update(encodedSecret);
            digest.update(exchangeHash);
            digest.update(out);
            byte[] more = digest.digest();
            byte[] longer = Arrays.copyOf(out, out.length + more.length);
            System.arraycopy(more, 0, longer, out.length, more.length);
            Arrays.fill(out, (byte) 0);
            Arrays.fill(more, (byte) 0);
            out = longer;
        }
        byte[] key = Arrays.copyOf(out, length);
        Arrays.fill(out, (byte) 0);
        return key;
    }
}
