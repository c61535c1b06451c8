package dev.keyway.conformance;

import dev.keyway.api.SshProtocolException;
import dev.keyway.api.spi.KeyExchangeAlgorithm;
import dev.keyway.api.spi.SharedSecret;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * A deliberately broken {@code curve25519-sha256}: a correct X25519 (the RFC 7748 §5
 * Montgomery ladder, on BigInteger, neither fast nor constant-time) that forgets the
 * all-zero check of RFC 7748 §6.1. A test fixture only, to show the suite catches it.
 */
final class ZeroAcceptingX25519 implements KeyExchangeAlgorithm {
    private static final BigInteger P = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));
    private static final BigInteger A24 = BigInteger.valueOf(121665);

    @Override
    public String name() {
        return "curve25519-sha256";
    }

    @Override
    public MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Initiator initiate(SecureRandom random) {
        byte[] k = new byte[32];
        random.nextBytes(k);
        byte[] nine = new byte[32];
        nine[0] = 9;
        byte[] pub = x25519(k, nine);
        return new Initiator() {
            @Override
            public byte[] publicValue() {
                return pub.clone();
            }

            @Override
            public SharedSecret complete(byte[] serverValue) throws SshProtocolException {
                return secret(k, serverValue);
            }
        };
    }

    @Override
    public Response respond(byte[] clientValue, SecureRandom random) throws SshProtocolException {
        byte[] k = new byte[32];
        random.nextBytes(k);
        byte[] nine = new byte[32];
        nine[0] = 9;
        return new Response(x25519(k, nine), secret(k, clientValue));
    }

    private static SharedSecret secret(byte[] k, byte[] peer) throws SshProtocolException {
        if (peer.length != 32) {
            throw new SshProtocolException(dev.keyway.api.DisconnectReason.KEY_EXCHANGE_FAILED, "length");
        }
        // The flaw: no check that the output is all zeros.
        return SharedSecret.mpint(x25519(k, peer));
    }

    static byte[] x25519(byte[] scalar, byte[] u) {
        byte[] k = scalar.clone();
        k[0] &= (byte) 248;
        k[31] &= 127;
        k[31] |= 64;
        BigInteger kk = littleEndian(k);
        byte[] uu = u.clone();
        uu[31] &= 127;
        BigInteger x1 = littleEndian(uu).mod(P);
        BigInteger x2 = BigInteger.ONE;
        BigInteger z2 = BigInteger.ZERO;
        BigInteger x3 = x1;
        BigInteger z3 = BigInteger.ONE;
        boolean swap = false;
        for (int t = 254; t >= 0; t--) {
            boolean bit = kk.testBit(t);
            if (swap ^ bit) {
                BigInteger tmp = x2; x2 = x3; x3 = tmp;
                tmp = z2; z2 = z3; z3 = tmp;
            }
            swap = bit;
            BigInteger a = x2.add(z2).mod(P);
            BigInteger aa = a.multiply(a).mod(P);
            BigInteger b = x2.subtract(z2).mod(P);
            BigInteger bb = b.multiply(b).mod(P);
            BigInteger e = aa.subtract(bb).mod(P);
            BigInteger c = x3.add(z3).mod(P);
            BigInteger d = x3.subtract(z3).mod(P);
            BigInteger da = d.multiply(a).mod(P);
            BigInteger cb = c.multiply(b).mod(P);
            x3 = da.add(cb).pow(2).mod(P);
            z3 = x1.multiply(da.subtract(cb).pow(2)).mod(P);
            x2 = aa.multiply(bb).mod(P);
            z2 = e.multiply(aa.add(A24.multiply(e))).mod(P);
        }
        if (swap) {
            x2 = x3;
            z2 = z3;
        }
        BigInteger out = x2.multiply(z2.modPow(P.subtract(BigInteger.TWO), P)).mod(P);
        byte[] le = new byte[32];
        byte[] be = out.toByteArray();
        for (int i = 0; i < 32 && i < be.length; i++) {
            le[i] = be[be.length - 1 - i];
        }
        return le;
    }

    private static BigInteger littleEndian(byte[] b) {
        byte[] be = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            be[i] = b[b.length - 1 - i];
        }
        return new BigInteger(1, be);
    }
}
