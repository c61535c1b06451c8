package dev.keyway.connection.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.keyway.api.SshProtocolException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The arithmetic of both windows (RFC 4254 §5.2) and the order of replies (§5.4). */
class WindowAndReplyQueueTest {

    @Test
    void localWindowNeverGrowsPastItsInitialSize() throws SshProtocolException {
        LocalWindow w = new LocalWindow(0xffffffffL, 0xffffffffL);
        w.receive(Integer.MAX_VALUE);
        assertEquals(Integer.MAX_VALUE, w.consume(Integer.MAX_VALUE));
        assertEquals(0xffffffffL, w.window());
    }

    @Test
    void aOneByteWindowReopensAfterEveryByte() throws SshProtocolException {
        LocalWindow w = new LocalWindow(1, 1);
        w.receive(1);
        assertThrows(SshProtocolException.class, () -> w.receive(1));
        assertEquals(1, w.consume(1));
        w.receive(1);
    }

    @Test
    void peerWindowAdjustsUpToExactlyUint32Max() throws SshProtocolException {
        PeerWindow w = new PeerWindow(0xfffffff0L, 10);
        w.adjust(0xf);
        assertEquals(0xffffffffL, w.window());
        assertThrows(SshProtocolException.class, () -> w.adjust(1));
        assertEquals(Integer.MAX_VALUE, w.allowance(Integer.MAX_VALUE));
        assertEquals(10, w.maxPacket());
    }

    @Test
    void repliesLeaveInRequestOrder() {
        ReplyQueue q = new ReplyQueue();
        List<Boolean> out = new ArrayList<>();
        q.addUndecided();
        q.addDecided(false);
        q.addUndecided();
        q.drain(out::add);
        assertEquals(List.of(), out);
        q.decide(true);
        q.drain(out::add);
        assertEquals(List.of(true, false), out);
        q.decide(true);
        q.drain(out::add);
        assertEquals(List.of(true, false, true), out);
        assertThrows(IllegalStateException.class, () -> q.decide(true));
    }
}
