package dev.keyway.transport.internal;

import static dev.keyway.transport.internal.KexState.FIRST_EXCHANGE;
import static dev.keyway.transport.internal.KexState.FIRST_EXCHANGE_STRICT;
import static dev.keyway.transport.internal.KexState.FIRST_GUESS;
import static dev.keyway.transport.internal.KexState.FIRST_KEXINIT;
import static dev.keyway.transport.internal.KexState.FIRST_NEWKEYS;
import static dev.keyway.transport.internal.KexState.FIRST_NEWKEYS_STRICT;
import static dev.keyway.transport.internal.KexState.OPEN;
import static dev.keyway.transport.internal.KexState.OPEN_UNAUTHENTICATED;
import static dev.keyway.transport.internal.KexState.REKEY_EXCHANGE;
import static dev.keyway.transport.internal.KexState.REKEY_GUESS;
import static dev.keyway.transport.internal.KexState.REKEY_KEXINIT;
import static dev.keyway.transport.internal.KexState.REKEY_NEWKEYS;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every rule of the transport's key exchanges as one table: for each side, state and input,
 * the action the engine takes. Each protocol rule is one row or a few, with its source; the
 * table is complete (a test and the class initialiser check that every side, state and input
 * has exactly one row), so nothing a peer sends falls through to a default.
 *
 * <p>Strict KEX (OpenSSH PROTOCOL §1.10, the Terrapin countermeasure) is its own states
 * rather than a flag: in them only key exchange messages and DISCONNECT may arrive. The
 * rule that the peer's KEXINIT must be its first packet under strict KEX is checked when that
 * KEXINIT is negotiated, since only then is strictness known.
 */
final class KexTransitions {

    /** Which side a row holds for. */
    enum Side { CLIENT, SERVER }

    /** What the engine does. */
    enum Action {
        /** The peer said goodbye (RFC 4253 §11.1). */
        CLOSE_BY_PEER,
        /** Nothing to do (SSH_MSG_IGNORE, RFC 4253 §11.2; or a trigger that must wait). */
        NOTHING,
        REPORT_DEBUG,
        /** The peer did not know one of ours; if it was our KEXINIT, that exchange is off. */
        PEER_UNIMPLEMENTED,
        /** RFC 4253 §11.4: an unknown message gets SSH_MSG_UNIMPLEMENTED. */
        REPLY_UNIMPLEMENTED,
        EXTENSIONS,
        /** Negotiate with the peer's KEXINIT, sending ours first if none is out (RFC 4253 §7.1). */
        NEGOTIATE,
        /** Answer a KEXINIT with SSH_MSG_UNIMPLEMENTED: no re-exchange before login, as sshd. */
        REFUSE_KEXINIT,
        KEX_METHOD_MESSAGE,
        TAKE_NEWKEYS,
        /** Hand the message to the layer above. */
        DELIVER,
        /** RFC 4253 §7: the packet after a wrong guess is dropped, whatever its type. */
        DROP_GUESSED,
        /** Send our KEXINIT (RFC 4253 §9). */
        START_REKEY,
        /** Disconnect with PROTOCOL_ERROR; the row's rule is the message. */
        PROTOCOL_ERROR,
        /** Disconnect with KEY_EXCHANGE_FAILED: the keys were not replaced in time. */
        KEYS_WORN_OUT
    }

    /** One rule: on this input in these states, on these sides, do this. */
    record Row(Set<Side> sides, Set<KexState> states, TransportInput input, Action action, String rule) {
    }

    private static final Set<Side> BOTH = EnumSet.allOf(Side.class);
    private static final Set<KexState> GUESS = EnumSet.of(FIRST_GUESS, REKEY_GUESS);
    private static final Set<KexState> FIRST_LAX = EnumSet.of(FIRST_KEXINIT, FIRST_EXCHANGE, FIRST_NEWKEYS);
    private static final Set<KexState> FIRST_STRICT = EnumSet.of(FIRST_EXCHANGE_STRICT, FIRST_NEWKEYS_STRICT);
    private static final Set<KexState> OPEN_ANY = EnumSet.of(OPEN_UNAUTHENTICATED, OPEN);
    private static final Set<KexState> REKEYING = EnumSet.of(REKEY_KEXINIT, REKEY_EXCHANGE, REKEY_NEWKEYS);
    private static final Set<KexState> ALL = EnumSet.complementOf(EnumSet.of(KexState.CLOSED));
    private static final String STRICT = "strict KEX: only key exchange messages during the first exchange";

    static final List<Row> ROWS = List.of(
            row(ALL, TransportInput.DISCONNECT, Action.CLOSE_BY_PEER, "RFC 4253 §11.1"),

            row(union(FIRST_LAX, OPEN_ANY, REKEYING), TransportInput.IGNORE, Action.NOTHING, "RFC 4253 §11.2"),
            row(union(FIRST_LAX, OPEN_ANY, REKEYING), TransportInput.DEBUG, Action.REPORT_DEBUG, "RFC 4253 §11.3"),
            row(union(FIRST_LAX, OPEN_ANY, REKEYING), TransportInput.UNIMPLEMENTED, Action.PEER_UNIMPLEMENTED,
                    "RFC 4253 §11.4"),
            row(union(FIRST_LAX, OPEN_ANY, REKEYING), TransportInput.UNKNOWN_TRANSPORT, Action.REPLY_UNIMPLEMENTED,
                    "RFC 4253 §11.4"),
            row(FIRST_STRICT, TransportInput.IGNORE, Action.PROTOCOL_ERROR, STRICT),
            row(FIRST_STRICT, TransportInput.DEBUG, Action.PROTOCOL_ERROR, STRICT),
            row(FIRST_STRICT, TransportInput.UNIMPLEMENTED, Action.PROTOCOL_ERROR, STRICT),
            row(FIRST_STRICT, TransportInput.UNKNOWN_TRANSPORT, Action.PROTOCOL_ERROR, STRICT),

            // RFC 8308 §2.4: EXT_INFO follows a NEWKEYS, never comes before the first.
            row(union(FIRST_LAX, FIRST_STRICT), TransportInput.EXT_INFO, Action.PROTOCOL_ERROR,
                    "SSH_MSG_EXT_INFO before NEWKEYS"),
            row(union(OPEN_ANY, REKEYING), TransportInput.EXT_INFO, Action.EXTENSIONS, "RFC 8308 §2.3"),

            row(EnumSet.of(FIRST_KEXINIT, REKEY_KEXINIT, OPEN), TransportInput.KEXINIT, Action.NEGOTIATE,
                    "RFC 4253 §7.1"),
            row(EnumSet.of(Side.CLIENT), EnumSet.of(OPEN_UNAUTHENTICATED), TransportInput.KEXINIT, Action.NEGOTIATE,
                    "RFC 4253 §9: either side may start a re-exchange"),
            row(EnumSet.of(Side.SERVER), EnumSet.of(OPEN_UNAUTHENTICATED), TransportInput.KEXINIT,
                    Action.REFUSE_KEXINIT, "no re-exchange before the user is authenticated, as sshd"),
            row(EnumSet.of(FIRST_EXCHANGE, FIRST_EXCHANGE_STRICT, FIRST_NEWKEYS, FIRST_NEWKEYS_STRICT,
                    REKEY_EXCHANGE, REKEY_NEWKEYS), TransportInput.KEXINIT, Action.PROTOCOL_ERROR,
                    "a second SSH_MSG_KEXINIT during one key exchange"),

            row(EnumSet.of(FIRST_EXCHANGE, FIRST_EXCHANGE_STRICT, REKEY_EXCHANGE), TransportInput.KEX_METHOD,
                    Action.KEX_METHOD_MESSAGE, "RFC 5656 §4"),
            row(union(EnumSet.of(FIRST_KEXINIT, FIRST_NEWKEYS, FIRST_NEWKEYS_STRICT, REKEY_KEXINIT, REKEY_NEWKEYS),
                    OPEN_ANY), TransportInput.KEX_METHOD, Action.PROTOCOL_ERROR,
                    "a key exchange message outside the exchange's method step"),

            row(EnumSet.of(FIRST_NEWKEYS, FIRST_NEWKEYS_STRICT, REKEY_NEWKEYS), TransportInput.NEWKEYS,
                    Action.TAKE_NEWKEYS, "RFC 4253 §7.3"),
            row(union(EnumSet.of(FIRST_KEXINIT, FIRST_EXCHANGE, FIRST_EXCHANGE_STRICT, REKEY_KEXINIT,
                    REKEY_EXCHANGE), OPEN_ANY), TransportInput.NEWKEYS, Action.PROTOCOL_ERROR,
                    "unexpected SSH_MSG_NEWKEYS"),

            row(union(FIRST_LAX, FIRST_STRICT), TransportInput.SERVICE, Action.PROTOCOL_ERROR,
                    "a service message before the first key exchange completed"),
            row(union(OPEN_ANY, EnumSet.of(REKEY_KEXINIT)), TransportInput.SERVICE, Action.DELIVER,
                    "RFC 4253 §7.1: until its own KEXINIT the peer sends what it likes"),
            row(EnumSet.of(REKEY_EXCHANGE, REKEY_NEWKEYS), TransportInput.SERVICE, Action.PROTOCOL_ERROR,
                    "RFC 4253 §7.1: a service message between the peer's KEXINIT and its NEWKEYS"),

            row(GUESS, TransportInput.IGNORE, Action.DROP_GUESSED, "RFC 4253 §7"),
            row(GUESS, TransportInput.DEBUG, Action.DROP_GUESSED, "RFC 4253 §7"),
            row(GUESS, TransportInput.UNIMPLEMENTED, Action.DROP_GUESSED, "RFC 4253 §7"),
            row(GUESS, TransportInput.UNKNOWN_TRANSPORT, Action.DROP_GUESSED, "RFC 4253 §7"),
            row(GUESS, TransportInput.EXT_INFO, Action.DROP_GUESSED, "RFC 4253 §7"),
            row(GUESS, TransportInput.KEXINIT, Action.DROP_GUESSED, "RFC 4253 §7"),
            row(GUESS, TransportInput.NEWKEYS, Action.DROP_GUESSED, "RFC 4253 §7"),
            row(GUESS, TransportInput.KEX_METHOD, Action.DROP_GUESSED, "RFC 4253 §7"),
            row(GUESS, TransportInput.SERVICE, Action.DROP_GUESSED, "RFC 4253 §7"),

            // RFC 4253 §9 re-exchange by volume, and OpenSSH's MAX_PACKETS: automatic only after
            // login, since sshd refuses a KEXINIT before it.
            row(EnumSet.of(OPEN), TransportInput.REKEY_DUE, Action.START_REKEY, "RFC 4253 §9"),
            row(union(FIRST_LAX, FIRST_STRICT, GUESS, REKEYING, EnumSet.of(OPEN_UNAUTHENTICATED)),
                    TransportInput.REKEY_DUE, Action.NOTHING, "an exchange runs, or the user is not yet in"),
            row(OPEN_ANY, TransportInput.REKEY_REQUESTED, Action.START_REKEY, "RFC 4253 §9"),
            row(union(FIRST_LAX, FIRST_STRICT, GUESS, REKEYING), TransportInput.REKEY_REQUESTED, Action.NOTHING,
                    "an exchange runs already"),
            row(ALL, TransportInput.KEYS_WORN_OUT, Action.KEYS_WORN_OUT,
                    "the keys were not replaced before their limit"));

    private static final Map<Side, Map<KexState, Map<TransportInput, Row>>> TABLE = index(ROWS);

    private KexTransitions() {
    }

    /** The row for this side, state and input. */
    static Row lookup(Side side, KexState state, TransportInput input) {
        Row r = TABLE.get(side).get(state).get(input);
        if (r == null) {
            throw new IllegalStateException("no rule for " + input + " in " + state);
        }
        return r;
    }

    private static Row row(Set<KexState> states, TransportInput input, Action action, String rule) {
        return new Row(BOTH, states, input, action, rule);
    }

    private static Row row(Set<Side> sides, Set<KexState> states, TransportInput input, Action action, String rule) {
        return new Row(sides, states, input, action, rule);
    }

    @SafeVarargs
    private static Set<KexState> union(Set<KexState>... sets) {
        Set<KexState> all = EnumSet.noneOf(KexState.class);
        for (Set<KexState> s : sets) {
            all.addAll(s);
        }
        return all;
    }

    /** Builds the lookup and refuses a table with a hole or an overlap. */
    private static Map<Side, Map<KexState, Map<TransportInput, Row>>> index(List<Row> rows) {
        Map<Side, Map<KexState, Map<TransportInput, Row>>> table = new EnumMap<>(Side.class);
        List<String> problems = new ArrayList<>();
        for (Side side : Side.values()) {
            Map<KexState, Map<TransportInput, Row>> byState = new EnumMap<>(KexState.class);
            for (KexState state : ALL) {
                Map<TransportInput, Row> byInput = new EnumMap<>(TransportInput.class);
                for (Row r : rows) {
                    if (r.sides().contains(side) && r.states().contains(state)
                            && byInput.put(r.input(), r) != null) {
                        problems.add("two rows for " + side + " " + state + " " + r.input());
                    }
                }
                for (TransportInput input : TransportInput.values()) {
                    if (!byInput.containsKey(input)) {
                        problems.add("no row for " + side + " " + state + " " + input);
                    }
                }
                byState.put(state, Collections.unmodifiableMap(byInput));
            }
            table.put(side, Collections.unmodifiableMap(byState));
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("key exchange table: " + problems);
        }
        return Collections.unmodifiableMap(table);
    }
}
