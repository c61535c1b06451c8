package dev.keyway.api.keys;

import dev.keyway.api.SshProtocolException;
import dev.keyway.api.wire.SshReader;
import dev.keyway.api.wire.SshWriter;
import java.util.Optional;

/**
 * A signature blob, {@code string algorithm-name, string signature} (RFC 4253 §6.6), where
 * the name is the signature algorithm, e.g. {@code rsa-sha2-512} (RFC 8332 §3), and the
 * contents depend on it.
 *
 * @param algorithm the signature algorithm's name
 * @param signature the algorithm-specific signature bytes
 */
public record SignatureBlob(String algorithm, byte[] signature) {

    public SignatureBlob {
        signature = signature.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** The wire form. */
    public byte[] encode() {
        return new SshWriter(signature.length + algorithm.length() + 8)
                .writeUtf8(algorithm).writeString(signature).toByteArray();
    }

    /**
     * Parses a blob; trailing bytes are malformed.
     *
     * @throws SshProtocolException when the blob is malformed
     */
    public static SignatureBlob decode(byte[] blob) throws SshProtocolException {
        SshReader r = new SshReader(blob);
        String name = r.readUtf8();
        byte[] sig = r.readString();
        r.expectEnd();
        return new SignatureBlob(name, sig);
    }

    /**
     * The signature bytes of a blob, if it is well formed and names exactly this algorithm;
     * empty otherwise. This is the first step of every {@code verify}, which must answer
     * false rather than throw for peer input.
     */
    public static Optional<byte[]> signatureFor(String algorithm, byte[] blob) {
        try {
            SignatureBlob b = decode(blob);
            return b.algorithm.equals(algorithm) ? Optional.of(b.signature) : Optional.empty();
        } catch (SshProtocolException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignatureBlob b && algorithm.equals(b.algorithm)
                && java.util.Arrays.equals(signature, b.signature);
    }

    @Override
    public int hashCode() {
        return algorithm.hashCode() * 31 + java.util.Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return "SignatureBlob[" + algorithm + ", " + signature.length + " bytes]";
    }
}
