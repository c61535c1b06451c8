package dev.keyway.userauth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyway.api.SshProtocolException;
import dev.keyway.api.spi.SignatureAlgorithm;
import dev.keyway.api.wire.SshWriter;
import dev.keyway.userauth.internal.MessageNumbers;
import dev.keyway.userauth.internal.UserAuthRequest;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Signed publickey requests (RFC 4252 §7) that must not authenticate. */
class PublicKeyTamperTest {
    private static final SignatureAlgorithm ED25519 = AuthPair.REGISTRY.signature("ssh-ed25519").orElseThrow();

    private final List<byte[]> replies = new ArrayList<>();
    private final UserAuthServer server = new UserAuthServer(Accounts.everyMethod().build(), replies::add, 0L);

    private static byte[] signedRequest(byte[] sessionId, String user, KeyPair key, boolean flipBit) {
        byte[] blob = ED25519.encodePublicKey(key.getPublic());
        byte[] data = new SshWriter().writeString(sessionId).writeByte(MessageNumbers.USERAUTH_REQUEST)
                .writeUtf8(user).writeUtf8("ssh-connection").writeUtf8("publickey").writeBoolean(true)
                .writeUtf8("ssh-ed25519").writeString(blob).toByteArray();
        byte[] signature = ED25519.sign(key.getPrivate(), data, new SecureRandom());
        if (flipBit) {
            signature[signature.length - 7] ^= 0x10;
        }
        byte[] fields = new SshWriter().writeBoolean(true).writeUtf8("ssh-ed25519").writeString(blob)
                .writeString(signature).toByteArray();
        return new UserAuthRequest(user, "ssh-connection", "publickey", fields).encode();
    }

    private void send(byte[] request) throws SshProtocolException {
        server.receive(request, 0, request.length, 0L);
    }

    /** The request gets FAILURE (RFC 4252 §5.1) and the user stays unauthenticated. */
    private void assertRefused(byte[] request) throws SshProtocolException {
        send(request);
        assertFalse(server.isAuthenticated());
        assertEquals(MessageNumbers.USERAUTH_FAILURE, replies.get(replies.size() - 1)[0]);
    }

    @Test
    void untamperedSignatureAuthenticates() throws SshProtocolException {
        send(signedRequest(AuthPair.SESSION_ID, Accounts.USER, TestKeys.ED25519, false));
        assertTrue(server.isAuthenticated());
    }

    @Test
    void flippedBitIsRefused() throws SshProtocolException {
        assertRefused(signedRequest(AuthPair.SESSION_ID, Accounts.USER, TestKeys.ED25519, true));
    }

    @Test
    void signatureForAnotherSessionIsRefused() throws SshProtocolException {
        byte[] otherSession = "another session".getBytes(StandardCharsets.US_ASCII);
        assertRefused(signedRequest(otherSession, Accounts.USER, TestKeys.ED25519, false));
    }

    @Test
    void signatureByAnUnauthorizedKeyIsRefused() throws SshProtocolException {
        assertRefused(signedRequest(AuthPair.SESSION_ID, Accounts.USER, TestKeys.ED25519_OTHER, false));
    }

    @Test
    void validSignatureForAnotherUserGetsTheSameFailure() throws SshProtocolException {
        assertRefused(signedRequest(AuthPair.SESSION_ID, "mallory", TestKeys.ED25519, false));
        assertRefused(signedRequest(AuthPair.SESSION_ID, Accounts.USER, TestKeys.ED25519, true));
        assertArrayEquals(replies.get(0), replies.get(1));
    }
}
