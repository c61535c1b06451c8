package dev.keyway.provider.userauth.internal;

import dev.keyway.api.SshProtocolException;
import dev.keyway.api.wire.SshReader;
import dev.keyway.api.wire.SshWriter;

/**
 * The method fields of a {@code publickey} request (RFC 4252 §7): {@code boolean
 * has-signature, string algorithm, string key blob} and, when signed, {@code string
 * signature}. Without a signature the request asks whether the key would be accepted.
 *
 * @param algorithm the signature algorithm's name, e.g. {@code rsa-sha2-512}
 * @param keyBlob the public key blob (RFC 4253 §6.6)
 * @param signature the signature blob, or null for a query
 */
record PublicKeyFields(String algorithm, byte[] keyBlob, byte[] signature) {

    static PublicKeyFields query(String algorithm, byte[] keyBlob) {
        return new PublicKeyFields(algorithm, keyBlob, null);
    }

    static PublicKeyFields decode(SshReader r) throws SshProtocolException {
        boolean signed = r.readBoolean();
        String algorithm = r.readUtf8();
        byte[] blob = r.readString();
        byte[] signature = signed ? r.readString() : null;
        r.expectEnd();
        return new PublicKeyFields(algorithm, blob, signature);
    }

    boolean isSigned() {
        return signature != null;
    }

    byte[] encode() {
        SshWriter w = new SshWriter(keyBlob.length + 64).writeBoolean(isSigned())
                .writeUtf8(algorithm).writeString(keyBlob);
        if (isSigned()) {
            w.writeString(signature);
        }
        return w.toByteArray();
    }

    /**
     * The bytes a signature covers (RFC 4252 §7): {@code string session identifier, byte
     * SSH_MSG_USERAUTH_REQUEST, string user, string service, string "publickey", boolean
     * TRUE, string algorithm, string key blob}. Built the same way on both sides.
     */
    static byte[] signedData(byte[] sessionId, String user, String service, String algorithm, byte[] keyBlob) {
        return new SshWriter(sessionId.length + keyBlob.length + 128)
                .writeString(sessionId)
                .writeByte(MethodMessages.USERAUTH_REQUEST)
                .writeUtf8(user)
                .writeUtf8(service)
                .writeUtf8(PublicKeyMethod.NAME)
                .writeBoolean(true)
                .writeUtf8(algorithm)
                .writeString(keyBlob)
                .toByteArray();
    }

    @Override
    public String toString() {
        return "PublicKeyFields[" + algorithm + (isSigned() ? ", signed]" : ", query]");
    }
}
