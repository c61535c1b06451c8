package dev.keyway.keys;

import dev.keyway.api.SshProtocolException;
import dev.keyway.api.keys.KeyFingerprint;
import dev.keyway.api.keys.PublicKeyBlob;
import dev.keyway.api.wire.SshReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A public key in OpenSSH's one-line form, {@code keytype base64-blob [comment]}, as in
 * {@code id_ed25519.pub} and at the end of {@code authorized_keys} and {@code known_hosts} lines
 * (sshd(8) "AUTHORIZED_KEYS FILE FORMAT"; ssh-keygen(1) FILES).
 *
 * <p>The key is kept as its blob (RFC 4253 §6.6), so that keys of types Keyway cannot use
 * (such as {@code ssh-dss} or security keys) still parse and compare; {@link #publicKey()}
 * decodes the ones it can. The type field must name the type inside the blob, as OpenSSH
 * requires.
 *
 * @param keyType the type name, e.g. {@code ssh-ed25519}
 * @param blob the public key blob
 * @param comment free text, empty when there is none; never contains a line break
 */
public record OpenSshPublicKey(String keyType, byte[] blob, String comment) {

    public OpenSshPublicKey {
        Objects.requireNonNull(keyType, "keyType");
        blob = blob.clone();
        comment = comment == null ? "" : comment.strip();
        if (comment.indexOf('\n') >= 0 || comment.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a key comment is one line");
        }
    }

    @Override
    public byte[] blob() {
        return blob.clone();
    }

    /** The line for a JCA key of a type Keyway knows. */
    public static OpenSshPublicKey of(PublicKey key, String comment) {
        byte[] blob = PublicKeyBlob.encode(key);
        return new OpenSshPublicKey(typeInBlob(blob), blob, comment);
    }

    /** Reads a {@code .pub} file: its first non-blank line. */
    public static OpenSshPublicKey read(Path file) throws IOException, LineFormatException {
        String line = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank()).findFirst()
                .orElseThrow(() -> new LineFormatException("no public key in " + file));
        return parse(line);
    }

    /**
     * Parses {@code keytype base64 [comment]}; fields are separated by spaces or tabs.
     *
     * @throws LineFormatException when the line is not of that form or the blob does not
     *         start with the type name
     */
    public static OpenSshPublicKey parse(String line) throws LineFormatException {
        LineFields.requireOneLine(line);
        LineFields fields = new LineFields(line);
        String type = fields.next();
        String base64 = fields.next();
        if (type == null || base64 == null) {
            throw new LineFormatException("expected \"keytype base64 [comment]\"");
        }
        return fromFields(type, base64, fields.rest());
    }

    static OpenSshPublicKey fromFields(String type, String base64, String comment) throws LineFormatException {
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new LineFormatException("the key is not valid base64");
        }
        String inside;
        try {
            inside = typeInBlob(blob);
        } catch (IllegalArgumentException e) {
            throw new LineFormatException("the key blob is damaged");
        }
        if (!inside.equals(type)) {
            throw new LineFormatException("key type " + type + " does not match the blob's " + inside);
        }
        return new OpenSshPublicKey(type, blob, comment);
    }

    private static String typeInBlob(byte[] blob) {
        try {
            return new SshReader(blob).readUtf8();
        } catch (SshProtocolException e) {
            throw new IllegalArgumentException("no key type at the start of the blob", e);
        }
    }

    /**
     * The JCA key.
     *
     * @throws SshProtocolException for a type Keyway does not know or a malformed key
     */
    public PublicKey publicKey() throws SshProtocolException {
        return PublicKeyBlob.decode(blob);
    }

    /** Whether this is the key in {@code otherBlob}. */
    public boolean sameKey(byte[] otherBlob) {
        return Arrays.equals(blob, otherBlob);
    }

    /** {@code keytype base64} and the comment if there is one. */
    public String toLine() {
        String key = keyType + " " + Base64.getEncoder().encodeToString(blob);
        return comment.isEmpty() ? key : key + " " + comment;
    }

    /** The fingerprint ssh-keygen -l prints by default, {@code SHA256:...}. */
    public String fingerprint() {
        return KeyFingerprint.sha256(blob);
    }

    /** The MD5 fingerprint of ssh-keygen -l -E md5, {@code MD5:aa:bb:...}. */
    public String md5Fingerprint() {
        return KeyFingerprint.md5(blob);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OpenSshPublicKey k && keyType.equals(k.keyType) && Arrays.equals(blob, k.blob)
                && comment.equals(k.comment);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keyType, Arrays.hashCode(blob), comment);
    }

    @Override
    public String toString() {
        return keyType + " " + fingerprint() + (comment.isEmpty() ? "" : " " + comment);
    }
}
