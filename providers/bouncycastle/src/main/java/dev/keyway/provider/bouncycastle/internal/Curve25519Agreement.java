package dev.keyway.provider.bouncycastle.internal;

import dev.keyway.api.DisconnectReason;
import dev.keyway.api.SshProtocolException;
import dev.keyway.api.spi.KeyExchangeAlgorithm;
import dev.keyway.api.spi.SharedSecret;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.agreement.X25519Agreement;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;

/**
 * {@code curve25519-sha256} and {@code curve25519-sha256@libssh.org} (RFC 8731 §3) on
 * {@link X25519Agreement}: raw 32-byte little-endian u values (RFC 7748 §5), K the X25519
 * output as an unsigned big-endian mpint (RFC 8731 §3.1), an all-zero output refused
 * (RFC 7748 §6.1), checked here explicitly as well as by Bouncy Castle.
 *
 * <p>{@link X25519PrivateKeyParameters#X25519PrivateKeyParameters(SecureRandom)} takes the
 * scalar from one 32-byte {@code nextBytes} call and clamps it, which X25519 does anyway;
 * so a fixed-bytes random injects an RFC 7748 scalar unchanged.
 */
final class X25519Exchange implements KeyExchangeAlgorithm {
    private static final int VALUE_BYTES = X25519PublicKeyParameters.KEY_SIZE;

    private final String name;

    X25519Exchange(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public MessageDigest newDigest() {
        return Sha256.newDigest();
    }

    @Override
    public Initiator initiate(SecureRandom random) {
        X25519PrivateKeyParameters own = new X25519PrivateKeyParameters(random);
        byte[] publicValue = own.generatePublicKey().getEncoded();
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
        checkLength(clientValue);
        X25519PrivateKeyParameters own = new X25519PrivateKeyParameters(random);
        return new Response(own.generatePublicKey().getEncoded(), agree(own, clientValue));
    }

    private static void checkLength(byte[] value) throws SshProtocolException {
        if (value == null || value.length != VALUE_BYTES) {
            throw new SshProtocolException(DisconnectReason.KEY_EXCHANGE_FAILED,
                    "X25519 public value is not 32 bytes");
        }
    }

    private static SharedSecret agree(X25519PrivateKeyParameters own, byte[] peerValue) throws SshProtocolException {
        checkLength(peerValue);
        byte[] k = new byte[VALUE_BYTES];
        try {
            X25519Agreement agreement = new X25519Agreement();
            agreement.init(own);
            // Bouncy Castle masks the top bit of u itself (RFC 7748 §5 decodeUCoordinate).
            agreement.calculateAgreement(new X25519PublicKeyParameters(peerValue, 0), k, 0);
        } catch (RuntimeException e) {
            // Bouncy Castle throws when the output is all zeros; either way the exchange fails.
            throw new SshProtocolException(DisconnectReason.KEY_EXCHANGE_FAILED, "X25519 agreement failed");
        }
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
