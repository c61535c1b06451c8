package dev.keyway.provider.userauth.internal;

import dev.keyway.api.SshProtocolException;
import dev.keyway.api.wire.SshReader;
import dev.keyway.api.wire.SshWriter;
import dev.keyway.api.wire.WireFormatException;
import java.util.Arrays;

/**
 * SSH_MSG_USERAUTH_PK_OK (RFC 4252 §7): {@code byte 60, string algorithm, string key blob},
 * the server's answer to a query for a key it would accept.
 */
record PkOk(String algorithm, byte[] keyBlob) {

    static PkOk decode(byte[] payload) throws SshProtocolException {
        SshReader r = new SshReader(payload);
        if (r.readByte() != MethodMessages.PK_OK) {
            throw new WireFormatException("not SSH_MSG_USERAUTH_PK_OK");
        }
        PkOk ok = new PkOk(r.readUtf8(), r.readString());
        r.expectEnd();
        return ok;
    }

    byte[] encode() {
        return new SshWriter(keyBlob.length + 32).writeByte(MethodMessages.PK_OK)
                .writeUtf8(algorithm).writeString(keyBlob).toByteArray();
    }

    boolean matches(String otherAlgorithm, byte[] otherBlob) {
        return algorithm.equals(otherAlgorithm) && Arrays.equals(keyBlob, otherBlob);
    }
}
