package dev.keyway.keys;

import dev.keyway.api.SshProtocolException;
import dev.keyway.api.keys.KeyType;
import dev.keyway.api.keys.PublicKeyBlob;
import dev.keyway.keys.internal.BcKeyConversion;
import dev.keyway.keys.internal.OpenSshKeyV1Header;
import dev.keyway.keys.internal.OwnerOnlyPermissions;
import dev.keyway.keys.internal.RsaKeyV1Encoder;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Set;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.crypto.util.OpenSSHPrivateKeyUtil;
import org.bouncycastle.crypto.util.OpenSSHPublicKeyUtil;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * Private key files as ssh-keygen(1) writes them ({@code id_ed25519}, {@code id_ecdsa},
 * {@code id_rsa}), as {@code java.security.KeyPair}s.
 *
 * <p>Read: the {@code OPENSSH PRIVATE KEY} format of OpenSSH PROTOCOL.key, unencrypted or
 * encrypted with a passphrase (bcrypt KDF and the ciphers Bouncy Castle implements, such as
 * ssh-keygen's default {@code aes256-ctr}); also the legacy PEM forms {@code RSA PRIVATE KEY},
 * {@code EC PRIVATE KEY} and {@code PRIVATE KEY} that ssh-keygen wrote before OpenSSH 7.8,
 * unencrypted only. Written: unencrypted {@code OPENSSH PRIVATE KEY} with an empty comment, as
 * {@code ssh-keygen -N ''} does; writing with a passphrase is not supported yet.
 *
 * <p>Key types: Ed25519, ECDSA on P-256 and RSA (the {@link KeyType}s); others are
 * {@link KeyFileException.Reason#UNSUPPORTED}.
 */
public final class PrivateKeyFile {
    private static final String OPENSSH_PEM_TYPE = "OPENSSH PRIVATE KEY";
    private static final Set<String> LEGACY_PEM_TYPES = Set.of("RSA PRIVATE KEY", "EC PRIVATE KEY", "PRIVATE KEY");
    /** The ciphers Bouncy Castle 1.87's OpenSSHPrivateKeyUtil decrypts. */
    private static final Set<String> DECRYPTABLE_CIPHERS = Set.of(
            "aes128-ctr", "aes192-ctr", "aes256-ctr", "aes128-cbc", "aes192-cbc", "aes256-cbc",
            "3des-cbc", "aes128-gcm@openssh.com", "aes256-gcm@openssh.com", "chacha20-poly1305@openssh.com");
    private static final SecureRandom RANDOM = new SecureRandom();

    private PrivateKeyFile() {
    }

    /** Reads an unencrypted key file. */
    public static KeyPair read(Path file) throws IOException, KeyFileException {
        return read(file, null);
    }

    /**
     * Reads a key file, decrypting it with {@code passphrase} if it is encrypted.
     *
     * @param passphrase null or empty for an unencrypted key; the array is left as given
     */
    public static KeyPair read(Path file, char[] passphrase) throws IOException, KeyFileException {
        return parse(Files.readString(file, StandardCharsets.US_ASCII), passphrase);
    }

    /** Parses the text of a key file; see {@link #read(Path, char[])}. */
    public static KeyPair parse(String text, char[] passphrase) throws KeyFileException {
        PemObject pem;
        try (PemReader reader = new PemReader(new StringReader(text))) {
            pem = reader.readPemObject();
        } catch (IOException | RuntimeException e) {
            throw new KeyFileException(KeyFileException.Reason.MALFORMED, "damaged PEM block", e);
        }
        if (pem == null) {
            throw new KeyFileException(KeyFileException.Reason.MALFORMED, "no PEM block in the key file");
        }
        AsymmetricKeyParameter key;
        if (OPENSSH_PEM_TYPE.equals(pem.getType())) {
            key = parseOpenSsh(pem.getContent(), passphrase);
        } else if (LEGACY_PEM_TYPES.contains(pem.getType())) {
            key = parseLegacy(text);
        } else {
            throw new KeyFileException(KeyFileException.Reason.UNSUPPORTED,
                    "not a private key file Keyway reads (PEM type " + pem.getType() + ")");
        }
        if (key instanceof RSAPrivateCrtKeyParameters rsa && !BcKeyConversion.rsaPartsAgree(rsa)) {
            throw new KeyFileException(KeyFileException.Reason.MALFORMED, "damaged RSA key: its parts do not agree");
        }
        try {
            return BcKeyConversion.toKeyPair(key);
        } catch (SshProtocolException e) {
            throw new KeyFileException(KeyFileException.Reason.UNSUPPORTED,
                    "unsupported key type or size: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw new KeyFileException(KeyFileException.Reason.UNSUPPORTED, "key not usable with the JDK", e);
        }
    }

    private static AsymmetricKeyParameter parseOpenSsh(byte[] body, char[] passphrase) throws KeyFileException {
        OpenSshKeyV1Header header;
        try {
            header = OpenSshKeyV1Header.read(body);
        } catch (SshProtocolException e) {
            throw new KeyFileException(KeyFileException.Reason.MALFORMED, "damaged openssh-key-v1 header", e);
        }
        if (!header.encrypted()) {
            try {
                return OpenSSHPrivateKeyUtil.parsePrivateKeyBlob(body);
            } catch (RuntimeException e) {
                throw new KeyFileException(KeyFileException.Reason.MALFORMED, "damaged openssh-key-v1 key", e);
            }
        }
        if (!"bcrypt".equals(header.kdfName()) || !DECRYPTABLE_CIPHERS.contains(header.cipherName())) {
            throw new KeyFileException(KeyFileException.Reason.UNSUPPORTED, "encrypted with " + header.cipherName()
                    + " and KDF " + header.kdfName() + ", which Keyway cannot decrypt yet");
        }
        if (passphrase == null || passphrase.length == 0) {
            throw new KeyFileException(KeyFileException.Reason.PASSPHRASE_REQUIRED,
                    "the key is encrypted; a passphrase is required");
        }
        byte[] secret = utf8(passphrase);
        try {
            return OpenSSHPrivateKeyUtil.parsePrivateKeyBlob(body, secret);
        } catch (RuntimeException e) {
            // Check integers that differ after decryption are what a wrong passphrase looks
            // like (PROTOCOL.key §3); a damaged file cannot be told apart from it.
            throw new KeyFileException(KeyFileException.Reason.WRONG_PASSPHRASE,
                    "the passphrase does not decrypt the key (or the file is damaged)", e);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    private static AsymmetricKeyParameter parseLegacy(String text) throws KeyFileException {
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            Object parsed = parser.readObject();
            PrivateKeyInfo info;
            if (parsed instanceof PEMKeyPair pair) {
                info = pair.getPrivateKeyInfo();
            } else if (parsed instanceof PrivateKeyInfo direct) {
                info = direct;
            } else if (parsed instanceof PEMEncryptedKeyPair) {
                throw new KeyFileException(KeyFileException.Reason.UNSUPPORTED, "encrypted legacy PEM keys are not"
                        + " supported yet; convert with ssh-keygen -p -f FILE, which writes openssh-key-v1");
            } else {
                throw new KeyFileException(KeyFileException.Reason.MALFORMED, "no private key in the PEM block");
            }
            return PrivateKeyFactory.createKey(info);
        } catch (IOException | RuntimeException e) {
            throw new KeyFileException(KeyFileException.Reason.MALFORMED, "damaged legacy PEM key", e);
        }
    }

    /** The text of an unencrypted {@code OPENSSH PRIVATE KEY} file for {@code pair}. */
    public static String format(KeyPair pair) throws KeyFileException {
        if (KeyType.of(pair.getPublic()).isEmpty()) {
            throw new KeyFileException(KeyFileException.Reason.UNSUPPORTED,
                    "unsupported key type " + pair.getPublic().getAlgorithm());
        }
        byte[] body = null;
        try {
            AsymmetricKeyParameter key = BcKeyConversion.fromPrivateKey(pair.getPrivate());
            byte[] derivedPublic = OpenSSHPublicKeyUtil.encodePublicKey(BcKeyConversion.publicHalf(key));
            if (!Arrays.equals(derivedPublic, PublicKeyBlob.encode(pair.getPublic()))) {
                throw new KeyFileException(KeyFileException.Reason.MALFORMED,
                        "the public key of the pair does not belong to its private key");
            }
            body = key instanceof RSAPrivateCrtKeyParameters rsa
                    ? RsaKeyV1Encoder.encode(rsa, RANDOM)
                    : OpenSSHPrivateKeyUtil.encodePrivateKey(key);
            StringWriter text = new StringWriter();
            try (PemWriter writer = new PemWriter(text)) {
                writer.writeObject(new PemObject(OPENSSH_PEM_TYPE, body));
            }
            return text.toString();
        } catch (IOException | RuntimeException e) {
            throw new KeyFileException(KeyFileException.Reason.UNSUPPORTED,
                    "cannot encode the " + pair.getPrivate().getAlgorithm() + " private key", e);
        } finally {
            if (body != null) {
                Arrays.fill(body, (byte) 0);
            }
        }
    }

    /**
     * Writes {@code pair} to a new file readable by its owner only (mode 0600 where the file
     * system has POSIX permissions, as ssh(1) insists on). An existing file is never
     * overwritten.
     */
    public static void write(Path file, KeyPair pair) throws IOException, KeyFileException {
        byte[] bytes = format(pair).getBytes(StandardCharsets.US_ASCII);
        try (SeekableByteChannel out = Files.newByteChannel(file,
                Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), OwnerOnlyPermissions.forFile())) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static byte[] utf8(char[] chars) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        byte[] out = new byte[encoded.remaining()];
        encoded.get(out);
        Arrays.fill(encoded.array(), (byte) 0);
        return out;
    }
}
