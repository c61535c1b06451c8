package dev.keyway.provider.bouncycastle.internal;

import dev.keyway.api.spi.SshAlgorithm;
import java.util.List;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;

/**
 * The symmetric algorithms of this provider, in preference order: chacha20-poly1305 first
 * (fast and constant-time without AES instructions), then AES-GCM, AES-CTR;
 * encrypt-then-MAC before the classic MACs.
 */
public final class SymmetricAlgorithms {
    private SymmetricAlgorithms() {
    }

    public static List<SshAlgorithm> list() {
        return List.of(
                new ChaCha20Poly1305(),
                new AesGcm("aes128-gcm@openssh.com", 16),
                new AesGcm("aes256-gcm@openssh.com", 32),
                new AesCtr("aes128-ctr", 16),
                new AesCtr("aes256-ctr", 32),
                new Hmac("hmac-sha2-256-etm@openssh.com", SHA256Digest::newInstance, 32, true),
                new Hmac("hmac-sha2-512-etm@openssh.com", SHA512Digest::new, 64, true),
                new Hmac("hmac-sha2-256", SHA256Digest::newInstance, 32, false),
                new Hmac("hmac-sha2-512", SHA512Digest::new, 64, false));
    }
}
