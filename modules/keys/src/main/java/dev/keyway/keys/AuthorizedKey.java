package dev.keyway.keys;

import java.util.Objects;

/**
 * One key of an {@code authorized_keys} file (sshd(8) "AUTHORIZED_KEYS FILE FORMAT"):
 * {@code [options] keytype base64 [comment]}.
 *
 * @param lineNumber where it stands, counted from 1
 * @param options the options read ({@code from="10.0.0.0/8",no-pty}), {@link AuthorizedKeyOptions#NONE}
 *        when there are none
 * @param key the key and its comment
 */
public record AuthorizedKey(int lineNumber, AuthorizedKeyOptions options, OpenSshPublicKey key) {
    public AuthorizedKey {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(key, "key");
    }
}
