package dev.keyway.provider.userauth.internal;

import dev.keyway.api.SshProtocolException;
import dev.keyway.api.wire.SshReader;
import dev.keyway.api.wire.SshWriter;
import dev.keyway.api.wire.WireFormatException;
import java.util.ArrayList;
import java.util.List;

/**
 * SSH_MSG_USERAUTH_INFO_RESPONSE (RFC 4256 §3.4): {@code byte 61, int num-responses}, then
 * one UTF-8 {@code string} per prompt. The answers are secrets: they are handled as
 * {@code char[]} and the encoded bytes are the caller's to wipe.
 */
final class InfoResponse {
    private static final int MIN_RESPONSE_BYTES = 4;
    /** OpenSSH's bound on prompts and responses in one round (auth2-chall.c, sshconnect2.c). */
    static final int MAX_RESPONSES = 100;

    private InfoResponse() {
    }

    static byte[] encode(List<char[]> responses) {
        SshWriter w = new SshWriter(64).writeByte(MethodMessages.INFO_RESPONSE).writeUint32(responses.size());
        for (char[] response : responses) {
            byte[] utf8 = SecretText.encode(response);
            w.writeString(utf8);
            SecretText.wipe(utf8);
        }
        byte[] out = w.toByteArray();
        w.wipe();
        return out;
    }

    static List<char[]> decode(byte[] payload) throws SshProtocolException {
        SshReader r = new SshReader(payload);
        if (r.readByte() != MethodMessages.INFO_RESPONSE) {
            throw new WireFormatException("not SSH_MSG_USERAUTH_INFO_RESPONSE");
        }
        long count = r.readUint32AsLong();
        if (count > MAX_RESPONSES || count > r.remaining() / MIN_RESPONSE_BYTES) {
            throw new WireFormatException("INFO_RESPONSE claims " + count + " responses");
        }
        List<char[]> responses = new ArrayList<>((int) count);
        try {
            for (int i = 0; i < count; i++) {
                byte[] utf8 = r.readString();
                try {
                    responses.add(SecretText.decode(utf8));
                } finally {
                    SecretText.wipe(utf8);
                }
            }
            r.expectEnd();
        } catch (SshProtocolException e) {
            SecretText.wipeAll(responses);
            throw e;
        }
        return responses;
    }
}
