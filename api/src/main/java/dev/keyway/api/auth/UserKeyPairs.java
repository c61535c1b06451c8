package dev.keyway.api.auth;

import java.security.KeyPair;
import java.util.List;

/**
 * The key pairs the client offers for {@code publickey} authentication (RFC 4252 §7), in the
 * order to try them. Each is first offered without a signature, and signed only when the
 * server answers SSH_MSG_USERAUTH_PK_OK.
 */
@FunctionalInterface
public interface UserKeyPairs {

    /** The key pairs, preferred first. */
    List<KeyPair> keyPairs();

    /** A fixed list of key pairs. */
    static UserKeyPairs of(KeyPair... pairs) {
        List<KeyPair> list = List.of(pairs);
        return () -> list;
    }
}
