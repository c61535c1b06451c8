package dev.keyway.provider.userauth.internal;

import dev.keyway.api.SshProtocolException;
import dev.keyway.api.auth.InteractivePrompt;
import dev.keyway.api.auth.InteractiveRound;
import dev.keyway.api.wire.SshReader;
import dev.keyway.api.wire.SshWriter;
import dev.keyway.api.wire.WireFormatException;
import java.util.ArrayList;
import java.util.List;

/**
 * SSH_MSG_USERAUTH_INFO_REQUEST (RFC 4256 §3.2): {@code byte 60, string name, string
 * instruction, string language tag, int num-prompts}, then per prompt {@code string prompt,
 * boolean echo}. The language tag is deprecated and sent empty.
 */
final class InfoRequest {
    /** The fewest bytes a prompt takes on the wire: an empty string and the echo flag. */
    private static final int MIN_PROMPT_BYTES = 5;

    private InfoRequest() {
    }

    static byte[] encode(InteractiveRound round) {
        SshWriter w = new SshWriter(128).writeByte(MethodMessages.INFO_REQUEST)
                .writeUtf8(round.name()).writeUtf8(round.instruction()).writeUtf8("")
                .writeUint32(round.prompts().size());
        for (InteractivePrompt p : round.prompts()) {
            w.writeUtf8(p.text()).writeBoolean(p.echo());
        }
        return w.toByteArray();
    }

    static InteractiveRound decode(byte[] payload) throws SshProtocolException {
        SshReader r = new SshReader(payload);
        if (r.readByte() != MethodMessages.INFO_REQUEST) {
            throw new WireFormatException("not SSH_MSG_USERAUTH_INFO_REQUEST");
        }
        String name = r.readUtf8();
        String instruction = r.readUtf8();
        r.readUtf8();
        long count = r.readUint32AsLong();
        // Bound the count by the bytes that arrived before allocating anything for it.
        if (count > InfoResponse.MAX_RESPONSES || count > r.remaining() / MIN_PROMPT_BYTES) {
            throw new WireFormatException("INFO_REQUEST claims " + count + " prompts");
        }
        List<InteractivePrompt> prompts = new ArrayList<>((int) count);
        for (int i = 0; i < count; i++) {
            prompts.add(new InteractivePrompt(r.readUtf8(), r.readBoolean()));
        }
        r.expectEnd();
        return new InteractiveRound(name, instruction, prompts);
    }
}
