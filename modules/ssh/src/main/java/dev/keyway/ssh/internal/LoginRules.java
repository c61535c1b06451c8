package dev.keyway.ssh.internal;

import java.time.Duration;
import java.util.List;

/**
 * How a server lets users log in, beyond which authenticators it has: a banner (null for
 * none), the failed attempts allowed, the time allowed from the TCP accept, the least time
 * before a wrong password is answered, and the method chains required (empty: any one method
 * will do). OpenSSH's Banner, MaxAuthTries, LoginGraceTime and AuthenticationMethods.
 */
public record LoginRules(String banner, int maxAuthTries, Duration loginGraceTime, Duration failureDelay,
        List<List<String>> chains) {

    public LoginRules {
        chains = chains.stream().map(List::copyOf).toList();
    }
}
