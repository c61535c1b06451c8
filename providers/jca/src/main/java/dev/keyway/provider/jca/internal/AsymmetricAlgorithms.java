package dev.keyway.provider.jca.internal;

import dev.keyway.api.keys.KeyType;
import dev.keyway.api.keys.NistP256;
import dev.keyway.api.keys.SshSignature;
import dev.keyway.api.spi.EphemeralKeyExchange;
import dev.keyway.api.spi.ExchangeDigest;
import dev.keyway.api.spi.PeerValueCheck;
import dev.keyway.api.spi.SshAlgorithm;
import java.util.List;

/**
 * The asymmetric algorithms of this provider, in preference order: the API's SSH framing
 * around this provider's JDK primitives.
 */
public final class AsymmetricAlgorithms {
    private AsymmetricAlgorithms() {
    }

    public static List<SshAlgorithm> list() {
        Curve25519Agreement x25519 = new Curve25519Agreement();
        PeerValueCheck x25519Value = PeerValueCheck.exactLength(Curve25519Agreement.VALUE_BYTES);
        return List.of(
                EphemeralKeyExchange.agreement("curve25519-sha256", ExchangeDigest.SHA256, x25519, x25519Value),
                EphemeralKeyExchange.agreement("curve25519-sha256@libssh.org", ExchangeDigest.SHA256,
                        x25519, x25519Value),
                EphemeralKeyExchange.agreement("ecdh-sha2-nistp256", ExchangeDigest.SHA256,
                        new EcdhP256Agreement(), NistP256::checkKeyExchangeValue),
                new SshSignature("ssh-ed25519", KeyType.SSH_ED25519, new Ed25519Signature()),
                new SshSignature("ecdsa-sha2-nistp256", KeyType.ECDSA_SHA2_NISTP256, new EcdsaP256Signature()),
                new SshSignature("rsa-sha2-512", KeyType.SSH_RSA, new RsaSha2Signature("SHA512withRSA")),
                new SshSignature("rsa-sha2-256", KeyType.SSH_RSA, new RsaSha2Signature("SHA256withRSA")));
    }
}
