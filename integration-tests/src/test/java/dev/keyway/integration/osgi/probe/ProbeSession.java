package dev.keyway.integration.osgi.probe;

import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.ssh.ClientSession;
import dev.keyway.ssh.SshClient;
import dev.keyway.transport.KexInit;
import dev.keyway.transport.TransportEvent;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** One client session of the probe, with what its transport observer saw: the server's KEXINITs and the key exchanges. */
final class ProbeSession {
    private final AlgorithmRegistry algorithms;
    private volatile SshClient client;
    private volatile ClientSession session;
    private KexInit serverKexInit;
    private int keyExchanges;

    ProbeSession(AlgorithmRegistry algorithms) {
        this.algorithms = algorithms;
    }

    void open(SshClient client, ClientSession session) {
        this.client = client;
        this.session = session;
    }

    /** Called on the network thread for every transport event. */
    synchronized void observe(TransportEvent event) {
        if (event instanceof TransportEvent.KexInitReceived received) {
            serverKexInit = received.kexInit();
        } else if (event instanceof TransportEvent.KeysEstablished established) {
            keyExchanges = established.keyExchangeCount();
            notifyAll();
        }
    }

    AlgorithmRegistry algorithms() {
        return algorithms;
    }

    ClientSession session() {
        return session;
    }

    synchronized int keyExchanges() {
        return keyExchanges;
    }

    synchronized List<String> serverOffer(String field) {
        return switch (field) {
            case "kex" -> serverKexInit.kexAlgorithms();
            case "cipher" -> serverKexInit.encryptionServerToClient();
            default -> throw new IllegalArgumentException(field);
        };
    }

    synchronized int awaitKeyExchangesAbove(int count, long limit, TimeUnit unit)
            throws InterruptedException, TimeoutException {
        long end = System.nanoTime() + unit.toNanos(limit);
        while (keyExchanges <= count) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                throw new TimeoutException("no key re-exchange after " + count);
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return keyExchanges;
    }

    /** Not under this object's lock: closing waits for the network thread, which calls {@link #observe}. */
    void close() {
        session.close();
        client.close();
    }
}
