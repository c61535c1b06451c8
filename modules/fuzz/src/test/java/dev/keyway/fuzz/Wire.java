package dev.keyway.fuzz;

import dev.keyway.transport.SshTransport;
import java.util.Arrays;

/**
 * One direction of the byte stream between two engines, as the network would carry it: the
 * bytes the sender wrote and the receiver has not had yet, which an attacker on the path may
 * flip, drop or add to. Remembers whether it was tampered with.
 */
final class Wire {
    private final SshTransport from;
    private final SshTransport to;
    private byte[] inFlight = new byte[0];
    private boolean tampered;

    Wire(SshTransport from, SshTransport to) {
        this.from = from;
        this.to = to;
    }

    /** Moves up to {@code max} bytes to the receiver, after taking what the sender wrote. */
    int deliver(int max) {
        take();
        int n = Math.min(max, inFlight.length);
        if (n > 0 && !to.isClosed()) {
            to.receive(inFlight, 0, n);
        }
        inFlight = Arrays.copyOfRange(inFlight, n, inFlight.length);
        return n;
    }

    /** XORs {@code mask} (not zero) into the byte at {@code position}, wrapped to what is in flight. */
    void flip(int position, int mask) {
        take();
        if (inFlight.length > 0) {
            inFlight[position % inFlight.length] ^= (byte) mask;
            tampered = true;
        }
    }

    /** Loses up to {@code n} bytes at the front. */
    void drop(int n) {
        take();
        int lost = Math.min(n, inFlight.length);
        inFlight = Arrays.copyOfRange(inFlight, lost, inFlight.length);
        tampered |= lost > 0;
    }

    /** Puts bytes the sender never wrote at the front. */
    void inject(byte[] bytes) {
        take();
        inFlight = concat(bytes, inFlight);
        tampered |= bytes.length > 0;
    }

    boolean tampered() {
        return tampered;
    }

    /** Whether nothing is waiting, in the sender or on the wire. */
    boolean quiet() {
        return inFlight.length == 0 && from.pendingOutput() == 0;
    }

    private void take() {
        int n = from.pendingOutput();
        if (n > 0) {
            byte[] more = new byte[n];
            from.readOutput(more, 0, n);
            inFlight = concat(inFlight, more);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}
