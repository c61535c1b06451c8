package dev.keyway.transport.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyway.transport.internal.KexTransitions.Action;
import dev.keyway.transport.internal.KexTransitions.Row;
import dev.keyway.transport.internal.KexTransitions.Side;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The key exchange table: complete, each rule sourced, the strict and pre-login rules where
 * they belong, and the copy in docs/transport.md generated from it (run with
 * {@code -Dkeyway.writeDocs=true} to rewrite that copy after changing the table).
 */
class KexTransitionsTest {
    private static final Path DOC = Path.of("../../docs/transport.md");
    private static final String START = "<!-- generated from KexTransitions: start -->";
    private static final String END = "<!-- generated from KexTransitions: end -->";

    @Test
    void everySideStateAndInputHasExactlyOneRow() {
        for (Side side : Side.values()) {
            for (KexState state : EnumSet.complementOf(EnumSet.of(KexState.CLOSED))) {
                for (TransportInput input : TransportInput.values()) {
                    Row r = KexTransitions.lookup(side, state, input);
                    assertFalse(r.rule().isBlank(), r + " names no rule");
                }
            }
        }
    }

    @Test
    void strictKexAdmitsOnlyKeyExchangeMessagesAndDisconnect() {
        for (KexState s : EnumSet.of(KexState.FIRST_EXCHANGE_STRICT, KexState.FIRST_NEWKEYS_STRICT)) {
            for (TransportInput input : TransportInput.values()) {
                if (!input.fromPeer()) {
                    continue;
                }
                Action a = KexTransitions.lookup(Side.CLIENT, s, input).action();
                boolean keyExchange = input == TransportInput.DISCONNECT || input == TransportInput.KEX_METHOD
                        || input == TransportInput.NEWKEYS || input == TransportInput.KEXINIT;
                if (!keyExchange) {
                    assertEquals(Action.PROTOCOL_ERROR, a, s + " " + input);
                }
            }
        }
    }

    @Test
    void onlyAServerRefusesARekeyBeforeLogin() {
        assertEquals(Action.REFUSE_KEXINIT,
                KexTransitions.lookup(Side.SERVER, KexState.OPEN_UNAUTHENTICATED, TransportInput.KEXINIT).action());
        assertEquals(Action.NEGOTIATE,
                KexTransitions.lookup(Side.CLIENT, KexState.OPEN_UNAUTHENTICATED, TransportInput.KEXINIT).action());
        assertEquals(Action.NOTHING,
                KexTransitions.lookup(Side.SERVER, KexState.OPEN_UNAUTHENTICATED, TransportInput.REKEY_DUE).action());
        assertEquals(Action.START_REKEY, KexTransitions.lookup(Side.SERVER, KexState.OPEN, TransportInput.REKEY_DUE).action());
    }

    @Test
    void aWrongGuessDropsThePacketWhateverItIs() {
        for (KexState s : EnumSet.of(KexState.FIRST_GUESS, KexState.REKEY_GUESS)) {
            for (TransportInput input : TransportInput.values()) {
                if (input.fromPeer() && input != TransportInput.DISCONNECT) {
                    assertEquals(Action.DROP_GUESSED, KexTransitions.lookup(Side.SERVER, s, input).action(), s + " " + input);
                }
            }
        }
    }

    @Test
    void wornOutKeysEndTheConnectionInEveryState() {
        for (KexState s : EnumSet.complementOf(EnumSet.of(KexState.CLOSED))) {
            assertEquals(Action.KEYS_WORN_OUT, KexTransitions.lookup(Side.CLIENT, s, TransportInput.KEYS_WORN_OUT).action());
        }
    }

    @Test
    void theDocumentShowsTheTableAsItIs() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int start = doc.indexOf(START);
        int end = doc.indexOf(END);
        assertTrue(start >= 0 && end > start, "docs/transport.md has no generated table");
        String table = markdown();
        String current = doc.substring(start + START.length(), end);
        if (Boolean.getBoolean("keyway.writeDocs")) {
            Files.writeString(DOC, doc.substring(0, start + START.length()) + table + doc.substring(end),
                    StandardCharsets.UTF_8);
            return;
        }
        assertEquals(table, current, "docs/transport.md is out of date: rerun with -Dkeyway.writeDocs=true");
    }

    /** One line per row: the input, the states, the side when only one, the action and its source. */
    static String markdown() {
        StringBuilder out = new StringBuilder("\n| input | in states | side | action | rule |\n|---|---|---|---|---|\n");
        for (Row r : KexTransitions.ROWS) {
            String states = r.states().size() == EnumSet.complementOf(EnumSet.of(KexState.CLOSED)).size() ? "any"
                    : r.states().stream().map(Enum::name).collect(Collectors.joining(", "));
            String side = r.sides().size() == Side.values().length ? "both" : r.sides().iterator().next().name().toLowerCase();
            out.append("| ").append(r.input()).append(" | ").append(states).append(" | ").append(side).append(" | ")
                    .append(r.action()).append(" | ").append(r.rule()).append(" |\n");
        }
        return out.toString();
    }
}
