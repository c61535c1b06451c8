package dev.keyway.integration.openssh;

import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.api.keys.KeyFingerprint;
import dev.keyway.api.keys.PublicKeyBlob;
import dev.keyway.api.spi.SignatureAlgorithm;
import dev.keyway.api.wire.SshWriter;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A user key and the one message that logs in with it: SSH_MSG_USERAUTH_REQUEST with method
 * "publickey" and a signature over the session identifier (RFC 4252 §7). Transport-level tests
 * ({@link KeywayClientToSshdTest}) send that message by hand, since they run no user
 * authentication layer and OpenSSH's sshd takes no key re-exchange before a login succeeds;
 * tests of whole sessions give {@link #keyPair()} to the Keyway client, which logs in itself.
 */
final class PublicKeyLogin {
    static final int USERAUTH_SUCCESS = 52;

    private final SignatureAlgorithm signature;
    private final KeyPair key;
    private final String user;

    /** A new ed25519 key. */
    PublicKeyLogin(AlgorithmRegistry registry, String user) {
        this(registry, user, "ssh-ed25519");
    }

    /** A new key for the signature algorithm {@code algorithm}, e.g. {@code ecdsa-sha2-nistp256}. */
    PublicKeyLogin(AlgorithmRegistry registry, String user, String algorithm) {
        this.signature = registry.signature(algorithm).orElseThrow();
        this.key = signature.generateKeyPair(new SecureRandom());
        this.user = user;
    }

    /** The user the tests log in as: whoever runs them, the only user a non-root sshd can serve. */
    static String currentUser() {
        return System.getProperty("user.name");
    }

    /** The key pair, for a client that logs in by itself. */
    KeyPair keyPair() {
        return key;
    }

    /** The key's type as its blob names it: {@code ssh-ed25519}, {@code ecdsa-sha2-nistp256}, {@code ssh-rsa}. */
    String keyType() {
        return signature.keyType();
    }

    /** The key's {@code SHA256:} fingerprint, as sshd logs it. */
    String fingerprint() {
        return KeyFingerprint.sha256(PublicKeyBlob.encode(key.getPublic()));
    }

    /** The {@code authorized_keys} line for this key. */
    String authorizedKeysLine() {
        return keyType() + " " + Base64.getEncoder().encodeToString(PublicKeyBlob.encode(key.getPublic()));
    }

    /** The signed request for the session {@code sessionId} (RFC 4252 §7). */
    byte[] request(byte[] sessionId) {
        byte[] blob = PublicKeyBlob.encode(key.getPublic());
        byte[] body = new SshWriter().writeByte(ServiceLayerMessages.USERAUTH_REQUEST).writeUtf8(user)
                .writeUtf8("ssh-connection").writeUtf8("publickey").writeBoolean(true).writeUtf8(signature.name())
                .writeString(blob).toByteArray();
        byte[] signed = new SshWriter().writeString(sessionId).writeRaw(body).toByteArray();
        return new SshWriter().writeRaw(body).writeString(signature.sign(key.getPrivate(), signed, new SecureRandom()))
                .toByteArray();
    }
}
