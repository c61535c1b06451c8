package dev.keyway.net;

import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.api.wire.SshWriter;
import dev.keyway.transport.HostKeyVerifier;
import dev.keyway.transport.SshTransport;
import dev.keyway.transport.TransportConfig;
import dev.keyway.transport.TransportEvent;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Keyway transport peers for network tests: a server that accepts the ssh-userauth service. */
final class LoopbackPeers {
    static final AlgorithmRegistry REGISTRY = AlgorithmRegistry.loadDefault();
    static final KeyPair HOST_KEY = REGISTRY.signature("ssh-ed25519").orElseThrow().generateKeyPair(new SecureRandom());
    static final InetSocketAddress ANY_PORT = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    private LoopbackPeers() {
    }

    static byte[] serviceRequest() {
        return new SshWriter().writeByte(5).writeUtf8("ssh-userauth").toByteArray();
    }

    /** A server driver that records its events and answers SERVICE_REQUEST with SERVICE_ACCEPT. */
    static TransportDriver server(Queue<TransportEvent> seen) {
        SshTransport t = SshTransport.server(TransportConfig.builder(REGISTRY).hostKeys(List.of(HOST_KEY)).build());
        return new TransportDriver(t, (c, e) -> {
            seen.add(e);
            if (e instanceof TransportEvent.ServiceMessage m && m.messageNumber() == 5) {
                t.send(new SshWriter().writeByte(6).writeUtf8("ssh-userauth").toByteArray());
            }
        });
    }

    /** A client driver that asks for ssh-userauth once keys are up and leaves when accepted. */
    static TransportDriver client(Queue<TransportEvent> seen) {
        SshTransport t = SshTransport.client(TransportConfig.builder(REGISTRY)
                .hostKeyVerifier(HostKeyVerifier.dangerAcceptAny()).build());
        return new TransportDriver(t, (c, e) -> {
            seen.add(e);
            if (e instanceof TransportEvent.KeysEstablished k && k.keyExchangeCount() == 1) {
                t.send(serviceRequest());
            } else if (e instanceof TransportEvent.ServiceMessage m && m.messageNumber() == 6) {
                t.disconnect(dev.keyway.api.DisconnectReason.BY_APPLICATION, "done");
            }
        });
    }

    static Queue<TransportEvent> events() {
        return new ConcurrentLinkedQueue<>();
    }

    static <T extends TransportEvent> boolean has(Queue<TransportEvent> events, Class<T> type) {
        return events.stream().anyMatch(type::isInstance);
    }

    /** Waits, bounded, until {@code count} events of a type were seen (they come from another thread). */
    static <T extends TransportEvent> List<T> await(Queue<TransportEvent> events, Class<T> type, int count)
            throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (true) {
            List<T> found = events.stream().filter(type::isInstance).map(type::cast).toList();
            if (found.size() >= count || System.nanoTime() > deadline) {
                return found;
            }
            Thread.sleep(10);
        }
    }
}
