package dev.keyway.ssh.internal;

import dev.keyway.net.ObservedDriver;
import dev.keyway.net.ProtocolDriver;
import dev.keyway.ssh.MessageObserver;
import dev.keyway.transport.TransportEvent;
import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * Who watches a session: its transport events, its messages above the transport, and the
 * bytes it writes to the socket. Null means nobody, so that no copy is made for nobody.
 */
public record SessionObservers(Consumer<TransportEvent> transport, MessageObserver messages,
        Consumer<ByteBuffer> wire) {

    /** The driver to hand the network layer: the session's own, or one that shows its bytes. */
    ProtocolDriver wrap(SessionDriver driver) {
        return wire == null ? driver : new ObservedDriver(driver, wire, () -> { });
    }
}
