package dev.keyway.provider.jca.internal;

import dev.keyway.api.DisconnectReason;
import dev.keyway.api.SshProtocolException;
import dev.keyway.api.spi.KeyExchangeAlgorithm;
import dev.keyway.api.spi.SharedSecret;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.XECPublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPublicKeySpec;
import javax.crypto.KeyAgreement;

/**
 * {@code curve25519-sha256} and its older name {@code curve25519-sha256@libssh.org}
 * (RFC 8731 §3) on the JDK's XDH: public values are the raw 32-byte little-endian u of
 * RFC 7748 §5, K is the X25519 output read as an unsigned big-endian number and encoded as
 * an mpint (RFC 8731 §3.1), and an all-zero output is refused (RFC 7748 §6.1).
 *
 * <p>The private scalar is exactly the 32 bytes the JDK's key pair generator draws with one
 * {@code nextBytes} call (clamping happens inside the scalar multiplication), which is what
 * lets the conformance kit run RFC 7748 vectors through a {@code SecureRandom} that returns
 * fixed bytes.
 */
final class X25519Exchange implements KeyExchangeAlgorithm {
    static final int VALUE_BYTES = 32;

    private final String name;

    X25519Exchange(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean isSupported() {
        try {
            KeyAgreement.getInstance("XDH");
            return true;
        } catch (NoSuchAlgorithmException e) {
            return false;
        }
    }

    @Override
    public MessageDigest newDigest() {
        return Digests.sha256();
    }

    @Override
    public Initiator initiate(SecureRandom random) {
        KeyPair own = generate(random);
        byte[] publicValue = encode(own);
        return new Initiator() {
            @Override
            public byte[] publicValue() {
                return publicValue.clone();
            }

            @Override
            public SharedSecret complete(byte[] serverValue) throws SshProtocolException {
                return agree(own.getPrivate(), serverValue);
            }
        };
    }

    @Override
    public Response respond(byte[] clientValue, SecureRandom random) throws SshProtocolException {
        checkLength(clientValue);
        KeyPair own = generate(random);
        return new Response(encode(own), agree(own.getPrivate(), clientValue));
    }

    private static void checkLength(byte[] peerValue) throws SshProtocolException {
        if (peerValue == null || peerValue.length != VALUE_BYTES) {
            throw new SshProtocolException(DisconnectReason.KEY_EXCHANGE_FAILED,
                    "X25519 public value is not 32 bytes");
        }
    }

    private static KeyPair generate(SecureRandom random) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("XDH");
            g.initialize(NamedParameterSpec.X25519, random);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("X25519 is unavailable", e);
        }
    }

    /** u as 32 little-endian bytes (RFC 7748 §5, encodeUCoordinate). */
    private static byte[] encode(KeyPair own) {
        BigInteger u = ((XECPublicKey) own.getPublic()).getU();
        byte[] be = u.toByteArray();
        byte[] le = new byte[VALUE_BYTES];
        for (int i = 0; i < VALUE_BYTES && i < be.length; i++) {
            le[i] = be[be.length - 1 - i];
        }
        return le;
    }

    private static SharedSecret agree(PrivateKey own, byte[] peerValue) throws SshProtocolException {
        checkLength(peerValue);
        // RFC 7748 §5 decodeUCoordinate: little-endian, and the top bit is masked off.
        byte[] be = new byte[VALUE_BYTES];
        for (int i = 0; i < VALUE_BYTES; i++) {
            be[i] = peerValue[VALUE_BYTES - 1 - i];
        }
        be[0] &= 0x7f;
        byte[] k;
        try {
            KeyAgreement ka = KeyAgreement.getInstance("XDH");
            ka.init(own);
            ka.doPhase(KeyFactory.getInstance("XDH").generatePublic(
                    new XECPublicKeySpec(NamedParameterSpec.X25519, new BigInteger(1, be))), true);
            k = ka.generateSecret();
        } catch (GeneralSecurityException | RuntimeException e) {
            // The JDK refuses small-order points itself; either way the exchange fails.
            throw new SshProtocolException(DisconnectReason.KEY_EXCHANGE_FAILED, "X25519 agreement failed");
        }
        return AllZero.refuse(k);
    }
}
