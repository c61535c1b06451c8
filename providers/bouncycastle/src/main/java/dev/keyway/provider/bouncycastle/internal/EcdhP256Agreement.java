package dev.keyway.provider.bouncycastle.internal;

import dev.keyway.api.DisconnectReason;
import dev.keyway.api.SshProtocolException;
import dev.keyway.api.keys.NistP256;
import dev.keyway.api.spi.KeyExchangeAlgorithm;
import dev.keyway.api.spi.SharedSecret;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.agreement.ECDHBasicAgreement;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;

/**
 * {@code ecdh-sha2-nistp256} (RFC 5656 §4) on {@link ECDHBasicAgreement}: uncompressed
 * points, validated explicitly (see {@link P256Domain#decode}); K is the shared point's
 * x-coordinate as an mpint.
 */
final class EcdhP256Exchange implements KeyExchangeAlgorithm {
    @Override
    public String name() {
        return "ecdh-sha2-nistp256";
    }

    @Override
    public MessageDigest newDigest() {
        return Sha256.newDigest();
    }

    @Override
    public Initiator initiate(SecureRandom random) {
        AsymmetricCipherKeyPair own = P256Domain.generate(random);
        byte[] publicValue = P256Domain.encode((ECPublicKeyParameters) own.getPublic());
        return new Initiator() {
            @Override
            public byte[] publicValue() {
                return publicValue.clone();
            }

            @Override
            public SharedSecret complete(byte[] serverValue) throws SshProtocolException {
                return agree(own, serverValue);
            }
        };
    }

    @Override
    public Response respond(byte[] clientValue, SecureRandom random) throws SshProtocolException {
        ECPublicKeyParameters peer = P256Domain.decode(clientValue);
        AsymmetricCipherKeyPair own = P256Domain.generate(random);
        return new Response(P256Domain.encode((ECPublicKeyParameters) own.getPublic()), agree(own, peer));
    }

    private static SharedSecret agree(AsymmetricCipherKeyPair own, byte[] peerValue) throws SshProtocolException {
        return agree(own, P256Domain.decode(peerValue));
    }

    private static SharedSecret agree(AsymmetricCipherKeyPair own, ECPublicKeyParameters peer)
            throws SshProtocolException {
        BigInteger x;
        try {
            ECDHBasicAgreement agreement = new ECDHBasicAgreement();
            agreement.init(own.getPrivate());
            x = agreement.calculateAgreement(peer);
        } catch (RuntimeException e) {
            throw new SshProtocolException(DisconnectReason.KEY_EXCHANGE_FAILED, "ECDH agreement failed");
        }
        byte[] fixed = new byte[NistP256.FIELD_BYTES];
        NistP256.writeFixed(x, fixed, 0);
        try {
            return SharedSecret.mpint(fixed);
        } finally {
            Arrays.fill(fixed, (byte) 0);
        }
    }
}
