package dev.keyway.conformance;

import dev.keyway.api.spi.MacAlgorithm;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A test fixture: HMAC-SHA-256 on the JDK, named {@code hmac-sha2-256}, which can be broken
 * on purpose to prove that the kit's checks notice.
 *
 * @param usesSequenceNumber false to leave the sequence number out of the MAC input (broken)
 * @param declaredLength the macLength it claims; below 32 it writes more than it claims (broken)
 */
record ToyMac(boolean usesSequenceNumber, int declaredLength) implements MacAlgorithm {
    static final ToyMac HONEST = new ToyMac(true, 32);

    @Override
    public String name() {
        return "hmac-sha2-256";
    }

    @Override
    public int keyLength() {
        return 32;
    }

    @Override
    public int macLength() {
        return declaredLength;
    }

    @Override
    public boolean encryptThenMac() {
        return false;
    }

    @Override
    public PacketMac create(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return (seq, buf, off, len, out, outOff) -> {
                if (usesSequenceNumber) {
                    mac.update(new byte[] {(byte) (seq >>> 24), (byte) (seq >>> 16), (byte) (seq >>> 8), (byte) seq});
                }
                mac.update(buf, off, len);
                try {
                    mac.doFinal(out, outOff);
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException(e);
                }
            };
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
