package dev.keyway.provider.jca.internal;

import dev.keyway.api.DisconnectReason;
import dev.keyway.api.SshProtocolException;
import dev.keyway.api.spi.SharedSecret;
import java.util.Arrays;

/**
 * The check of RFC 7748 §6.1 and RFC 8731 §3: an all-zero X25519 output means the peer
 * sent a small-order point, and the exchange must fail. Checked here explicitly rather than
 * trusting the JDK to have done it.
 */
final class AllZero {
    private AllZero() {
    }

    /** K as an mpint, unless it is all zeros; the raw bytes are wiped either way. */
    static SharedSecret refuse(byte[] k) throws SshProtocolException {
        int any = 0;
        for (byte b : k) {
            any |= b;
        }
        try {
            if (any == 0) {
                throw new SshProtocolException(DisconnectReason.KEY_EXCHANGE_FAILED,
                        "X25519 shared secret is all zeros");
            }
            return SharedSecret.mpint(k);
        } finally {
            Arrays.fill(k, (byte) 0);
        }
    }
}
