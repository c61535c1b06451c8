package dev.keyway.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.keyway.api.AlgorithmCategory;
import dev.keyway.api.DisconnectReason;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The transport after the key exchange. A client and a server agree on keys in memory, with
 * fixed randomness, over a cipher and MAC the input's first two bytes choose; the rest of the
 * input is a script of what one side's owner does or what happens on its outgoing wire, one
 * step a byte (the low bit picks the side) followed by its operands:
 * <pre>
 *   0 send a service message (length byte, payload; the first byte made a service number)
 *   1 send SSH_MSG_IGNORE (length byte, data)      2 send SSH_MSG_DEBUG (length byte, text)
 *   3 request a re-key                             4 deliver up to n bytes (byte n, 0: all)
 *   5 flip bits of a byte in flight (16-bit position, mask)
 *   6 lose the first n+1 bytes in flight (byte n) 7 add bytes in front (length byte, bytes)
 *   8 disconnect                                   9 the receiver loses the connection
 * </pre>
 * Then everything in flight is delivered. {@link EstablishedPair} checks its rules after
 * every step.
 */
class EstablishedTransportFuzzTest {
    private static final List<String> CIPHERS = Fixtures.REGISTRY.names(AlgorithmCategory.CIPHER);
    private static final List<String> MACS = Fixtures.REGISTRY.names(AlgorithmCategory.MAC);
    private static final int STEPS = 10;

    @FuzzTest
    void scriptedPeerAndWire(byte[] data) {
        FuzzInput input = new FuzzInput(data);
        EstablishedPair pair = new EstablishedPair(CIPHERS.get(input.u8() % CIPHERS.size()),
                MACS.get(input.u8() % MACS.size()));
        while (input.hasMore()) {
            int step = input.u8();
            EstablishedPair.Side side = pair.side((step & 1) == 0);
            run(step >>> 1, side, pair, input);
            pair.checkInvariants();
        }
        pair.settle();
        pair.checkInvariants();
    }

    private static void run(int step, EstablishedPair.Side side, EstablishedPair pair, FuzzInput input) {
        boolean open = !side.engine.isClosed();
        switch (step % STEPS) {
            case 0 -> side.send(servicePayload(input.shortRun()));
            case 1 -> {
                byte[] data = input.shortRun();
                if (open) {
                    side.engine.sendIgnore(data);
                }
            }
            case 2 -> {
                String text = new String(input.shortRun(), StandardCharsets.US_ASCII);
                if (open) {
                    side.engine.sendDebug(text.length() % 2 == 0, text);
                }
            }
            case 3 -> side.engine.requestRekey();
            case 4 -> {
                int n = input.u8();
                side.wire.deliver(n == 0 ? Integer.MAX_VALUE : n);
            }
            case 5 -> side.wire.flip(input.u16(), input.u8() | 1);
            case 6 -> side.wire.drop(input.u8() + 1);
            case 7 -> side.wire.inject(input.shortRun());
            case 8 -> {
                pair.end();
                side.engine.disconnect(DisconnectReason.BY_APPLICATION, "scripted");
            }
            default -> {
                pair.end();
                pair.peer(side).engine.connectionLost("scripted");
            }
        }
    }

    /** RFC 4253 §7.1 leaves 50 and up to the layers above; a lower first byte is moved there. */
    private static byte[] servicePayload(byte[] run) {
        byte[] payload = run.length == 0 ? new byte[1] : run;
        if ((payload[0] & 0xff) < 50) {
            payload[0] += 50;
        }
        return payload;
    }
}
