package dev.keyway.provider.userauth.internal;

import dev.keyway.api.SshProtocolException;
import dev.keyway.api.wire.SshReader;
import dev.keyway.api.wire.SshWriter;

/**
 * The method fields of a {@code password} request (RFC 4252 §8): {@code boolean change,
 * string password} and, for a change, {@code string new password}. The passwords are UTF-8
 * bytes; {@link #wipe()} zeroes them and {@link #toString()} never shows them.
 *
 * @param password the (old) password
 * @param newPassword the new password of a change request, or null
 */
record PasswordFields(byte[] password, byte[] newPassword) {

    static PasswordFields decode(SshReader r) throws SshProtocolException {
        boolean change = r.readBoolean();
        byte[] password = r.readString();
        byte[] newPassword = change ? r.readString() : null;
        r.expectEnd();
        return new PasswordFields(password, newPassword);
    }

    boolean isChange() {
        return newPassword != null;
    }

    byte[] encode() {
        SshWriter w = new SshWriter(password.length + 16).writeBoolean(isChange()).writeString(password);
        if (isChange()) {
            w.writeString(newPassword);
        }
        byte[] fields = w.toByteArray();
        w.wipe();
        return fields;
    }

    void wipe() {
        SecretText.wipe(password);
        SecretText.wipe(newPassword);
    }

    @Override
    public String toString() {
        return isChange() ? "PasswordFields[change]" : "PasswordFields[]";
    }
}
