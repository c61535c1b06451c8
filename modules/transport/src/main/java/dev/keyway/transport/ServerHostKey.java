package dev.keyway.transport;

import dev.keyway.api.keys.KeyFingerprint;
import dev.keyway.api.wire.SshReader;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;

/**
 * A server host key as received in SSH_MSG_KEX_ECDH_REPLY (RFC 5656 §4): the negotiated
 * signature algorithm, the public key blob K_S, and the decoded key.
 */
public record ServerHostKey(String algorithm, byte[] blob, PublicKey publicKey) {

    public ServerHostKey {
        blob = blob.clone();
    }

    @Override
    public byte[] blob() {
        return blob.clone();
    }

    /** The key type inside the blob, e.g. {@code ssh-rsa} for {@code rsa-sha2-256}. */
    public String keyType() {
        int len = SshReader.uint32At(blob, 0);
        return new String(blob, 4, len, StandardCharsets.US_ASCII);
    }

    /** The fingerprint as OpenSSH prints it: {@code SHA256:} and the unpadded base64 digest. */
    public String fingerprint() {
        return KeyFingerprint.sha256(blob);
    }
}
