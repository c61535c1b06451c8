package dev.keyway.provider.jca.internal;

import dev.keyway.api.spi.SshAlgorithm;
import java.util.List;

/**
 * The symmetric algorithms of this provider, in preference order: AEAD ciphers before
 * CTR, and encrypt-then-MAC before the classic MACs (the order OpenSSH prefers).
 */
public final class SymmetricAlgorithms {
    private SymmetricAlgorithms() {
    }

    public static List<SshAlgorithm> list() {
        return List.of(
                new AesGcm("aes128-gcm@openssh.com", 16),
                new AesGcm("aes256-gcm@openssh.com", 32),
                new AesCtr("aes128-ctr", 16),
                new AesCtr("aes256-ctr", 32),
                new Hmac("hmac-sha2-256-etm@openssh.com", "HmacSHA256", 32, true),
                new Hmac("hmac-sha2-512-etm@openssh.com", "HmacSHA512", 64, true),
                new Hmac("hmac-sha2-256", "HmacSHA256", 32, false),
                new Hmac("hmac-sha2-512", "HmacSHA512", 64, false));
    }
}
