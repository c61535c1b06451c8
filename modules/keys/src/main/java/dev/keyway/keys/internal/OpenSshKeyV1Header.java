package dev.keyway.keys.internal;

import dev.keyway.api.wire.SshReader;
import dev.keyway.api.wire.WireFormatException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The unencrypted head of an {@code openssh-key-v1} file (OpenSSH PROTOCOL.key §1):
 * {@code "openssh-key-v1\0", string ciphername, string kdfname, ...}. Read here only to tell
 * an encrypted key from a damaged one before Bouncy Castle parses the whole file.
 *
 * @param cipherName {@code none} for an unencrypted key
 * @param kdfName {@code none}, or {@code bcrypt} for a passphrase
 */
public record OpenSshKeyV1Header(String cipherName, String kdfName) {
    /** The magic that opens the decoded PEM body. */
    static final byte[] AUTH_MAGIC = "openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII);

    /** Whether a passphrase is needed to read the private key. */
    public boolean encrypted() {
        return !"none".equals(cipherName);
    }

    /** The header of a decoded PEM body, or a wire error when it is none. */
    public static OpenSshKeyV1Header read(byte[] body) throws WireFormatException {
        if (body.length < AUTH_MAGIC.length
                || !Arrays.equals(body, 0, AUTH_MAGIC.length, AUTH_MAGIC, 0, AUTH_MAGIC.length)) {
            throw new WireFormatException("no openssh-key-v1 magic");
        }
        SshReader r = new SshReader(body, AUTH_MAGIC.length, body.length - AUTH_MAGIC.length);
        return new OpenSshKeyV1Header(r.readUtf8(), r.readUtf8());
    }
}
