package dev.keyway.integration.openssh;

import dev.keyway.api.wire.SshReader;
import dev.keyway.api.wire.SshWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One direction of the {@link TerrapinProxy}, as a filter without I/O: the bytes one peer sent
 * go in, the bytes to forward to the other peer come out. It reads the clear-text start of the
 * stream as a man in the middle can: identification lines (RFC 4253 §4.2), then binary packets
 * whose {@code packet_length} is in clear and which carry no MAC (§6), until this direction's
 * SSH_MSG_NEWKEYS. On the way it may inject one packet of its own, and right after NEWKEYS it may
 * delete the first encrypted packet, whose size {@link EncryptedFraming} works out. From then on
 * every byte is forwarded untouched.
 */
final class MitmDirection {
    private static final int KEXINIT = 20;
    private static final int NEWKEYS = 21;
    /** RFC 4253 §4.2: an identification line, CR LF included, is at most 255 characters. */
    private static final int MAX_LINE = 255;

    /** Where in the clear-text packets the injected one goes. */
    enum InjectionPoint {
        /** Before the peer's first binary packet, its SSH_MSG_KEXINIT. */
        BEFORE_KEXINIT,
        /** Right before the peer's SSH_MSG_NEWKEYS, after the key exchange messages. */
        BEFORE_NEWKEYS
    }

    private enum State { IDENTIFICATION, CLEAR_PACKETS, FIRST_ENCRYPTED_PACKET, RELAY }

    private final byte[] injected;
    private final InjectionPoint injectionPoint;
    private final Supplier<EncryptedFraming> deletion;
    private final int predictedPayloadLength;
    private final Consumer<byte[]> kexInitSeen;
    private State state = State.IDENTIFICATION;
    private byte[] pending = new byte[1024];
    private int pendingLength;
    private boolean sawPacket;
    private boolean didInject;
    private int deletedBytes;

    private MitmDirection(byte[] injected, InjectionPoint injectionPoint, Supplier<EncryptedFraming> deletion,
            int predictedPayloadLength, Consumer<byte[]> kexInitSeen) {
        this.injected = injected;
        this.injectionPoint = injectionPoint;
        this.deletion = deletion;
        this.predictedPayloadLength = predictedPayloadLength;
        this.kexInitSeen = kexInitSeen;
    }

    /** Forwards everything and only reports the peer's KEXINIT payload. */
    static MitmDirection observing(Consumer<byte[]> kexInitSeen) {
        return new MitmDirection(null, null, null, 0, kexInitSeen);
    }

    /**
     * Injects the clear-text {@code packet} at {@code point} and deletes the first packet after
     * NEWKEYS, sized by the framing {@code deletion} supplies once NEWKEYS passed (both KEXINITs
     * are known then). {@code predictedPayloadLength} is what the attacker expects that packet's
     * payload to be, needed only where the framing hides {@code packet_length}.
     */
    static MitmDirection tampering(byte[] packet, InjectionPoint point, Supplier<EncryptedFraming> deletion,
            int predictedPayloadLength, Consumer<byte[]> kexInitSeen) {
        return new MitmDirection(packet.clone(), point, deletion, predictedPayloadLength, kexInitSeen);
    }

    /**
     * A clear-text binary packet (RFC 4253 §6) carrying {@code payload}: the whole packet a
     * multiple of 8 bytes, at least 4 bytes of padding, no MAC.
     */
    static byte[] clearTextPacket(byte[] payload) {
        int padding = 8 - (5 + payload.length) % 8;
        if (padding < 4) {
            padding += 8;
        }
        byte[] packet = new byte[5 + payload.length + padding];
        int packetLength = 1 + payload.length + padding;
        SshWriter.putUint32At(packet, 0, packetLength);
        packet[4] = (byte) padding;
        System.arraycopy(payload, 0, packet, 5, payload.length);
        return packet;
    }

    /** Takes bytes from the peer; returns the bytes to forward, possibly none. */
    byte[] accept(byte[] data, int off, int len) {
        append(data, off, len);
        ByteArrayOutputStream forward = new ByteArrayOutputStream(len + (injected == null ? 0 : injected.length));
        while (step(forward)) {
            // Each step consumes one line or packet; stop when the rest has not arrived yet.
        }
        return forward.toByteArray();
    }

    /** Whether the injected packet went out. */
    boolean injected() {
        return didInject;
    }

    /** How many bytes the deleted packet had on the wire; 0 if none was deleted. */
    int deletedBytes() {
        return deletedBytes;
    }

    private boolean step(ByteArrayOutputStream forward) {
        return switch (state) {
            case IDENTIFICATION -> takeLine(forward);
            case CLEAR_PACKETS -> takePacket(forward);
            case FIRST_ENCRYPTED_PACKET -> dropFirstEncryptedPacket();
            case RELAY -> {
                forward.write(pending, 0, pendingLength);
                pendingLength = 0;
                yield false;
            }
        };
    }

    /** A server may send other lines before its identification string (RFC 4253 §4.2). */
    private boolean takeLine(ByteArrayOutputStream forward) {
        int end = -1;
        for (int i = 0; i < pendingLength && end < 0; i++) {
            if (pending[i] == '\n') {
                end = i + 1;
            }
        }
        if (end < 0) {
            if (pendingLength > MAX_LINE) {
                throw new IllegalStateException("no identification line in " + pendingLength + " bytes");
            }
            return false;
        }
        if (new String(pending, 0, Math.min(end, 4), StandardCharsets.US_ASCII).equals("SSH-")) {
            state = State.CLEAR_PACKETS;
        }
        forward.write(pending, 0, end);
        consume(end);
        return true;
    }

    private boolean takePacket(ByteArrayOutputStream forward) {
        if (pendingLength < 6) {
            return false;
        }
        int total = 4 + SshReader.uint32At(pending, 0);
        if (pendingLength < total) {
            return false;
        }
        int number = pending[5] & 0xff;
        boolean injectHere = injectionPoint == InjectionPoint.BEFORE_KEXINIT ? !sawPacket : number == NEWKEYS;
        if (injected != null && !didInject && injectHere) {
            forward.write(injected, 0, injected.length);
            didInject = true;
        }
        if (number == KEXINIT && !sawPacket) {
            int padding = pending[4] & 0xff;
            kexInitSeen.accept(Arrays.copyOfRange(pending, 5, total - padding));
        }
        sawPacket = true;
        forward.write(pending, 0, total);
        consume(total);
        if (number == NEWKEYS) {
            state = deletion == null ? State.RELAY : State.FIRST_ENCRYPTED_PACKET;
        }
        return true;
    }

    private boolean dropFirstEncryptedPacket() {
        int size = deletion.get().packetSize(pending, pendingLength, predictedPayloadLength);
        if (size < 0 || pendingLength < size) {
            return false;
        }
        consume(size);
        deletedBytes = size;
        state = State.RELAY;
        return true;
    }

    private void append(byte[] data, int off, int len) {
        if (pending.length - pendingLength < len) {
            pending = Arrays.copyOf(pending, Math.max(pending.length * 2, pendingLength + len));
        }
        System.arraycopy(data, off, pending, pendingLength, len);
        pendingLength += len;
    }

    private void consume(int n) {
        System.arraycopy(pending, n, pending, 0, pendingLength - n);
        pendingLength -= n;
    }
}
