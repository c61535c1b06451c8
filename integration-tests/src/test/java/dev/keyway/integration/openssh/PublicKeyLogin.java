package dev.keyway.integration.openssh;

import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.api.keys.PublicKeyBlob;
import dev.keyway.api.spi.SignatureAlgorithm;
import dev.keyway.api.wire.SshWriter;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A user key and the one message that logs in with it: SSH_MSG_USERAUTH_REQUEST with method
 * "publickey" and a signature over the session identifier (RFC 4252 §7). Keyway has no user
 * authentication layer yet; the tests need one login because OpenSSH's sshd takes no key
 * re-exchange before authentication succeeds.
 */
final class PublicKeyLogin {
    static final int USERAUTH_SUCCESS = 52;
    private static final String ALGORITHM = "ssh-ed25519";

    private final SignatureAlgorithm signature;
    private final KeyPair key;
    private final String user;

    PublicKeyLogin(AlgorithmRegistry registry, String user) {
        this.signature = registry.signature(ALGORITHM).orElseThrow();
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

    /** The {@code authorized_keys} line for this key. */
    String authorizedKeysLine() {
        return ALGORITHM + " " + Base64.getEncoder().encodeToString(PublicKeyBlob.encode(key.getPublic()));
    }

    /** The signed request for the session {@code sessionId} (RFC 4252 §7). */
    byte[] request(byte[] sessionId) {
        byte[] blob = PublicKeyBlob.encode(key.getPublic());
        byte[] body = new SshWriter().writeByte(ServiceLayerMessages.USERAUTH_REQUEST).writeUtf8(user)
                .writeUtf8("ssh-connection").writeUtf8("publickey").writeBoolean(true).writeUtf8(ALGORITHM)
                .writeString(blob).toByteArray();
        byte[] signed = new SshWriter().writeString(sessionId).writeRaw(body).toByteArray();
        return new SshWriter().writeRaw(body).writeString(signature.sign(key.getPrivate(), signed, new SecureRandom()))
                .toByteArray();
    }
}
