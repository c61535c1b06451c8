package dev.keyway.userauth;

import dev.keyway.api.SshProtocolException;
import dev.keyway.api.keys.KeyFingerprint;
import dev.keyway.api.wire.SshReader;
import dev.keyway.userauth.internal.BannerMessage;
import dev.keyway.userauth.internal.FailureMessage;
import dev.keyway.userauth.internal.MessageNumbers;
import dev.keyway.userauth.internal.UserAuthRequest;

/**
 * User-authentication messages (RFC 4252, RFC 4256) as a trace shows them, one line each.
 * No secret is ever shown: not a password, not an answer to a keyboard-interactive prompt.
 * Numbers 60 to 79 mean something different per method (RFC 4252 §6), so an instance
 * remembers the method last requested: use one per session and give it every message of
 * that session in order.
 */
public final class UserAuthMessages {
    private static final int METHOD_REPLY = 60;
    private static final int INFO_RESPONSE = 61;

    private String method = "";

    /** One line naming the message and its fields; a malformed payload is said to be so. */
    public String describe(byte[] payload) {
        if (payload.length == 0) {
            return "empty message";
        }
        try {
            return describeOrThrow(payload);
        } catch (SshProtocolException e) {
            return "malformed user authentication message " + (payload[0] & 0xff) + ": " + e.getMessage();
        }
    }

    private String describeOrThrow(byte[] p) throws SshProtocolException {
        int type = p[0] & 0xff;
        switch (type) {
            case MessageNumbers.USERAUTH_REQUEST -> {
                UserAuthRequest r = UserAuthRequest.decode(p, 0, p.length);
                method = r.method();
                return "SSH_MSG_USERAUTH_REQUEST user \"" + r.user() + "\" for " + r.service() + ", method "
                        + r.method() + methodFields(r) + " (RFC 4252 §5)";
            }
            case MessageNumbers.USERAUTH_FAILURE -> {
                FailureMessage f = FailureMessage.decode(p, 0, p.length);
                return "SSH_MSG_USERAUTH_FAILURE, methods that can continue: " + String.join(",", f.canContinue())
                        + (f.partialSuccess() ? " (partial success)" : "") + " (RFC 4252 §5.1)";
            }
            case MessageNumbers.USERAUTH_SUCCESS -> {
                return "SSH_MSG_USERAUTH_SUCCESS (RFC 4252 §5.1)";
            }
            case MessageNumbers.USERAUTH_BANNER -> {
                return "SSH_MSG_USERAUTH_BANNER \"" + BannerMessage.decode(p, 0, p.length).message().strip()
                        + "\" (RFC 4252 §5.4)";
            }
            case METHOD_REPLY -> {
                return switch (method) {
                    case "publickey" -> "SSH_MSG_USERAUTH_PK_OK: the server would accept this key (RFC 4252 §7)";
                    case "password" -> "SSH_MSG_USERAUTH_PASSWD_CHANGEREQ (RFC 4252 §8)";
                    case "keyboard-interactive" -> infoRequest(p);
                    default -> "user authentication message 60 for method " + method;
                };
            }
            case INFO_RESPONSE -> {
                int answers = new SshReader(p, 1, p.length - 1).readUint32();
                return "SSH_MSG_USERAUTH_INFO_RESPONSE with " + answers + " answer(s), not shown (RFC 4256 §3.4)";
            }
            default -> {
                return "user authentication message " + type;
            }
        }
    }

    /** What a method's fields say, except its secret. */
    private static String methodFields(UserAuthRequest r) throws SshProtocolException {
        SshReader f = new SshReader(r.fields());
        switch (r.method()) {
            case "publickey" -> {
                boolean signed = f.readBoolean();
                String algorithm = f.readUtf8();
                String fingerprint = KeyFingerprint.sha256(f.readString());
                return signed ? ", " + algorithm + " key " + fingerprint + " and its signature over the session id"
                        : ", asks whether the " + algorithm + " key " + fingerprint + " would do";
            }
            case "password" -> {
                return f.readBoolean() ? ", old and new password (not shown)" : ", password (not shown)";
            }
            default -> {
                return "";
            }
        }
    }

    private static String infoRequest(byte[] p) throws SshProtocolException {
        SshReader r = new SshReader(p, 1, p.length - 1);
        String name = r.readUtf8();
        String instruction = r.readUtf8();
        r.readUtf8();
        int prompts = r.readUint32();
        StringBuilder b = new StringBuilder("SSH_MSG_USERAUTH_INFO_REQUEST");
        if (!name.isEmpty()) {
            b.append(" \"").append(name).append('"');
        }
        if (!instruction.isEmpty()) {
            b.append(", instruction \"").append(instruction.strip()).append('"');
        }
        b.append(", prompts:");
        for (int i = 0; i < prompts && i < 16; i++) {
            b.append(" \"").append(r.readUtf8()).append('"');
            r.readBoolean();
        }
        return b.append(" (RFC 4256 §3.2)").toString();
    }
}
