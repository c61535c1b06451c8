package dev.keyway.api.keys;

import dev.keyway.api.DisconnectReason;
import dev.keyway.api.SshProtocolException;
import dev.keyway.api.wire.SshReader;
import dev.keyway.api.wire.SshWriter;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;

/**
 * An ECDSA signature (r, s). SSH carries it as {@code mpint r, mpint s} inside the signature
 * blob (RFC 5656 §3.1.2); JCA takes and gives the DER form
 * {@code SEQUENCE { INTEGER r, INTEGER s }} (RFC 3279 §2.2.3, X.690 DER).
 *
 * <p>Both decoders are strict (minimal encodings, no trailing bytes) and accept only
 * positive r and s; the range check against the group order is the verifier's.
 *
 * @param r the first half
 * @param s the second half
 */
public record EcdsaSignature(BigInteger r, BigInteger s) {

    /** The contents of the SSH signature blob's string. */
    public byte[] encodeSsh() {
        return new SshWriter(72).writeMpint(r).writeMpint(s).toByteArray();
    }

    /** Parses the contents of an SSH ECDSA signature blob. */
    public static EcdsaSignature decodeSsh(byte[] encoded) throws SshProtocolException {
        SshReader rd = new SshReader(encoded);
        BigInteger r = rd.readMpint();
        BigInteger s = rd.readMpint();
        rd.expectEnd();
        return checked(r, s);
    }

    /** Whether both halves lie in [1, n-1], as a valid signature's must (SEC1 §4.1.4 step 1). */
    public boolean inRange(BigInteger n) {
        return r.signum() > 0 && s.signum() > 0 && r.compareTo(n) < 0 && s.compareTo(n) < 0;
    }

    /** The DER form for JCA. */
    public byte[] toDer() {
        byte[] rb = r.toByteArray();
        byte[] sb = s.toByteArray();
        ByteArrayOutputStream body = new ByteArrayOutputStream(rb.length + sb.length + 8);
        writeTlv(body, 0x02, rb);
        writeTlv(body, 0x02, sb);
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.size() + 4);
        writeTlv(out, 0x30, body.toByteArray());
        return out.toByteArray();
    }

    private static void writeTlv(ByteArrayOutputStream out, int tag, byte[] value) {
        out.write(tag);
        int len = value.length;
        if (len < 0x80) {
            out.write(len);
        } else if (len < 0x100) {
            out.write(0x81);
            out.write(len);
        } else {
            out.write(0x82);
            out.write(len >>> 8);
            out.write(len);
        }
        out.write(value, 0, len);
    }

    /** Parses the DER form that JCA produces. */
    public static EcdsaSignature fromDer(byte[] der) throws SshProtocolException {
        int[] pos = {0};
        int seqLen = readHeader(der, pos, 0x30);
        if (seqLen != der.length - pos[0]) {
            throw malformed();
        }
        BigInteger r = readInteger(der, pos);
        BigInteger s = readInteger(der, pos);
        if (pos[0] != der.length) {
            throw malformed();
        }
        return checked(r, s);
    }

    private static int readHeader(byte[] der, int[] pos, int tag) throws SshProtocolException {
        int p = pos[0];
        if (der.length - p < 2 || (der[p] & 0xff) != tag) {
            throw malformed();
        }
        int len = der[p + 1] & 0xff;
        p += 2;
        if (len >= 0x80) {
            int n = len & 0x7f;
            if (n == 0 || n > 2 || der.length - p < n) {
                throw malformed();
            }
            len = 0;
            for (int i = 0; i < n; i++) {
                len = (len << 8) | (der[p++] & 0xff);
            }
            // DER: long form only when needed, without leading zero bytes.
            if (len < 0x80 || (n == 2 && len < 0x100)) {
                throw malformed();
            }
        }
        if (len > der.length - p) {
            throw malformed();
        }
        pos[0] = p;
        return len;
    }

    private static BigInteger readInteger(byte[] der, int[] pos) throws SshProtocolException {
        int len = readHeader(der, pos, 0x02);
        int p = pos[0];
        if (len == 0 || (len > 1 && der[p] == 0 && der[p + 1] >= 0)
                || (len > 1 && der[p] == -1 && der[p + 1] < 0)) {
            throw malformed();
        }
        BigInteger v = new BigInteger(der, p, len);
        pos[0] = p + len;
        return v;
    }

    private static EcdsaSignature checked(BigInteger r, BigInteger s) throws SshProtocolException {
        if (r.signum() <= 0 || s.signum() <= 0) {
            throw new SshProtocolException(DisconnectReason.PROTOCOL_ERROR, "ECDSA r or s not positive");
        }
        return new EcdsaSignature(r, s);
    }

    private static SshProtocolException malformed() {
        return new SshProtocolException(DisconnectReason.PROTOCOL_ERROR, "malformed DER ECDSA signature");
    }
}
