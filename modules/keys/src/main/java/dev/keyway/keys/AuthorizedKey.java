package dev.keyway.keys;

import java.util.Objects;

/**
 * One key of an {@code authorized_keys} file (sshd(8) "AUTHORIZED_KEYS FILE FORMAT"):
 * {@code [options] keytype base64 [comment]}.
 *
 * @param lineNumber where it stands, counted from 1
 * @param options the options text as written ({@code from="*.example.com",no-pty}), empty when
 *        there are none; kept, not interpreted
 * @param key the key and its comment
 */
public record AuthorizedKey(int lineNumber, String options, OpenSshPublicKey key) {
    public AuthorizedKey {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(key, "key");
    }
}
