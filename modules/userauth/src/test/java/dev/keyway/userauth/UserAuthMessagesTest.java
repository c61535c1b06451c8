package dev.keyway.userauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyway.api.SshProtocolException;
import dev.keyway.api.auth.InteractivePrompter;
import dev.keyway.api.auth.PasswordSource;
import dev.keyway.api.auth.UserKeyPairs;
import dev.keyway.api.keys.KeyFingerprint;
import dev.keyway.api.keys.PublicKeyBlob;
import dev.keyway.api.wire.SshWriter;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * The trace of real logins between the two engines names each step (RFC 4252, RFC 4256) and
 * never shows a secret; any bytes at all are described, never thrown on.
 */
class UserAuthMessagesTest {

    private static List<String> trace(AuthPair p) {
        UserAuthMessages names = new UserAuthMessages();
        return p.conversation.stream().map(names::describe).toList();
    }

    @Test
    void passwordLoginIsTracedWithoutThePassword() throws SshProtocolException {
        AuthPair p = new AuthPair(Accounts.everyMethod().build(), AuthPair.client(Accounts.USER)
                .credential(PasswordSource.class, Accounts.passwords("wrong horse", "correct horse")).build()).run();
        List<String> trace = trace(p);
        assertEquals(List.of(
                "SSH_MSG_USERAUTH_REQUEST user \"alice\" for ssh-connection, method none (RFC 4252 §5)",
                "SSH_MSG_USERAUTH_FAILURE, methods that can continue: publickey,keyboard-interactive,password (RFC 4252 §5.1)",
                "SSH_MSG_USERAUTH_REQUEST user \"alice\" for ssh-connection, method password, password (not shown) (RFC 4252 §5)",
                "SSH_MSG_USERAUTH_FAILURE, methods that can continue: publickey,keyboard-interactive,password (RFC 4252 §5.1)",
                "SSH_MSG_USERAUTH_REQUEST user \"alice\" for ssh-connection, method password, password (not shown) (RFC 4252 §5)",
                "SSH_MSG_USERAUTH_SUCCESS (RFC 4252 §5.1)"), trace);
    }

    @Test
    void publicKeyQueryPkOkAndSignedRequestAreNamed() throws SshProtocolException {
        AuthPair p = new AuthPair(Accounts.everyMethod().build(), AuthPair.client(Accounts.USER)
                .credential(UserKeyPairs.class, UserKeyPairs.of(TestKeys.ED25519)).build()).run();
        String fingerprint = KeyFingerprint.sha256(PublicKeyBlob.encode(TestKeys.ED25519.getPublic()));
        List<String> trace = trace(p);
        assertTrue(trace.contains("SSH_MSG_USERAUTH_REQUEST user \"alice\" for ssh-connection, method publickey, "
                + "asks whether the ssh-ed25519 key " + fingerprint + " would do (RFC 4252 §5)"), trace::toString);
        assertTrue(trace.contains("SSH_MSG_USERAUTH_PK_OK: the server would accept this key (RFC 4252 §7)"), trace::toString);
        assertTrue(trace.contains("SSH_MSG_USERAUTH_REQUEST user \"alice\" for ssh-connection, method publickey, "
                + "ssh-ed25519 key " + fingerprint + " and its signature over the session id (RFC 4252 §5)"), trace::toString);
    }

    @Test
    void keyboardInteractiveShowsPromptsButNotAnswers() throws SshProtocolException {
        InteractivePrompter answers = Accounts.prompter(Accounts.PASSWORD, Accounts.CODE);
        AuthPair p = new AuthPair(Accounts.everyMethod().build(), AuthPair.client(Accounts.USER)
                .credential(InteractivePrompter.class, answers).build()).run();
        List<String> trace = trace(p);
        assertTrue(trace.contains("SSH_MSG_USERAUTH_INFO_REQUEST \"Login\", instruction \"Round one\", "
                + "prompts: \"Password: \" (RFC 4256 §3.2)"), trace::toString);
        assertTrue(trace.contains("SSH_MSG_USERAUTH_INFO_RESPONSE with 1 answer(s), not shown (RFC 4256 §3.4)"),
                trace::toString);
        String all = String.join("\n", trace);
        assertFalse(all.contains(new String(Accounts.PASSWORD)) || all.contains(new String(Accounts.CODE)), all);
    }

    @Property
    void anyBytesAreDescribedNeverThrown(@ForAll @IntRange(min = 50, max = 79) int type,
            @ForAll @Size(max = 64) byte[] rest, @ForAll("methods") String method) {
        UserAuthMessages names = new UserAuthMessages();
        // The method last requested decides what 60 to 79 mean.
        names.describe(new SshWriter().writeByte(50).writeUtf8("u").writeUtf8("ssh-connection").writeUtf8(method)
                .toByteArray());
        byte[] message = new byte[rest.length + 1];
        message[0] = (byte) type;
        System.arraycopy(rest, 0, message, 1, rest.length);
        assertFalse(names.describe(message).isEmpty());
    }

    @Provide
    Arbitrary<String> methods() {
        return Arbitraries.of("publickey", "password", "keyboard-interactive", "none", "hostbased");
    }
}
