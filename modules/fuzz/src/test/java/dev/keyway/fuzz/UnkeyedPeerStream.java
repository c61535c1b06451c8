package dev.keyway.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.keyway.transport.SshTransport;
import dev.keyway.transport.TransportEvent;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A transport engine fed, chunk by chunk, whatever a peer that holds no session keys may send:
 * the input is a run of chunks, each a length byte and that many bytes. After every chunk it
 * checks the promises of {@link SshTransport}:
 * <ul>
 * <li>{@code receive} throws nothing (an escaping exception fails the target by itself);
 * <li>the engine stays open, or it has reported exactly one {@code Disconnected}, last, with a
 *     reason, and not for an "internal error" (the engine's name for its own defects);
 * <li>a closed engine ignores input: no event and no output after its disconnect;
 * <li>its pending output grows by no more than a key exchange reply and a disconnect, plus one
 *     packet per packet received (RFC 4253 §11.4 answers an unknown one with UNIMPLEMENTED);
 * <li>it reports nothing the input cannot account for: each event that says what the peer
 *     sent takes a packet of at least 16 bytes (RFC 4253 §6), the identification takes its
 *     line, which appears in the input as reported (RFC 4253 §4.2);
 * <li>none of the events that only a keyed peer can cause (given per role).
 * </ul>
 */
final class UnkeyedPeerStream {
    /** RFC 4253 §6: the smallest packet, in the clear. */
    private static final int MIN_PACKET = 16;
    /** {@code SSH-2.0-} and LF: the shortest identification line an engine accepts. */
    private static final int MIN_IDENTIFICATION_LINE = 9;
    /**
     * A key exchange reply (post-quantum public values and an RSA host key and signature are
     * the largest), NEWKEYS, EXT_INFO and a DISCONNECT with its description.
     */
    private static final int KEY_EXCHANGE_AND_DISCONNECT = 8 * 1024;

    private final SshTransport engine;
    private final Set<Class<? extends TransportEvent>> impossible;
    private final int initialOutput;
    private final ByteArrayOutputStream fed = new ByteArrayOutputStream();
    private final List<TransportEvent> events = new ArrayList<>();

    /** @param impossible the events a peer without the session keys cannot cause on this side */
    UnkeyedPeerStream(SshTransport engine, Set<Class<? extends TransportEvent>> impossible) {
        this.engine = engine;
        this.impossible = impossible;
        this.initialOutput = engine.pendingOutput();
        drain();
    }

    /** Feeds every chunk of the input, checking after each. */
    void feed(FuzzInput input) {
        while (input.hasMore()) {
            receive(input.shortRun());
        }
    }

    private void receive(byte[] chunk) {
        boolean closedBefore = engine.isClosed();
        int outputBefore = engine.pendingOutput();
        int eventsBefore = events.size();
        engine.receive(chunk, 0, chunk.length);
        fed.writeBytes(chunk);
        drain();
        if (closedBefore) {
            assertEquals(eventsBefore, events.size(), "a closed engine reported events");
            assertEquals(outputBefore, engine.pendingOutput(), "a closed engine wrote output");
        }
        checkEnding();
        assertTrue(engine.pendingOutput() <= initialOutput + KEY_EXCHANGE_AND_DISCONNECT + fed.size(),
                () -> engine.pendingOutput() + " bytes of output for " + fed.size() + " bytes of input");
        checkAccountedFor();
    }

    private void drain() {
        for (TransportEvent e; (e = engine.pollEvent()) != null; ) {
            events.add(e);
        }
    }

    private void checkEnding() {
        List<TransportEvent.Disconnected> ends = new ArrayList<>();
        for (TransportEvent e : events) {
            if (e instanceof TransportEvent.Disconnected d) {
                ends.add(d);
            }
        }
        if (!engine.isClosed()) {
            assertTrue(ends.isEmpty(), () -> "an open engine reported " + ends);
            return;
        }
        assertEquals(1, ends.size(), () -> "a closed engine must report one Disconnected: " + ends);
        TransportEvent.Disconnected end = ends.get(0);
        assertEquals(end, events.get(events.size() - 1), "Disconnected is not the last event");
        assertNotNull(end.reason(), "a disconnect without a reason");
        assertFalse(end.description().startsWith("internal error"), () -> "engine defect: " + end);
    }

    private void checkAccountedFor() {
        int cost = 0;
        for (TransportEvent e : events) {
            if (impossible.stream().anyMatch(t -> t.isInstance(e))) {
                fail("a peer without keys caused " + e);
            }
            if (e instanceof TransportEvent.IdentificationReceived id) {
                checkIdentificationWasFed(id);
                cost += MIN_IDENTIFICATION_LINE + id.preamble().size();
            } else if (e instanceof TransportEvent.KexInitReceived || e instanceof TransportEvent.DebugMessage
                    || e instanceof TransportEvent.ServiceMessage || e instanceof TransportEvent.ExtensionInfo
                    || e instanceof TransportEvent.KexEcdhInit i && !i.sent()
                    || e instanceof TransportEvent.KexEcdhReply r && !r.sent()
                    || e instanceof TransportEvent.NewKeys n && !n.sent()
                    || e instanceof TransportEvent.Disconnected d && d.byPeer()) {
                cost += MIN_PACKET;
            }
        }
        int total = cost;
        assertTrue(total <= fed.size(), () -> "events need " + total + " bytes of input, " + fed.size()
                + " were fed: " + events);
    }

    private void checkIdentificationWasFed(TransportEvent.IdentificationReceived id) {
        String input = fed.toString(StandardCharsets.ISO_8859_1);
        assertTrue(input.contains(id.identification()), () -> "identification not in the input: " + id);
        for (String line : id.preamble()) {
            assertTrue(input.contains(line), () -> "preamble line not in the input: " + line);
        }
    }
}
