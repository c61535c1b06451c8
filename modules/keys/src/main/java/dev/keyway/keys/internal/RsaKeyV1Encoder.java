package dev.keyway.keys.internal;

import dev.keyway.api.wire.SshWriter;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.crypto.util.OpenSSHPrivateKeyUtil;
import org.bouncycastle.crypto.util.OpenSSHPublicKeyUtil;

/**
 * Writes an unencrypted RSA key in the {@code openssh-key-v1} format of OpenSSH PROTOCOL.key.
 *
 * <p>This is the one key Keyway encodes itself: Bouncy Castle 1.87's
 * {@link OpenSSHPrivateKeyUtil#encodePrivateKey} writes Ed25519 and ECDSA keys in this format
 * but RSA keys as PKCS#1 DER, which OpenSSH reads only as a legacy {@code RSA PRIVATE KEY}.
 * Bouncy Castle still reads the result back, which the tests check alongside ssh-keygen(1).
 */
public final class RsaKeyV1Encoder {
    /** PROTOCOL.key: the private section is padded to the cipher's block size, 8 for "none". */
    private static final int UNENCRYPTED_BLOCK = 8;

    private RsaKeyV1Encoder() {
    }

    /** The decoded PEM body of an {@code OPENSSH PRIVATE KEY} holding {@code key}. */
    public static byte[] encode(RSAPrivateCrtKeyParameters key, SecureRandom random) throws IOException {
        byte[] publicBlob = OpenSSHPublicKeyUtil.encodePublicKey(
                new RSAKeyParameters(false, key.getModulus(), key.getPublicExponent()));
        // Two equal random check integers: a reader compares them after decryption.
        int check = random.nextInt();
        SshWriter secret = new SshWriter(2048)
                .writeUint32(check).writeUint32(check)
                .writeUtf8("ssh-rsa")
                .writeMpint(key.getModulus()).writeMpint(key.getPublicExponent())
                .writeMpint(key.getExponent()).writeMpint(key.getQInv())
                .writeMpint(key.getP()).writeMpint(key.getQ())
                .writeUtf8("");
        for (int pad = 1; secret.size() % UNENCRYPTED_BLOCK != 0; pad++) {
            secret.writeByte(pad);
        }
        byte[] secretBytes = secret.toByteArray();
        byte[] out = new SshWriter(secretBytes.length + publicBlob.length + 64)
                .writeRaw(OpenSshKeyV1Header.AUTH_MAGIC)
                .writeUtf8("none").writeUtf8("none").writeString(new byte[0])
                .writeUint32(1)
                .writeString(publicBlob)
                .writeString(secretBytes)
                .toByteArray();
        // The private exponent must not linger in buffers the caller never sees.
        Arrays.fill(secretBytes, (byte) 0);
        Arrays.fill(secret.array(), (byte) 0);
        return out;
    }
}
