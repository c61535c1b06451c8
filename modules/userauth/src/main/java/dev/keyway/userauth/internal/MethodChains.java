package dev.keyway.userauth.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The server's rule for when a user is authenticated (RFC 4252 §5.1): a list of chains, each
 * a sequence of methods that must all succeed in order, like OpenSSH's
 * AuthenticationMethods. A single-method chain per allowed method is the usual "any one
 * method". Progress belongs to one user name: a request for another user starts over,
 * which RFC 4252 §5 allows.
 */
public final class MethodChains {
    private static final String NONE = "none";

    private final List<List<String>> chains;
    private final List<String> done = new ArrayList<>();
    private String user;

    public MethodChains(List<List<String>> chains) {
        this.chains = chains.stream().map(List::copyOf).toList();
    }

    /** Starts over when the user name is not the one progress was made for. */
    public void bindUser(String userName) {
        if (!userName.equals(user)) {
            user = userName;
            done.clear();
        }
    }

    /** The methods that can continue a chain from here, in the order the chains list them. */
    public List<String> next() {
        Set<String> next = new LinkedHashSet<>();
        for (List<String> chain : chains) {
            if (chain.size() > done.size() && chain.subList(0, done.size()).equals(done)) {
                next.add(chain.get(done.size()));
            }
        }
        return List.copyOf(next);
    }

    /** What FAILURE lists: {@link #next()} without {@code none}, which RFC 4252 §5.2 forbids there. */
    public List<String> canContinue() {
        return next().stream().filter(m -> !NONE.equals(m)).toList();
    }

    public void succeeded(String method) {
        done.add(method);
    }

    public boolean isComplete() {
        return chains.contains(done);
    }

    /** The methods that have succeeded, in order. */
    public List<String> done() {
        return List.copyOf(done);
    }
}
