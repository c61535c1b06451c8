package dev.keyway.connection.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.keyway.api.SshProtocolException;
import dev.keyway.connection.ChannelRequest;
import dev.keyway.connection.ChannelRequest.*;
import dev.keyway.connection.internal.ConnectionMessage.*;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Every connection message and session request encodes and parses back, and bad bytes only ever give SshProtocolException. */
class MessageCodecPropertiesTest {

    @Property
    void messagesRoundTrip(@ForAll("messages") ConnectionMessage m) throws SshProtocolException {
        byte[] wire = m.toPayload();
        ConnectionMessage parsed = MessageParser.parse(wire, 0, wire.length);
        assertEquals(m.getClass(), parsed.getClass());
        assertArrayEquals(wire, parsed.toPayload());
    }

    @Property
    void truncatedMessagesFailCleanly(@ForAll("messages") ConnectionMessage m) {
        byte[] wire = m.toPayload();
        for (int len = 0; len < wire.length; len++) {
            int cut = len;
            if (endsInFixedFields(m)) {
                assertThrows(SshProtocolException.class, () -> MessageParser.parse(wire, 0, cut));
            } else {
                parseOrProtocolError(wire, cut);
            }
        }
    }

    @Property
    void trailingBytesAfterFixedFieldsAreRejected(@ForAll("messages") ConnectionMessage m, @ForAll byte extra) {
        if (endsInFixedFields(m)) {
            byte[] wire = Arrays.copyOf(m.toPayload(), m.toPayload().length + 1);
            wire[wire.length - 1] = extra;
            assertThrows(SshProtocolException.class, () -> MessageParser.parse(wire, 0, wire.length));
        }
    }

    @Property(tries = 1000)
    void randomBytesFailCleanly(@ForAll("numbers") int number, @ForAll byte[] rest) {
        byte[] wire = new byte[rest.length + 1];
        wire[0] = (byte) number;
        System.arraycopy(rest, 0, wire, 1, rest.length);
        parseOrProtocolError(wire, wire.length);
    }

    @Property
    void requestsRoundTrip(@ForAll("requests") ChannelRequest r) throws SshProtocolException {
        assertEquals(r, RequestCodec.parse(r.type(), RequestCodec.encode(r)));
    }

    @Property
    void truncatedRequestsAreRejected(@ForAll("requests") ChannelRequest r) {
        byte[] data = RequestCodec.encode(r);
        for (int len = 0; len < data.length; len++) {
            byte[] cut = Arrays.copyOf(data, len);
            if (!(r instanceof OtherRequest)) {
                assertThrows(SshProtocolException.class, () -> RequestCodec.parse(r.type(), cut));
            }
        }
    }

    @Property
    void randomRequestDataFailsCleanly(@ForAll("requestTypes") String type, @ForAll byte[] data) {
        try {
            RequestCodec.parse(type, data);
        } catch (SshProtocolException expected) {
            // the only way to fail
        }
    }

    /** Whether nothing of the message is free-form trailing data, so any cut or extra byte is wrong. */
    private static boolean endsInFixedFields(ConnectionMessage m) {
        return !(m instanceof GlobalRequest || m instanceof GlobalReply g && g.success() || m instanceof ChannelOpen
                || m instanceof OpenConfirmation || m instanceof Request);
    }

    private static void parseOrProtocolError(byte[] wire, int len) {
        try {
            MessageParser.parse(wire, 0, len);
        } catch (SshProtocolException expected) {
            // the only way to fail
        }
    }

    @Provide
    Arbitrary<Integer> numbers() {
        return Arbitraries.oneOf(Arbitraries.integers().between(80, 100), Arbitraries.integers().between(0, 255));
    }

    @Provide
    Arbitrary<String> requestTypes() {
        return Arbitraries.of("pty-req", "env", "shell", "exec", "subsystem", "window-change", "signal",
                "exit-status", "exit-signal", "keepalive@openssh.com");
    }

    private static Arbitrary<String> text() {
        return Arbitraries.strings().alpha().numeric().withChars("-_@. é漢").ofMaxLength(24);
    }

    private static Arbitrary<byte[]> bytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(48);
    }

    private static Arbitrary<Long> uint32() {
        return Arbitraries.longs().between(0, 0xffffffffL);
    }

    @Provide
    Arbitrary<ConnectionMessage> messages() {
        Arbitrary<Integer> id = Arbitraries.integers();
        Arbitrary<Boolean> flag = Arbitraries.of(true, false);
        return Arbitraries.oneOf(
                Combinators.combine(text(), flag, bytes()).as(GlobalRequest::new),
                Combinators.combine(flag, bytes()).as((s, d) -> new GlobalReply(s, s ? d : new byte[0])),
                Combinators.combine(text(), id, uint32(), uint32(), bytes()).as(ChannelOpen::new),
                Combinators.combine(id, id, uint32(), uint32(), bytes()).as(OpenConfirmation::new),
                Combinators.combine(id, id, text(), text()).as(OpenFailure::new),
                Combinators.combine(id, uint32()).as(WindowAdjust::new),
                Combinators.combine(id, Arbitraries.integers().injectNull(0.5), bytes()).as(Data::new),
                id.map(Eof::new),
                id.map(Close::new),
                Combinators.combine(id, text(), flag, bytes()).as(Request::new),
                Combinators.combine(id, flag).as(RequestReply::new));
    }

    @Provide
    Arbitrary<ChannelRequest> requests() {
        Arbitrary<Integer> u = Arbitraries.integers();
        return Arbitraries.oneOf(
                Combinators.combine(text(), u, u, u, u, bytes()).as(PtyRequest::new),
                Combinators.combine(text(), text()).as(EnvRequest::new),
                Arbitraries.just(new ShellRequest()),
                bytes().map(ExecRequest::new),
                text().map(SubsystemRequest::new),
                Combinators.combine(u, u, u, u).as(WindowChange::new),
                text().map(Signal::new),
                u.map(ExitStatus::new),
                Combinators.combine(text(), Arbitraries.of(true, false), text(), text()).as(ExitSignal::new),
                Combinators.combine(text().filter(t -> !RequestCodec.known(t)), bytes())
                        .as(OtherRequest::new));
    }
}
