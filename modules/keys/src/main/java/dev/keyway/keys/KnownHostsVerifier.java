package dev.keyway.keys;

import dev.keyway.transport.HostKeyVerifier;
import dev.keyway.transport.ServerHostKey;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Host key verification against a known_hosts file for one server (RFC 4253 §8: the client
 * checks that the host key really belongs to the server), with ssh_config(5)'s
 * StrictHostKeyChecking policies:
 * <ul>
 * <li>{@link #strict}: the key must be in known_hosts ({@code yes});
 * <li>{@link #acceptNew}: an unknown key is recorded and accepted ({@code accept-new});
 * <li>{@link #asking}: an unknown key is put to a {@link HostKeyPrompt} ({@code ask});
 * <li>{@link #dangerAcceptAny}: anything, for tests only.
 * </ul>
 * Under every policy a changed key ({@link HostKeyStatus#MISMATCH}) and a revoked key are
 * refused. A refusal is kept as a {@link HostKeyRejection} ({@link #lastRejection()}) and given
 * to the listener, because {@link HostKeyVerifier} itself answers only yes or no.
 *
 * <p>The file is read again at each verification, so a re-exchange (RFC 4253 §9) sees what was
 * recorded by the first. Thread-safe.
 */
public final class KnownHostsVerifier implements HostKeyVerifier {

    /** What happens to a key known_hosts does not know. */
    private enum UnknownKeyPolicy { REFUSE, RECORD, ASK }

    private final KnownHostsFile file;
    private final HostAddress host;
    private final UnknownKeyPolicy policy;
    private final boolean hashNewEntries;
    private final HostKeyPrompt prompt;
    private final Consumer<HostKeyRejection> listener;
    /**
     * SHA-256 fingerprints of keys accepted for this verifier's lifetime only
     * ({@link HostKeyPrompt.Answer#ACCEPT_ONCE}), so a re-exchange does not ask again.
     */
    private final Set<String> acceptedOnce = new HashSet<>();
    private HostKeyRejection lastRejection;

    private KnownHostsVerifier(KnownHostsFile file, HostAddress host, UnknownKeyPolicy policy,
            boolean hashNewEntries, HostKeyPrompt prompt, Consumer<HostKeyRejection> listener) {
        this.file = Objects.requireNonNull(file, "file");
        this.host = Objects.requireNonNull(host, "host");
        this.policy = policy;
        this.hashNewEntries = hashNewEntries;
        this.prompt = prompt;
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Accepts only keys known_hosts holds for the host (StrictHostKeyChecking yes). */
    public static KnownHostsVerifier strict(KnownHostsFile file, HostAddress host) {
        return new KnownHostsVerifier(file, host, UnknownKeyPolicy.REFUSE, false, null, r -> { });
    }

    /**
     * Accepts known keys, and unknown ones after appending them to known_hosts, hashed or not
     * (StrictHostKeyChecking accept-new, HashKnownHosts).
     */
    public static KnownHostsVerifier acceptNew(KnownHostsFile file, HostAddress host, boolean hashNewEntries) {
        return new KnownHostsVerifier(file, host, UnknownKeyPolicy.RECORD, hashNewEntries, null, r -> { });
    }

    /** Accepts known keys and asks {@code prompt} about unknown ones (StrictHostKeyChecking ask). */
    public static KnownHostsVerifier asking(KnownHostsFile file, HostAddress host, boolean hashNewEntries,
            HostKeyPrompt prompt) {
        return new KnownHostsVerifier(file, host, UnknownKeyPolicy.ASK, hashNewEntries,
                Objects.requireNonNull(prompt, "prompt"), r -> { });
    }

    /** Accepts any key: no protection against a man in the middle. Tests and demos only. */
    public static HostKeyVerifier dangerAcceptAny() {
        return HostKeyVerifier.dangerAcceptAny();
    }

    /** The same policy, also telling {@code listener} of each refusal as it happens. */
    public KnownHostsVerifier onRejection(Consumer<HostKeyRejection> listener) {
        return new KnownHostsVerifier(file, host, policy, hashNewEntries, prompt, listener);
    }

    /** The last refusal, if any key was refused. */
    public synchronized Optional<HostKeyRejection> lastRejection() {
        return Optional.ofNullable(lastRejection);
    }

    @Override
    public synchronized boolean verify(ServerHostKey key) {
        OpenSshPublicKey offered = new OpenSshPublicKey(key.keyType(), key.blob(), "");
        if (acceptedOnce.contains(offered.fingerprint())) {
            return true;
        }
        KnownHostsLookup lookup;
        try {
            lookup = file.load().lookup(host, key.keyType(), key.blob());
        } catch (IOException e) {
            return refuse(offered, HostKeyRejection.Reason.KNOWN_HOSTS_UNUSABLE, List.of(), e.toString());
        }
        return switch (lookup.status()) {
            case MATCH -> true;
            case REVOKED -> refuse(offered, HostKeyRejection.Reason.REVOKED, lookup.lines(), "");
            case MISMATCH -> refuse(offered, HostKeyRejection.Reason.CHANGED, lookup.lines(), "");
            case UNKNOWN -> unknown(key, offered);
        };
    }

    private boolean unknown(ServerHostKey key, OpenSshPublicKey offered) {
        HostKeyPrompt.Answer answer = switch (policy) {
            case REFUSE -> null;
            case RECORD -> HostKeyPrompt.Answer.ACCEPT_AND_REMEMBER;
            case ASK -> ask(key);
        };
        if (answer == null) {
            return refuse(offered, HostKeyRejection.Reason.UNKNOWN_HOST, List.of(), "");
        }
        switch (answer) {
            case ACCEPT_ONCE -> acceptedOnce.add(offered.fingerprint());
            case ACCEPT_AND_REMEMBER -> {
                try {
                    file.append(host, offered, hashNewEntries);
                } catch (IOException e) {
                    // ssh(1) goes on after a failed write; refusing instead keeps "accepted"
                    // meaning "recorded", so the next connection is checked against this key.
                    return refuse(offered, HostKeyRejection.Reason.KNOWN_HOSTS_UNUSABLE, List.of(),
                            "cannot record the new key: " + e);
                }
            }
            default -> {
                return refuse(offered, HostKeyRejection.Reason.DECLINED, List.of(), "");
            }
        }
        return true;
    }

    private HostKeyPrompt.Answer ask(ServerHostKey key) {
        try {
            HostKeyPrompt.Answer answer = prompt.ask(host, key);
            return answer == null ? HostKeyPrompt.Answer.REJECT : answer;
        } catch (RuntimeException e) {
            return HostKeyPrompt.Answer.REJECT;
        }
    }

    private boolean refuse(OpenSshPublicKey offered, HostKeyRejection.Reason reason, List<KnownHostsLine> lines,
            String detail) {
        Optional<String> fix = reason == HostKeyRejection.Reason.REVOKED
                ? Optional.empty()
                : Optional.of(KnownHostsFile.entryFor(host, offered, false).toLine());
        HostKeyRejection rejection = new HostKeyRejection(host, reason, offered.keyType(), offered.fingerprint(),
                file.path(), lines.stream().map(KnownHostsLine::number).toList(), fix, detail);
        lastRejection = rejection;
        try {
            listener.accept(rejection);
        } catch (RuntimeException ignored) {
            // A failing listener must not turn a refusal into an exception inside the transport.
        }
        return false;
    }

    @Override
    public String toString() {
        return "KnownHostsVerifier[" + policy + " " + host + " in " + file + "]";
    }
}
