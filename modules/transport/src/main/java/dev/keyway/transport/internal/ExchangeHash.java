package dev.keyway.transport.internal;

import dev.keyway.api.wire.SshWriter;
import java.security.MessageDigest;

/**
 * The exchange hash H of an ECDH-style key exchange (RFC 5656 §4, RFC 8731 §3): the hash
 * of V_C, V_S, I_C, I_S, K_S, Q_C and Q_S as strings, followed by K in the encoding its
 * algorithm chose.
 */
final class ExchangeHash {
    private ExchangeHash() {
    }

    static byte[] compute(MessageDigest digest, String clientVersion, String serverVersion,
            byte[] clientKexInit, byte[] serverKexInit, byte[] hostKeyBlob,
            byte[] clientValue, byte[] serverValue, byte[] encodedSecret) {
        SshWriter w = new SshWriter(1024)
                .writeUtf8(clientVersion)
                .writeUtf8(serverVersion)
                .writeString(clientKexInit)
                .writeString(serverKexInit)
                .writeString(hostKeyBlob)
                .writeString(clientValue)
                .writeString(serverValue);
        digest.reset();
        digest.update(w.array(), 0, w.size());
        // K goes to the hash from the caller's array, which the caller wipes: no copy is made.
        digest.update(encodedSecret);
        return digest.digest();
    }
}
